/**
 * Real server processes for tests: `node server/index.js` started with child_process on 127.0.0.1 and a port
 * the test picks, a Redis of its own when asked, and clients (Hocuspocus providers over `ws`). Everything
 * started here is ended by its pid.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll } from 'vitest';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.mjs';

export const root = path.resolve(import.meta.dirname, '..', '..');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `asset-map-${prefix}-`));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface Proc {
  child: ChildProcess;
  pid: number;
  output: () => string;
  exited: Promise<number | null>;
  /** Signals the process by its pid and waits for it to end. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<Proc> {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const proc: Proc = {
    child,
    pid: child.pid!,
    output: () => out,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, signal);
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) resolve(proc);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`${command} ended (${code}) before it was ready:\n${out}`)));
    setTimeout(() => reject(new Error(`${command} not ready after 15 s:\n${out}`)), 15_000);
  });
}

export function startServer(options: { port: number; dataDir: string; redisUrl?: string; staticDir?: string }): Promise<Proc> {
  return startProcess(
    process.execPath,
    ['server/index.js'],
    {
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      STATIC_DIR: options.staticDir ?? path.join(options.dataDir, 'no-app'),
      REDIS_URL: options.redisUrl ?? '',
    },
    /listening on/,
  );
}

export async function startRedis(): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const proc = await startProcess(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {},
    /Ready to accept connections/,
  );
  return { proc, url: `redis://127.0.0.1:${port}` };
}

export async function createRoom(port: number): Promise<{ room: string; edit: string; view: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  if (res.status !== 201) throw new Error(`room not created: ${res.status}`);
  return (await res.json()) as { room: string; edit: string; view: string };
}

export interface Client {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  synced: Promise<void>;
  scope: () => string | undefined;
  closes: { code: number; reason: string }[];
  destroy(): void;
}

export function connect(port: number, room: string, token: string, ydoc = new Y.Doc()): Client {
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}/collab`, WebSocketPolyfill: WebSocket, delay: 100, maxDelay: 1000, minDelay: 50 });
  let scope: string | undefined;
  const closes: { code: number; reason: string }[] = [];
  let onSynced!: () => void;
  const synced = new Promise<void>((resolve) => (onSynced = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    token,
    document: ydoc,
    onSynced: () => onSynced(),
    onAuthenticated: (data) => (scope = data.scope),
    onAuthenticationFailed: () => (scope = 'denied'),
    onClose: ({ event }) => closes.push({ code: event.code, reason: event.reason }),
  });
  provider.attach();
  return {
    ydoc,
    provider,
    socket,
    synced,
    scope: () => scope,
    closes,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/**
 * The built app served by a real server on 127.0.0.1 and a Chromium to open it in, for a test file's browser
 * tests: registers the hooks that start them (the app is built into a temporary folder first) and stop them.
 */
export function servedApp(name: string): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let proc: Proc | undefined;
  let url = '';
  beforeAll(async () => {
    const outDir = path.join(tempDir('app-build'), 'dist');
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const port = await freePort();
    proc = await startServer({ port, dataDir: tempDir(name), staticDir: outDir });
    url = `http://127.0.0.1:${port}/`;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await proc?.kill('SIGKILL');
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return url;
    },
  };
}
