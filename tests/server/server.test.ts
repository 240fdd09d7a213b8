import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SUNNYDALE, buildExample } from '../../src/model';
import { DocStore } from '../../src/store/docStore';
import { MapBinding } from '../../src/collab/binding';
import { SharedMapDoc } from '../../src/collab/yMap';
import { type Client, type Proc, connect, createRoom, freePort, startRedis, startServer, tempDir, waitFor } from './support';

const started: Proc[] = [];
const clients: Client[] = [];
/** Every secret handed out in this file, to look for in the servers' output at the end. */
const secrets: string[] = [];

async function server(options: Parameters<typeof startServer>[0]) {
  const proc = await startServer(options);
  started.push(proc);
  return proc;
}
function client(...args: Parameters<typeof connect>) {
  const c = connect(...args);
  clients.push(c);
  return c;
}
async function room(port: number) {
  const r = await createRoom(port);
  secrets.push(r.edit, r.view);
  return r;
}

/** An editor: a store bound to a client's Y.Doc, publishing the Sunnydale map or joining what is there. */
async function editor(port: number, r: { room: string; edit: string }, publish: boolean) {
  const c = client(port, r.room, r.edit);
  await c.synced;
  // Synced with its server is not enough to join: with several servers, the map may still be on its way from
  // another one. The app waits the same way (the binding says "empty" until then).
  if (!publish) await waitFor(() => c.ydoc.getMap('meta').has('version'), 10_000, 'the shared map to arrive');
  const store = new DocStore(buildExample(SUNNYDALE, 'map'));
  const binding = publish ? MapBinding.publish(c.ydoc, store) : MapBinding.join(c.ydoc, store);
  if (!(binding instanceof MapBinding) && !binding.ok) throw new Error('could not join');
  return { c, store };
}

const label = (c: Client, id: string) => new SharedMapDoc(c.ydoc).readEntity('nodes', id)?.label;

/** Protocol bits, written out by hand so that a test can send what no well-behaved client would. */
function frame(...parts: (number | string | Uint8Array)[]): Uint8Array {
  const bytes: number[] = [];
  const varUint = (n: number) => {
    while (n > 0x7f) {
      bytes.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    bytes.push(n);
  };
  for (const p of parts) {
    if (typeof p === 'number') varUint(p);
    else {
      const b = typeof p === 'string' ? new TextEncoder().encode(p) : p;
      varUint(b.length);
      bytes.push(...b);
    }
  }
  return new Uint8Array(bytes);
}
const AUTH = 2;
const TOKEN = 0;
const SYNC = 0;
const SYNC_UPDATE = 2;

afterAll(async () => {
  for (const c of clients) c.destroy();
  const outputs = started.map((p) => p.output()).join('\n');
  for (const p of started) await p.kill('SIGKILL');
  // Secrets never reach the logs, whatever happened in the tests.
  for (const s of secrets) expect(outputs).not.toContain(s);
});

describe('one server', () => {
  let port: number;
  let dataDir: string;
  let proc: Proc;
  beforeAll(async () => {
    port = await freePort();
    dataDir = tempDir('server');
    proc = await server({ port, dataDir });
  });

  it('creates rooms with a 128-bit id and two different secrets', async () => {
    const a = await room(port);
    const b = await room(port);
    expect(a.room).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.room).not.toBe(b.room);
    expect(a.edit).not.toBe(a.view);
    expect(a.edit.length).toBeGreaterThanOrEqual(43);
    expect((await fetch(`http://127.0.0.1:${port}/api/rooms`)).status).toBe(405);
    // A form post (what another site's page can send without asking) makes no room.
    const form = await fetch(`http://127.0.0.1:${port}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(415);
  });

  it('two editors converge; a viewer sees the map and cannot change it; a wrong secret opens nothing', async () => {
    const r = await room(port);
    const a = await editor(port, r, true);
    const b = await editor(port, r, false);
    expect(b.store.getDoc()).toEqual(a.store.getDoc());
    a.store.dispatch('updateNode', { id: 'school', patch: { label: 'From A' } });
    b.store.dispatch('updateNode', { id: 'na1', patch: { label: 'From B' } });
    await waitFor(() => a.store.getDoc().nodes.na1!.label === 'From B' && b.store.getDoc().nodes.school!.label === 'From A', 10_000, 'edits to cross');
    expect(b.store.getDoc()).toEqual(a.store.getDoc());

    const viewer = client(port, r.room, r.view);
    await viewer.synced;
    expect(viewer.scope()).toBe('readonly');
    expect(label(viewer, 'school')).toBe('From A');
    // The viewer's client misbehaves and edits anyway: the server drops it.
    viewer.ydoc.getMap('nodeFields').set(JSON.stringify(['school', 'label']), 'Vandalised');
    a.store.dispatch('setTitle', { title: 'Later edit' });
    await waitFor(() => viewer.ydoc.getMap('meta').get('title') === 'Later edit', 10_000, 'the viewer to get a later edit');
    expect(a.store.getDoc().nodes.school!.label).toBe('From A');

    const stranger = client(port, r.room, 'not-the-secret');
    await waitFor(() => stranger.scope() === 'denied', 10_000, 'the wrong secret to be refused');
    const otherRoom = await room(port);
    const crossed = client(port, otherRoom.room, r.edit);
    await waitFor(() => crossed.scope() === 'denied', 10_000, "one room's secret to be refused by another");
  });

  it('an update sent by hand on a view connection is rejected (the same frame on an edit connection is taken)', async () => {
    // A key nobody else writes: a concurrent write of the same key could lose to the other writer by client id.
    const forged = new Y.Doc();
    (forged.getMap('meta') as Y.Map<unknown>).set('forged', 'yes');
    const update = Y.encodeStateAsUpdate(forged);
    /** Opens a raw socket with a secret and sends the forged update both ways a sync message can carry it. */
    const sendForged = async (roomId: string, token: string) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/collab`);
      const received: Uint8Array[] = [];
      ws.on('message', (d) => received.push(new Uint8Array(d as Buffer)));
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(frame(roomId, AUTH, TOKEN, token));
      await waitFor(() => received.length > 0, 10_000, 'the server to answer the token');
      ws.send(frame(roomId, SYNC, SYNC_UPDATE, update));
      ws.send(frame(roomId, SYNC, 1, update));
      return { ws, answer: new TextDecoder().decode(received[0]) };
    };

    const r = await room(port);
    const a = await editor(port, r, true);
    const viewing = await sendForged(r.room, r.view);
    expect(viewing.answer).toContain('readonly');
    a.store.dispatch('setTitle', { title: 'Real' });
    const check = client(port, r.room, r.view);
    await check.synced;
    await waitFor(() => check.ydoc.getMap('meta').get('title') === 'Real', 10_000, 'the real title');
    await new Promise((r) => setTimeout(r, 300));
    expect(check.ydoc.getMap('meta').get('forged')).toBeUndefined();
    expect(a.c.ydoc.getMap('meta').get('forged')).toBeUndefined();
    viewing.ws.close();

    // The control: the very same frames with an edit secret change the map, so the refusal above is the server's.
    const other = await room(port);
    const b = await editor(port, other, true);
    const editing = await sendForged(other.room, other.edit);
    expect(editing.answer).toContain('read-write');
    await waitFor(() => b.c.ydoc.getMap('meta').get('forged') === 'yes', 10_000, 'the forged entry on an edit connection');
    editing.ws.close();
  });

  it('garbage frames do not bring the server down', async () => {
    const r = await room(port);
    const junk: (string | Uint8Array)[] = [
      new Uint8Array([]),
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      'hello',
      frame(r.room),
      frame(r.room, AUTH),
      frame(r.room, 99, 1, 2, 3),
      frame('x'.repeat(5000), SYNC, SYNC_UPDATE, new Uint8Array([1, 2, 3])),
      new Uint8Array(3 * 1024 * 1024).fill(7),
      ...Array.from({ length: 20 }, (_, i) => new Uint8Array(Array.from({ length: 50 + i }, (_, j) => (i * 31 + j * 17) & 0xff))),
    ];
    for (const authFirst of [false, true]) {
      for (const bytes of junk) {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/collab`);
        ws.on('error', () => {});
        await new Promise((resolve) => ws.once('open', resolve));
        if (authFirst) ws.send(frame(r.room, AUTH, TOKEN, r.edit));
        ws.send(bytes);
        // Right after authenticating, a sync with garbage in it.
        if (authFirst) ws.send(frame(r.room, SYNC, SYNC_UPDATE, bytes instanceof Uint8Array ? bytes.slice(0, 1000) : new Uint8Array([9, 9, 9])));
        await new Promise((resolve) => setTimeout(resolve, 20));
        ws.terminate();
      }
    }
    // A plain HTTP client speaking nonsense on the socket.
    await fetch(`http://127.0.0.1:${port}/collab`).catch(() => undefined);
    expect(proc.child.exitCode).toBe(null);
    const a = await editor(port, r, true);
    const b = await editor(port, r, false);
    a.store.dispatch('setTitle', { title: 'Still up' });
    await waitFor(() => b.store.getDoc().title === 'Still up', 10_000, 'the server to carry edits after garbage');
  });

  it('refuses, in words, one update over 2 MB and a map growing past 20 MB', async () => {
    const r = await room(port);
    const big = client(port, r.room, r.edit);
    await big.synced;
    big.ydoc.getMap('meta').set('blob', 'x'.repeat(2.2 * 1024 * 1024));
    // The reason reaches the client in words (Hocuspocus closes with its own code and our reason).
    await waitFor(() => big.closes.some((c) => /too large for a shared map/.test(c.reason)), 10_000, 'the large update to be refused');
    big.destroy();

    const grower = client(port, r.room, r.edit);
    await grower.synced;
    for (let i = 0; i < 12 && grower.closes.length === 0; i++) {
      // Random text does not shrink: 1.9 MB of it per update.
      const chunk = Array.from({ length: 1.9 * 1024 * 1024 / 8 }, () => Math.random().toString(36).slice(2, 10)).join('');
      grower.ydoc.getMap('meta').set(`part${i}`, chunk);
      await waitFor(() => !grower.provider.hasUnsyncedChanges || grower.closes.length > 0, 20_000, 'a part to be taken or refused');
    }
    expect(grower.closes[0]?.reason).toMatch(/size limit \(20 MB\)/);
    grower.destroy();
    expect(proc.child.exitCode).toBe(null);
  }, 120_000);

  it('serves the built app, and its page for paths of the app', async () => {
    const staticDir = path.join(dataDir, 'app');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Asset Map</title>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
    const appPort = await freePort();
    await server({ port: appPort, dataDir: tempDir('app'), staticDir });
    const page = await fetch(`http://127.0.0.1:${appPort}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Asset Map');
    const js = await fetch(`http://127.0.0.1:${appPort}/assets/app-1234.js`);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`http://127.0.0.1:${appPort}/maps/shared`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${appPort}/missing.js`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${appPort}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
});

describe('restarts and crashes', () => {
  it('a stopped (SIGTERM) server keeps the state, even of edits made just before', async () => {
    const port = await freePort();
    const dataDir = tempDir('restart');
    const first = await server({ port, dataDir });
    const r = await room(port);
    const a = await editor(port, r, true);
    a.store.dispatch('updateNode', { id: 'school', patch: { label: 'Before restart' } });
    await waitFor(() => !a.c.provider.hasUnsyncedChanges, 10_000, 'the edit to reach the server');
    a.c.destroy();
    // Well inside the 2 s wait before storing: SIGTERM stores first.
    expect(await first.kill('SIGTERM')).toBe(0);
    await server({ port, dataDir });
    const b = await editor(port, r, false);
    expect(b.store.getDoc().nodes.school!.label).toBe('Before restart');
  });

  it('kill -9 mid-edit, restart: clients reconnect and nothing is lost', async () => {
    const port = await freePort();
    const dataDir = tempDir('crash');
    const first = await server({ port, dataDir });
    const r = await room(port);
    const a = await editor(port, r, true);
    const b = await editor(port, r, false);
    a.store.dispatch('updateNode', { id: 'school', patch: { label: 'A before crash' } });
    await waitFor(() => b.store.getDoc().nodes.school!.label === 'A before crash', 10_000, 'B to see A');
    b.store.dispatch('addAsset', { id: 'crash1', kind: 'staff', label: 'Added as the server dies', x: 0, y: 0 });
    await first.kill('SIGKILL');
    // Both go on working while the server is down.
    a.store.dispatch('updateNode', { id: 'na1', patch: { label: 'A while down' } });
    b.store.dispatch('updateNode', { id: 'room', patch: { label: 'B while down' } });
    const second = await server({ port, dataDir });
    const done = (doc: ReturnType<DocStore['getDoc']>) =>
      doc.nodes.na1?.label === 'A while down' && doc.nodes.room?.label === 'B while down' && !!doc.nodes.crash1 && doc.nodes.school?.label === 'A before crash';
    await waitFor(() => done(a.store.getDoc()) && done(b.store.getDoc()), 15_000, 'clients to reconnect and exchange');
    expect(b.store.getDoc()).toEqual(a.store.getDoc());
    // The server has it all too: a newcomer gets everything, and so does one after a clean restart.
    const c = await editor(port, r, false);
    expect(done(c.store.getDoc())).toBe(true);
    for (const x of [a, b, c]) x.c.destroy();
    expect(await second.kill('SIGTERM')).toBe(0);
    await server({ port, dataDir });
    const d = await editor(port, r, false);
    expect(done(d.store.getDoc())).toBe(true);
  }, 60_000);
});

describe('two server processes sharing rooms through Redis', () => {
  it('an editor on each converge, and a newcomer on either sees both', async () => {
    const redis = await startRedis();
    started.push(redis.proc);
    const dataDir = tempDir('redis');
    const [p1, p2] = [await freePort(), await freePort()];
    await server({ port: p1, dataDir, redisUrl: redis.url });
    await server({ port: p2, dataDir, redisUrl: redis.url });
    const r = await room(p1);
    const a = await editor(p1, r, true);
    const b = await editor(p2, r, false);
    expect(b.store.getDoc()).toEqual(a.store.getDoc());
    for (let i = 0; i < 10; i++) {
      a.store.dispatch('updateNode', { id: 'school', patch: { label: `A ${i}` } });
      b.store.dispatch('updateNode', { id: 'na1', patch: { label: `B ${i}` } });
    }
    await waitFor(() => a.store.getDoc().nodes.na1!.label === 'B 9' && b.store.getDoc().nodes.school!.label === 'A 9', 10_000, 'edits to cross servers');
    expect(b.store.getDoc()).toEqual(a.store.getDoc());
    const c = await editor(p2, r, false);
    expect(c.store.getDoc()).toEqual(a.store.getDoc());
    // A view connection on the other process is read-only there too.
    const viewer = client(p2, r.room, r.view);
    await viewer.synced;
    expect(viewer.scope()).toBe('readonly');
  }, 60_000);
});
