/**
 * Real-browser test harness: serves the built app (dist/) and drives Debian's Chromium through playwright-core
 * (both from tests/support/browser.mjs). Build first (`npm run build`; `npm test` does it).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { layOutInPlace } from '../../src/layout';
import { serializeMap } from '../../src/io/mapFile';
import { DIST, type StaticServer, launchChromium, serveStatic } from '../support/browser.mjs';
import { generateMap } from '../support/generateMap';

export interface ServeOptions {
  headers?: Record<string, string>;
  /** Serve this directory instead of dist/ (a copy standing in for another deployment). */
  root?: string;
}

/** The built app (dist/, or options.root) on a local static server: see tests/support/browser.mjs. */
export async function serveDist(options: ServeOptions = {}): Promise<StaticServer> {
  const root = options.root ? normalize(options.root) : DIST;
  if (!existsSync(join(root, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  return serveStatic(root, { headers: options.headers });
}

export async function launch(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await launchChromium();
  return { browser, close: () => browser.close() };
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
  // The map's first view set (its zoom and place), so that a click lands where the test aims.
  await page.waitForSelector('.am-canvas[data-view="shown"]', { timeout: 30_000 });
  return { page, context: ctx };
}

/**
 * Waits for the open map's first view: a map opened after the page loaded is drawn first where the last one was
 * seen, and its own view (zoom and place) is set a moment later. Boxes read before then move.
 */
export async function mapShown(page: Page, mapId: string): Promise<void> {
  await page.waitForFunction(
    (id) => (window as any).assetMap.workspace.store.getDoc().id === id && !!document.querySelector('.am-canvas[data-view="shown"]'),
    mapId,
    { timeout: 30_000 },
  );
}

/**
 * Brings a node into view as a user would before clicking it: the map opens at a readable zoom, which may leave
 * it outside the canvas, and a click there would only reach it by scrolling the canvas's own box. Focusing a node
 * pans the map to it; this waits until it lies inside the canvas and has stopped moving.
 */
export async function showNode(page: Page, id: string): Promise<void> {
  await page.locator(`.react-flow__node[data-id="${id}"]`).focus();
  let last = '';
  for (let i = 0; i < 100; i++) {
    const box = await page.evaluate((nodeId) => {
      const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
      const r = document.querySelector(`.react-flow__node[data-id="${nodeId}"]`)!.getBoundingClientRect();
      const inside = r.left >= canvas.left && r.right <= canvas.right && r.top >= canvas.top && r.bottom <= canvas.bottom;
      return inside ? `${r.x},${r.y}` : '';
    }, id);
    if (box && box === last) return;
    last = box;
    await page.waitForTimeout(50);
  }
  throw new Error(`the node ${id} did not come into view`);
}

/** The map's zoom, read from React Flow's viewport. */
export const mapZoom = (page: Page): Promise<number> =>
  page.evaluate(() => Number(/scale\(([-\d.e]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1]));

/**
 * Fits the whole map in view (the Fit View control) and waits until it has settled: a map opens at a readable
 * zoom, which may show only part of it.
 */
export async function showWholeMap(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Fit View' }).click();
  let last = Number.NaN;
  for (let i = 0; i < 100; i++) {
    await page.waitForTimeout(50);
    const now = await mapZoom(page);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** The open document, read from the page. */
export async function readDoc(page: Page): Promise<{ title: string; nodes: Record<string, { id: string; kind: string; label: string; x: number; y: number; attachedTo?: string }>; edges: Record<string, { kind: string; source: string; target: string }> }> {
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
