import { describe, expect, it } from 'vitest';
import { collabUrl, createRoom, makeLink, parseLink } from '../../src/collab/session';

describe('share links', () => {
  const room = 'AbCdEfGhIjKlMnOpQrStUv';
  const secret = 'x'.repeat(43);

  it('carry the room and the secret after #, and read back', () => {
    const link = makeLink('https://maps.example.org/app/?a=1#old', room, secret);
    expect(link).toBe(`https://maps.example.org/app/?a=1#shared=${room}.${secret}`);
    expect(parseLink(link)).toEqual({ room, secret });
  });

  it('anything else is no link', () => {
    expect(parseLink('https://maps.example.org/')).toBeUndefined();
    expect(parseLink(`https://maps.example.org/?shared=${room}.${secret}`)).toBeUndefined();
    expect(parseLink(`https://x/#shared=short.${secret}`)).toBeUndefined();
    expect(parseLink(`https://x/#shared=${room}.sh`)).toBeUndefined();
  });

  it('the collaboration endpoint is on the page’s own host', () => {
    expect(collabUrl('https://maps.example.org/app/#x')).toBe('wss://maps.example.org/collab');
    expect(collabUrl('http://127.0.0.1:8080/')).toBe('ws://127.0.0.1:8080/collab');
  });

  it('a static copy with no server says so in words', async () => {
    const unreachable = (() => Promise.reject(new TypeError('fetch failed'))) as unknown as typeof fetch;
    await expect(createRoom('http://127.0.0.1:9/', unreachable)).rejects.toThrow(/No sharing server is reachable/);
    const staticHost = (() => Promise.resolve(new Response('', { status: 405 }))) as unknown as typeof fetch;
    await expect(createRoom('http://127.0.0.1:9/', staticHost)).rejects.toThrow(/served without a sharing server/);
  });
});
