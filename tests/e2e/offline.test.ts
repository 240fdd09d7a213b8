/**
 * Offline use in real Chromium: after one visit with the network, the app opens, draws the map and keeps edits
 * (IndexedDB) with the network gone; export code loaded once stays available; a new deployment replaces the old
 * version cleanly; and the manifest and icons make the app installable.
 *
 * "The network is gone" is both the browser told it is offline and the server dropping every request unanswered,
 * so nothing can come from the server by some path the emulation misses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, readDoc, serveDist } from './harness';

type Served = Awaited<ReturnType<typeof serveDist>>;

const DIST = join(import.meta.dirname, '../../dist');
let browser: Browser;
let closeBrowser: () => Promise<void>;
const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launch());
});
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await closeBrowser?.();
});

async function serve(options: Parameters<typeof serveDist>[0] = {}): Promise<Served> {
  const server = await serveDist(options);
  cleanup.push(() => server.close());
  return server;
}

const node = (page: Page, name: string) => page.locator(`.react-flow__node[aria-label="${name}"]`);
const labels = async (page: Page) => Object.values((await readDoc(page)).nodes).map((n) => n.label);
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const cachedPaths = (page: Page, name: string) =>
  page.evaluate(async (n) => (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname), name);

/** The first visit, with the network: the app opens and its service worker installs and takes control. */
async function firstVisit(server: Served): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await node(page, 'School Partnership (partner)').waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The worker claims the page it was installed from, so no reload is needed to be in its hands.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { page, context };
}

async function goOffline(server: Served, context: BrowserContext) {
  server.setOnline(false);
  await context.setOffline(true);
}

async function reloadApp(page: Page) {
  await page.reload();
  await node(page, 'School Partnership (partner)').waitFor({ timeout: 30_000 });
}

async function addPartner(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add asset' }).click();
  await page.getByRole('menuitem', { name: 'Partner' }).click();
  await page.getByRole('complementary', { name: 'Details' }).getByLabel('Name').fill(name);
  await node(page, `${name} (partner)`).waitFor();
  // Wait until it is in IndexedDB, not just on screen.
  await page.evaluate(() => (window as any).assetMap.workspace.flush());
}

/** Clicks an export button and returns the download's first bytes once it has arrived. */
async function exportFile(page: Page, button: string): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: button }).click();
  const file = await download;
  expect(await file.failure(), button).toBeNull();
  await expect.poll(() => dialog.getByRole('button', { name: button }).isEnabled(), { timeout: 20_000 }).toBe(true);
  return readFileSync(await file.path()).subarray(0, 8).toString('latin1');
}

describe('offline', () => {
  it('after the first visit, opens, shows the map, keeps edits and compares with a review with the network gone', async () => {
    const server = await serve();
    const { page, context } = await firstVisit(server);

    // The shell is stored under a versioned name: index.html and every file the first visit loaded.
    const [name, ...others] = await cacheNames(page);
    expect(others).toEqual([]);
    expect(name).toMatch(/^asset-map-[0-9a-f]{16}$/);
    const cached = await cachedPaths(page, name!);
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const loaded = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `/${m[1]}`);
    expect(loaded.filter((p) => p.endsWith('.js')).length).toBeGreaterThan(0);
    expect(loaded.filter((p) => p.endsWith('.css')).length).toBeGreaterThan(0);
    expect(cached).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icon-192.png', '/icon-512.png', ...loaded]));

    await addPartner(page, 'Library Foundation');
    await goOffline(server, context);
    await reloadApp(page);
    expect(await labels(page)).toContain('Library Foundation');
    await expect(node(page, 'Library Foundation (partner)').isVisible()).resolves.toBe(true);
    // Editing works offline and survives another reload; so does the layout, which runs in its own worker script.
    await addPartner(page, 'Bookmobile Friends');
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await page.waitForFunction(() => (window as any).assetMap.workspace.store.getState().undoLabel === 'auto layout');
    await page.evaluate(() => (window as any).assetMap.workspace.flush());
    const laidOut = (await readDoc(page)).nodes;
    await reloadApp(page);
    expect(await labels(page)).toEqual(expect.arrayContaining(['Library Foundation', 'Bookmobile Friends']));
    expect((await readDoc(page)).nodes).toEqual(laidOut);
    // A review saved and compared offline: the comparison's code came with the first visit.
    await page.getByRole('button', { name: 'Reviews' }).click();
    await page.getByRole('menuitem', { name: 'Save as review…' }).click();
    const save = page.getByRole('dialog', { name: 'Save as review' });
    await save.getByLabel('Review name').fill('Before the trip');
    await save.getByRole('button', { name: 'Save review' }).click();
    await addPartner(page, 'Reading Buddies');
    await page.getByRole('button', { name: 'Reviews' }).click();
    await page.getByRole('menuitem', { name: 'Compare' }).click();
    await page.getByRole('dialog', { name: 'Compare two states of the map' }).getByRole('button', { name: 'Compare', exact: true }).click();
    const comparison = page.getByRole('complementary', { name: 'Comparison' });
    await comparison.getByRole('heading', { name: 'Added (1)' }).waitFor();
    expect(await comparison.textContent()).toContain('Reading Buddies');
    // A second page opened offline (a new tab, or the installed app starting) gets the app too.
    const second = await context.newPage();
    await second.goto(server.url);
    await node(second, 'Bookmobile Friends (partner)').waitFor();
    await context.close();
  });

  it('keeps the PDF and Excel libraries once loaded, so exports work offline', async () => {
    const server = await serve();
    const { page, context } = await firstVisit(server);
    const [name] = await cacheNames(page);
    // The app's own export code is part of the shell (printing the map uses it); the PDF and Excel libraries
    // are fetched only when first used.
    const lazy = (await cachedPaths(page, name!)).filter((p) => /jspdf|exceljs/.test(p));
    expect(lazy).toEqual([]);

    expect(await exportFile(page, 'Export PDF')).toMatch(/^%PDF-/);
    expect(await exportFile(page, 'Export Excel')).toMatch(/^PK\x03\x04/);
    // Kept as they were fetched, in the same versioned cache.
    for (const chunk of [/\/assets\/export-[\w-]+\.js$/, /\/assets\/jspdf[\w.-]*\.js$/, /\/assets\/exceljs[\w.-]*\.js$/]) {
      await expect.poll(async () => (await cachedPaths(page, name!)).some((p) => chunk.test(p)), { message: String(chunk), timeout: 20_000 }).toBe(true);
    }

    await goOffline(server, context);
    await reloadApp(page);
    expect(await exportFile(page, 'Export PDF')).toMatch(/^%PDF-/);
    expect(await exportFile(page, 'Export Excel')).toMatch(/^PK\x03\x04/);
    expect(await exportFile(page, 'Export PNG')).toMatch(/^\x89PNG/);
    expect(await exportFile(page, 'Export SVG')).toMatch(/^(<\?xml|<svg)/);
    expect(await page.getByRole('alert').count()).toBe(0);

    // A Farsi name, first printed offline: its font was kept when the app was installed.
    await page.evaluate(() => {
      const { store } = (window as any).assetMap.workspace;
      const partner = Object.values(store.getDoc().nodes as Record<string, { id: string; kind: string }>).find((n) => n.kind === 'partner')!;
      store.dispatch('updateNode', { id: partner.id, patch: { label: 'انجمن فرهنگی ایرانیان' } });
    });
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export PDF' }).click();
    const pdf = await (await download).path();
    expect(execFileSync('pdftotext', [pdf!, '-'], { encoding: 'utf8' }).normalize('NFKC')).toContain('انجمن فرهنگی ایرانیان');
    await context.close();
  });

  it('a new deployment replaces the old version: new cache, old one deleted, unchanged chunks kept', async () => {
    // Two deployments of the same address: this build, and a copy changed the way a rebuild changes it (a
    // stylesheet with new content under a new hashed name, index.html pointing at it, sw.js with a new version).
    const root = mkdtempSync(join(tmpdir(), 'am-deploy-'));
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));
    const first = join(root, 'first');
    const next = join(root, 'next');
    cpSync(DIST, first, { recursive: true });
    cpSync(DIST, next, { recursive: true });
    const server = await serve({ root: first });
    const { page, context } = await firstVisit(server);
    const [oldName] = await cacheNames(page);
    expect(await exportFile(page, 'Export Excel')).toMatch(/^PK/);
    let excel: string | undefined;
    await expect.poll(async () => (excel = (await cachedPaths(page, oldName!)).find((p) => p.includes('exceljs'))), { timeout: 20_000 }).toBeDefined();

    const oldVersion = oldName!.replace('asset-map-', '');
    const newVersion = oldVersion.split('').reverse().join('');
    const css = readdirSync(join(next, 'assets')).find((f) => f.endsWith('.css'))!;
    const newCss = css.replace(/\.css$/, 'n.css');
    renameSync(join(next, 'assets', css), join(next, 'assets', newCss));
    writeFileSync(join(next, 'assets', newCss), `${readFileSync(join(next, 'assets', newCss), 'utf8')}\n:root{--am-deployment:next}\n`);
    const rewrite = (file: string, change: (text: string) => string) => writeFileSync(join(next, file), change(readFileSync(join(next, file), 'utf8')));
    rewrite('index.html', (t) => t.replaceAll(css, newCss));
    rewrite('sw.js', (t) => t.replaceAll(css, newCss).replaceAll(oldVersion, newVersion));

    server.setRoot(next);
    const before = server.requests.length;
    // Browsers look for a new sw.js on navigation; asking directly makes the moment certain. Activation ends once
    // the old caches are dealt with.
    const state = await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      await registration.update();
      const next = registration.installing ?? registration.waiting;
      if (!next) return 'no update found';
      await new Promise<void>((resolve) => {
        const check = () => (next.state === 'activated' || next.state === 'redundant') && resolve();
        next.addEventListener('statechange', check);
        check();
      });
      return next.state;
    });
    expect(state).toBe('activated');
    expect(await cacheNames(page)).toEqual([`asset-map-${newVersion}`]);

    const fetched = server.requests.slice(before);
    expect(fetched).toContain(`/assets/${newCss}`);
    // The Excel chunk did not change, so it came across from the old cache instead of the network.
    expect(fetched).not.toContain(excel!);
    expect(await cachedPaths(page, `asset-map-${newVersion}`)).toEqual(expect.arrayContaining([excel!, `/assets/${newCss}`, '/index.html']));

    await reloadApp(page);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--am-deployment').trim())).toBe('next');
    // The carried-over chunk works with the network gone.
    await goOffline(server, context);
    await reloadApp(page);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--am-deployment').trim())).toBe('next');
    expect(await exportFile(page, 'Export Excel')).toMatch(/^PK/);
    await context.close();
  });

  // Static hosts and proxies often forbid caching; the install must not depend on the browser's HTTP cache.
  for (const cacheControl of ['no-store', 'no-cache', 'public, max-age=600']) {
    it(`installs and works offline when the server sends Cache-Control: ${cacheControl}`, async () => {
      const server = await serve({ headers: { 'Cache-Control': cacheControl } });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await node(page, 'School Partnership (partner)').waitFor();
      const state = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        if (!registration) return 'not registered';
        const worker = registration.installing ?? registration.waiting ?? registration.active!;
        const settled = new Promise<string>((resolve) => {
          const check = () => (worker.state === 'activated' || worker.state === 'redundant') && resolve(worker.state);
          worker.addEventListener('statechange', check);
          check();
        });
        const late = new Promise<string>((resolve) => setTimeout(() => resolve(`still ${worker.state} after 20 s`), 20_000));
        return Promise.race([settled, late]);
      });
      expect(state).toBe('activated');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const [name] = await cacheNames(page);
      expect(await cachedPaths(page, name!)).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest']));

      await goOffline(server, context);
      await reloadApp(page);
      server.setOnline(true);
      await context.close();
    });
  }

  it('is installable: the manifest, its icons, and PNG icons drawn like the SVG', async () => {
    const server = await serve();
    const { page, context } = await firstVisit(server);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    // Test contexts are off the record, where Chromium installs nothing; that must be the only objection.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

    const manifest = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
      return { href, body: await (await fetch(href)).json() };
    });
    expect(manifest.body).toMatchObject({ name: 'Asset Map', short_name: 'Asset Map', start_url: './', display: 'standalone' });
    expect(manifest.body.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.body.description.length).toBeGreaterThan(20);

    // Each icon loads at the size the manifest gives; the PNGs match Chromium's own drawing of the SVG.
    const icons = manifest.body.icons as { src: string; sizes: string; type: string }[];
    expect(icons.map((i) => i.sizes).sort()).toEqual(['192x192', '512x512', 'any']);
    for (const icon of icons.filter((i) => i.type === 'image/png')) {
      const size = Number(icon.sizes.split('x')[0]);
      const result = await page.evaluate(
        async ({ png, svg, size }) => {
          const pixels = async (src: string) => {
            const img = new Image();
            img.src = src;
            await img.decode();
            const canvas = document.createElement('canvas');
            canvas.width = canvas.height = size;
            const g = canvas.getContext('2d')!;
            g.drawImage(img, 0, 0, size, size);
            return { natural: img.naturalWidth, data: g.getImageData(0, 0, size, size).data };
          };
          const a = await pixels(png);
          const b = await pixels(svg);
          let total = 0;
          let far = 0;
          for (let i = 0; i < a.data.length; i++) {
            const d = Math.abs(a.data[i]! - b.data[i]!);
            total += d;
            if (d > 48) far++;
          }
          return { natural: a.natural, meanDifference: total / a.data.length, farShare: far / a.data.length };
        },
        { png: new URL(icon.src, manifest.href).href, svg: new URL('icon.svg', manifest.href).href, size },
      );
      expect(result.natural, icon.src).toBe(size);
      // Edges are anti-aliased a little differently; the drawing is the same.
      expect(result.meanDifference, icon.src).toBeLessThan(1.5);
      expect(result.farShare, icon.src).toBeLessThan(0.005);
    }
    await context.close();
  });
});
