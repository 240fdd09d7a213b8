/**
 * Shared maps: a real server process (`node server/index.js` on 127.0.0.1, SQLite in a temporary folder) and
 * Hocuspocus clients over loopback in this process.
 *
 *   one room, 50 editors      a 300-asset map; changes by random editors, one at a time, then all 50 editing
 *                             at once (each about once a second): time from a change to every other editor
 *                             having it (p50, p95), and from a change to each other editor (per delivery)
 *   200 rooms, 2 editors each a 300-asset map in every room, all loaded on one server; the first editor of
 *                             every room edits about every 2 s for a while: time to the other editor; the
 *                             server's memory (RSS) with all 200 rooms loaded
 *   applying a remote edit    what the binding costs on a client: one remote label change on a 300-asset map,
 *                             read into the store (through restoreMap)
 *
 * Clients here hold plain Y.Docs (no store or binding): a figure measures the server and the network, not 50
 * bindings sharing this process's one core. The last row measures the binding alone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { generateMap } from '../../tests/support/generateMap';
import { DocStore } from '../../src/store/docStore';
import { MapBinding } from '../../src/collab/binding';
import { type BenchRow, type BenchSuite, ms } from '../harness';

const root = path.resolve(import.meta.dirname, '..', '..');
const ASSETS = 300;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : Number.NaN;
};
const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<{ child: ChildProcess; port: number; dataDir: string; output: () => string }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asset-map-bench-'));
  const child = spawn(process.execPath, ['server/index.js'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: path.join(dataDir, 'none'), REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.length > 100_000) out = out.slice(-50_000);
      if (out.includes('listening on')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      serverExit = `server ended (${code ?? signal}): ${out.slice(-3000)}`;
      reject(new Error(serverExit));
    });
  });
  return { child, port, dataDir, output: () => out };
}

/** Set when the server process ends: every wait below gives up with it. */
let serverExit: string | undefined;

function rssMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

async function createRoom(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  return (await res.json()) as { room: string; edit: string; view: string };
}

interface Client {
  ydoc: Y.Doc;
  destroy(): void;
}

function connect(port: number, room: string, token: string, ydoc: Y.Doc): Promise<Client> {
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}/collab`, WebSocketPolyfill: WebSocket });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(serverExit ?? 'a client did not sync in 60 s')), 60_000);
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: room,
      token,
      document: ydoc,
      onSynced: () => {
        clearTimeout(timer);
        resolve({
          ydoc,
          destroy() {
            provider.destroy();
            socket.destroy();
          },
        });
      },
    });
    provider.attach();
  });
}

/** The map's nodes in a client's Y.Doc, and the entries of their edited fields (src/collab/yMap.ts). */
const nodesOf = (c: Client) => c.ydoc.getMap('nodes') as Y.Map<{ attachedTo?: string }>;
const labelKey = (node: string) => JSON.stringify([node, 'label']);
const labelOf = (c: Client, node: string) => c.ydoc.getMap('nodeFields').get(labelKey(node));

/**
 * Watches clients for labels: `expect(client, node, label)` resolves with the time (performance.now) at which
 * that client's copy of the node first carries the label.
 */
class Watcher {
  private waiting = new Map<Client, { node: string; label: string; resolve: (t: number) => void }[]>();

  add(client: Client) {
    client.ydoc.on('update', () => {
      const list = this.waiting.get(client);
      if (!list?.length) return;
      const now = performance.now();
      const left = list.filter((w) => {
        if (labelOf(client, w.node) !== w.label) return true;
        w.resolve(now);
        return false;
      });
      this.waiting.set(client, left);
    });
  }

  expect(client: Client, node: string, label: string): Promise<number> {
    return new Promise((resolve) => {
      const list = this.waiting.get(client) ?? [];
      list.push({ node, label, resolve });
      this.waiting.set(client, list);
    });
  }
}

/** Sets a node's label in one client and resolves with the delays until each other client has it. */
async function change(watcher: Watcher, from: Client, others: Client[], node: string, label: string): Promise<number[]> {
  const arrivals = others.map((c) => watcher.expect(c, node, label));
  const t0 = performance.now();
  from.ydoc.getMap('nodeFields').set(labelKey(node), label);
  const times = await Promise.race([Promise.all(arrivals), sleep(20_000).then(() => null)]);
  if (!times) throw new Error(serverExit ?? `a change did not reach every client in 20 s (${node} → ${label})`);
  return times.map((t) => t - t0);
}

async function publish(port: number, watcher: Watcher, editors: number) {
  const room = await createRoom(port);
  const first = new Y.Doc();
  MapBinding.publish(first, new DocStore(generateMap(ASSETS, 1))).destroy();
  const clients = [await connect(port, room.room, room.edit, first)];
  clients.push(...(await Promise.all(Array.from({ length: editors - 1 }, () => connect(port, room.room, room.edit, new Y.Doc())))));
  for (const c of clients) watcher.add(c);
  // Everyone has the whole map before anything is timed.
  const assetIds = [...nodesOf(clients[0]!).keys()].filter((id) => nodesOf(clients[0]!).get(id)?.attachedTo === undefined);
  const deadline = Date.now() + 60_000;
  while (clients.some((c) => nodesOf(c).size < nodesOf(clients[0]!).size)) {
    if (Date.now() > deadline) throw new Error('clients did not receive the map');
    await sleep(20);
  }
  return { clients, assetIds };
}

const row = (part: string, figure: string, values: number[], extra: BenchRow = {}): BenchRow => ({
  part,
  figure,
  n: values.length,
  'p50 ms': ms(pct(values, 50)),
  'p95 ms': ms(pct(values, 95)),
  'max ms': ms(Math.max(...values)),
  ...extra,
});

async function oneRoomFiftyEditors(port: number, rows: BenchRow[], log: (s: string) => void) {
  const watcher = new Watcher();
  const { clients, assetIds } = await publish(port, watcher, 50);
  log('  50 editors connected');
  const toAll: number[] = [];
  const each: number[] = [];
  for (let i = 0; i < 100; i++) {
    const from = clients[i % clients.length]!;
    const delays = await change(watcher, from, clients.filter((c) => c !== from), assetIds[i % assetIds.length]!, `seq ${i}`);
    toAll.push(Math.max(...delays));
    each.push(...delays);
  }
  rows.push(row('1 room, 50 editors, one change at a time', 'to all 49 others', toAll));
  rows.push(row('1 room, 50 editors, one change at a time', 'to each other editor', each));

  // Everyone at once: each editor changes its own asset about once a second, for 10 s.
  const busyAll: number[] = [];
  const busyEach: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let round = 0; round < 10; round++) {
    clients.forEach((from, k) => {
      pending.push(
        (async () => {
          await sleep(Math.max(0, start + round * 1000 + k * 20 - performance.now()));
          const delays = await change(watcher, from, clients.filter((c) => c !== from), assetIds[k % assetIds.length]!, `busy ${round} ${k}`);
          busyAll.push(Math.max(...delays));
          busyEach.push(...delays);
        })(),
      );
    });
  }
  await Promise.all(pending);
  rows.push(row('1 room, 50 editors, all editing (50 changes/s)', 'to all 49 others', busyAll));
  rows.push(row('1 room, 50 editors, all editing (50 changes/s)', 'to each other editor', busyEach));
  for (const c of clients) c.destroy();
}

async function manyRooms(server: { child: ChildProcess; port: number }, rows: BenchRow[], log: (s: string) => void) {
  const rssBefore = rssMB(server.child.pid!);
  const watcher = new Watcher();
  const rooms: { clients: Client[]; assetIds: string[] }[] = [];
  const t = performance.now();
  for (let i = 0; i < 200; i++) {
    rooms.push(await publish(server.port, watcher, 2));
    if ((i + 1) % 50 === 0) log(`  ${i + 1} rooms loaded (${Math.round((performance.now() - t) / 1000)} s), server RSS ${rssMB(server.child.pid!)} MB`);
  }
  await sleep(3000);
  const rssLoaded = rssMB(server.child.pid!);
  const delays: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  // Every room's first editor edits every 2 s for 10 s: 100 changes a second across the server.
  rooms.forEach((r, k) => {
    for (let round = 0; round < 5; round++) {
      pending.push(
        (async () => {
          await sleep(Math.max(0, start + round * 2000 + k * 10 - performance.now()));
          const [d] = await change(watcher, r.clients[0]!, [r.clients[1]!], r.assetIds[round % r.assetIds.length]!, `room ${k} ${round}`);
          delays.push(d!);
        })(),
      );
    }
  });
  await Promise.all(pending);
  await sleep(3000);
  const rssAfter = rssMB(server.child.pid!);
  rows.push(row('200 rooms × 2 editors, 100 changes/s in all', 'to the other editor', delays, { 'server RSS MB': rssAfter }));
  rows.push({ part: '200 rooms × 2 editors', figure: 'server RSS, MB', n: 200, 'server RSS MB': rssLoaded, 'before MB': rssBefore, 'per room MB': Math.round(((rssLoaded - rssBefore) / 200) * 10) / 10 });
  for (const r of rooms) for (const c of r.clients) c.destroy();
}

const suite: BenchSuite = {
  name: 'collab',
  title: `Shared maps: one server on loopback, ${ASSETS}-asset maps (p50/p95 from a change to the other editors)`,
  async run(ctx) {
    const rows: BenchRow[] = [];

    // The binding on a client: one remote edit read into the store.
    const map = generateMap(ASSETS, 1);
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u, 'net'));
    MapBinding.publish(a, new DocStore(map));
    const store = new DocStore(map);
    const joined = MapBinding.join(b, store);
    if (!joined.ok) throw new Error('join failed');
    const asset = Object.keys(map.nodes)[0]!;
    let n = 0;
    const apply = ctx.measure(() => a.getMap('nodeFields').set(labelKey(asset), `label ${n++}`), { runs: 30, warmup: 5 });
    rows.push({ part: 'binding on a client', figure: 'one remote label edit into the store', n: 30, 'p50 ms': ms(apply.median), 'max ms': ms(apply.max) });

    const server = await startServer();
    try {
      ctx.log('  one room, 50 editors');
      await oneRoomFiftyEditors(server.port, rows, ctx.log);
      ctx.log('  200 rooms, 2 editors each');
      await manyRooms(server, rows, ctx.log);
    } finally {
      server.child.kill('SIGKILL');
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
    ctx.note('Loopback, server and clients on one 2-core machine; clients hold plain Y.Docs. RSS read from /proc after the rooms were loaded.');
    return rows;
  },
};
export default suite;
