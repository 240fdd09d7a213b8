/**
 * Real-browser test harness: serves the built app (dist/) with a tiny static server and drives Debian's
 * Chromium through playwright-core. Build first (`npm run build`; `npm test` does it).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { layOutInPlace } from '../../src/layout';
import { serializeMap } from '../../src/io/mapFile';
import { generateMap } from '../analysis/generateMap';

const DIST = join(import.meta.dirname, '../../dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
};

export interface ServeOptions {
  headers?: Record<string, string>;
  /** Serve this directory instead of dist/ (a copy standing in for another deployment). */
  root?: string;
}

/** What serveDist adds for tests of offline use and updates; the plain server needs none of it. */
export interface ServerControls {
  /** Paths the server answered, in order (requests refused while offline are not listed). */
  requests: string[];
  /** Going offline drops every request's connection unanswered, as when the network is gone. */
  setOnline: (online: boolean) => void;
  /** Serve another directory from now on, as when a new build is deployed to the same address. */
  setRoot: (dir: string) => void;
}

export async function serveDist(options: ServeOptions = {}): Promise<{ url: string; close: () => Promise<void>; server: Server } & ServerControls> {
  let root = options.root ? normalize(options.root) : DIST;
  let online = true;
  const requests: string[] = [];
  if (!existsSync(join(root, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const server = createServer((req, res) => {
    if (!online) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...options.headers });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () => new Promise((r) => server.close(() => r())),
    requests,
    setOnline: (value) => {
      online = value;
      // Connections the browser keeps alive would otherwise carry on after "the network is gone".
      if (!value) server.closeAllConnections();
    },
    setRoot: (dir) => {
      root = normalize(dir);
    },
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'am-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${dir}`,
    ].filter((a) => !a.startsWith('--user-data-dir')),
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh browser context (its own IndexedDB) with a page on the app, waiting until the map is drawn. */
export async function openApp(browser: Browser, url: string, context?: BrowserContext): Promise<{ page: Page; context: BrowserContext }> {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true }));
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(url);
  await page.waitForSelector('.react-flow__node', { timeout: 30_000 });
  return { page, context: ctx };
}

/** The open document, read from the page. */
export async function readDoc(page: Page): Promise<{ title: string; nodes: Record<string, { kind: string; label: string; x: number; y: number; attachedTo?: string }>; edges: Record<string, { kind: string; source: string; target: string }> }> {
  return page.evaluate(() => (window as unknown as { assetMap: { workspace: { store: { getDoc: () => unknown } } } }).assetMap.workspace.store.getDoc()) as never;
}

/**
 * One served app and one browser for a test file: registers the hooks and hands back getters, so each file
 * says only what it tests.
 */
export function useApp(options: ServeOptions = {}) {
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  let browser: Browser | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    server = await serveDist(options);
    ({ browser, close } = await launch());
  });
  afterAll(async () => {
    await close?.();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}

/** A laid-out generated map of `assets` assets, as a file to open. */
export function largeMapFile(assets: number): { file: string; nodes: number } {
  const doc = layOutInPlace(generateMap(assets, 7));
  const file = join(mkdtempSync(join(tmpdir(), 'am-')), 'large.assetmap.json');
  writeFileSync(file, serializeMap(doc));
  return { file, nodes: Object.keys(doc.nodes).length };
}

/** The app in a new context with a generated map of `assets` assets opened from a file. */
export async function openLargeMap(browser: Browser, url: string, assets: number): Promise<{ page: Page; context: BrowserContext; nodes: number }> {
  const { file, nodes } = largeMapFile(assets);
  const { page, context } = await openApp(browser, url);
  await page.getByLabel('Open file').setInputFiles(file);
  await page.getByRole('status').filter({ hasText: 'Opened' }).waitFor();
  return { page, context, nodes };
}
