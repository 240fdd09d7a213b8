import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SUNNYDALE, buildExample } from '../../src/model';
import { DocStore } from '../../src/store/docStore';
import { type LocalCopy, type ShareStatus, ShareSession, VIEW_ONLY_REASON, createRoom } from '../../src/collab/session';
import { type Proc, freePort, startServer, tempDir, waitFor } from './support';

const procs: Proc[] = [];
const sessions: ShareSession[] = [];

afterAll(async () => {
  for (const s of sessions) s.stop();
  for (const p of procs) await p.kill('SIGKILL');
});

function share(port: number, room: string, secret: string, mode: 'publish' | 'join', store = new DocStore(buildExample(SUNNYDALE, 'map')), localCopy?: LocalCopy) {
  const statuses: ShareStatus[] = [];
  const session = new ShareSession({ url: `ws://127.0.0.1:${port}/collab`, room, secret, store, mode, WebSocketPolyfill: WebSocket, offlineAfterMs: 1500, onStatus: (s) => statuses.push(s), localCopy });
  sessions.push(session);
  return { session, store, statuses };
}

describe('sharing a map from the app', () => {
  it('start sharing, open the edit and the view link, lose the server and get it back', async () => {
    const port = await freePort();
    const dataDir = tempDir('session');
    procs.push(await startServer({ port, dataDir }));
    const room = await createRoom(`http://127.0.0.1:${port}/`);

    const owner = share(port, room.room, room.edit, 'publish');
    owner.store.dispatch('setTitle', { title: 'Our map' });
    await owner.session.whenReady();
    const editor = share(port, room.room, room.edit, 'join', new DocStore(buildExample(SUNNYDALE, 'elsewhere')));
    const viewer = share(port, room.room, room.view, 'join', new DocStore(buildExample(SUNNYDALE, 'elsewhere')));
    await Promise.all([editor.session.whenReady(), viewer.session.whenReady()]);
    await waitFor(() => viewer.store.getDoc().title === 'Our map', 10_000, 'the viewer to have the map');
    expect(editor.session.access).toBe('edit');
    expect(viewer.session.access).toBe('view');
    expect(viewer.store.getState().readOnly).toBe(VIEW_ONLY_REASON);
    expect(viewer.store.dispatch('setTitle', { title: 'Mine now' })).toBe(false);
    for (const s of [owner, editor, viewer]) await waitFor(() => s.session.status === 'live', 10_000, 'live');

    editor.store.dispatch('updateNode', { id: 'school', patch: { label: 'Edited by a colleague' } });
    await waitFor(() => owner.store.getDoc().nodes.school!.label === 'Edited by a colleague', 10_000, 'the edit to reach the owner');

    // The server goes away: reconnecting, then offline; edits go on here and arrive once it is back.
    await procs[0]!.kill('SIGKILL');
    await waitFor(() => owner.statuses.includes('reconnecting'), 10_000, 'reconnecting');
    await waitFor(() => owner.session.status === 'offline', 10_000, 'offline');
    owner.store.dispatch('updateNode', { id: 'na1', patch: { label: 'Written offline' } });
    procs.push(await startServer({ port, dataDir }));
    await waitFor(() => owner.session.status === 'live' && editor.session.status === 'live', 15_000, 'live again');
    await waitFor(() => editor.store.getDoc().nodes.na1!.label === 'Written offline', 10_000, 'the offline edit to arrive');
    await waitFor(() => viewer.store.getDoc().nodes.na1!.label === 'Written offline', 10_000, 'the offline edit to reach the viewer');
    expect(editor.store.getDoc()).toEqual(owner.store.getDoc());

    // Stop sharing: the map stays as it was, and is the person's own again.
    owner.session.stop();
    expect(owner.store.getDoc().nodes.na1!.label).toBe('Written offline');
    expect(owner.store.dispatch('setTitle', { title: 'Only mine' })).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(editor.store.getDoc().title).toBe('Our map');
  }, 60_000);

  it('presence: names, colours and selections of the others, viewers included; gone when they leave', async () => {
    const port = await freePort();
    procs.push(await startServer({ port, dataDir: tempDir('presence') }));
    const room = await createRoom(`http://127.0.0.1:${port}/`);
    const make = (secret: string, mode: 'publish' | 'join', name: string) => {
      const session = new ShareSession({ url: `ws://127.0.0.1:${port}/collab`, room: room.room, secret, store: new DocStore(buildExample(SUNNYDALE, 'map')), mode, WebSocketPolyfill: WebSocket, name });
      sessions.push(session);
      return session;
    };
    const ana = make(room.edit, 'publish', 'Ana');
    await ana.whenReady();
    const ben = make(room.edit, 'join', 'Ben');
    const cy = make(room.view, 'join', '  Cy  ');
    await Promise.all([ben.whenReady(), cy.whenReady()]);
    await waitFor(() => ana.people().length === 2, 10_000, 'Ana to see two others');
    expect(ana.people().map((p) => p.name).sort()).toEqual(['Ben', 'Cy']);
    ben.setSelection(['school', 'na1']);
    await waitFor(() => ana.people().find((p) => p.name === 'Ben')?.selection.length === 2, 10_000, "Ben's selection");
    const colours = ana.people().map((p) => p.colour);
    expect(colours.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    // Three people, three colours (whatever their client ids): each is told apart from the others.
    const seen = () => [...ana.people(), ...ben.people()].reduce((m, p) => m.set(p.id, p.colour), new Map<number, string>());
    await waitFor(() => new Set(seen().values()).size === 3, 10_000, 'three different colours');
    expect(cy.people().map((p) => p.name).sort()).toEqual(['Ana', 'Ben']);
    ben.stop();
    await waitFor(() => ana.people().length === 1, 15_000, 'Ben to be gone');
  }, 60_000);

  it('edits made offline survive closing the page: the map opens again without the server, and they go out when it is back', async () => {
    const port = await freePort();
    const dataDir = tempDir('local-copy');
    const first = await startServer({ port, dataDir });
    procs.push(first);
    const room = await createRoom(`http://127.0.0.1:${port}/`);
    const copies = new Map<string, Uint8Array>();
    const localCopy: LocalCopy = { load: async (r) => copies.get(r), save: async (r, state) => void copies.set(r, state) };
    const owner = share(port, room.room, room.edit, 'publish');
    await owner.session.whenReady();
    const colleague = share(port, room.room, room.edit, 'join', new DocStore(buildExample(SUNNYDALE, 'elsewhere')), localCopy);
    await colleague.session.whenReady();
    await first.kill('SIGKILL');
    colleague.store.dispatch('updateNode', { id: 'school', patch: { label: 'Written offline, page closed' } });
    // The page closes while the server is down.
    colleague.session.stop();
    expect(copies.has(room.room)).toBe(true);

    // Opened again, still without a server: the map comes from the copy on this computer.
    const again = share(port, room.room, room.edit, 'join', new DocStore(buildExample(SUNNYDALE, 'elsewhere')), localCopy);
    await again.session.whenReady();
    expect(again.store.getDoc().nodes.school!.label).toBe('Written offline, page closed');
    procs.push(await startServer({ port, dataDir }));
    await waitFor(() => owner.store.getDoc().nodes.school!.label === 'Written offline, page closed', 15_000, 'the offline edit to reach the owner');
  }, 60_000);

  it('a link with a wrong secret is refused in words', async () => {
    const port = await freePort();
    procs.push(await startServer({ port, dataDir: tempDir('refused') }));
    const room = await createRoom(`http://127.0.0.1:${port}/`);
    const wrong = share(port, room.room, 'y'.repeat(43), 'join');
    await expect(wrong.session.whenReady()).rejects.toThrow(/does not open a map/);
    expect(wrong.session.status).toBe('refused');
  });
});
