/**
 * Target 7, the JavaScript a first visit loads: a fresh context (nothing cached, no service worker yet) opens
 * the app, which shows its example map; every script the page requests (the entry and what it preloads or
 * imports) is read from the build and gzipped with zlib (default level 6, as a static host typically serves it).
 * What the app fetches once the page is idle after the first view (the analysis, and the views and dialogs it
 * prefetches) is listed apart, as the first on-demand step.
 * Then the code loaded on demand: each action that loads code of its own (PNG, SVG, PDF and Excel export, auto
 * layout's worker) is done once, and the scripts it brought are listed with their sizes. Whatever the build has
 * that none of these loaded is listed too.
 *
 * The service worker's script and the files it fetches to work offline are not the page's JavaScript and are
 * reported apart (they load after the page, in the background).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { exportOnce } from './export.mjs';

const isScript = (p) => p.endsWith('.js') || p.endsWith('.mjs');

function sizes(dir, file) {
  const buf = fs.readFileSync(path.join(dir, file));
  return { file, bytes: buf.length, gzip: zlib.gzipSync(buf).length };
}

/** Chunk file name without its content hash, for tables that should not change with every build. */
export const chunkName = (file) => path.basename(file).replace(/-[\w-]{8}(\.m?js)$/, '$1');

export async function measureFirstVisit(browser, newContext, url, appDir, scratch) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const seen = new Set();
  const requested = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname.replace(/^\//, '');
    if (!isScript(p) || seen.has(p)) return;
    seen.add(p);
    requested.push({ path: p, type: r.resourceType(), step: current });
  });
  let current = 'first visit';
  await page.goto(url);
  await page.waitForSelector('.react-flow__node');
  await page.waitForLoadState('networkidle');
  // Some of what loads when idle starts later than the network's first quiet half second: the layout worker,
  // once the map has stood still for a moment (src/ui/layoutAhead.ts). Requested between here and the first
  // step below, it was counted as the first view's.
  await page.waitForTimeout(2500);
  await page.waitForLoadState('networkidle');
  // What the app fetched once the page was idle after showing the map (its mark, src/ui/idle.ts): the analysis,
  // and the views and dialogs prefetched so that they open without a wait.
  const idle = await page.evaluate(() => {
    const mark = performance.getEntriesByName('assetmap-idle')[0]?.startTime;
    if (mark === undefined) return [];
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime >= mark)
      .map((e) => new URL(e.name).pathname.replace(/^\//, ''));
  });
  for (const r of requested) if (r.step === 'first visit' && idle.includes(r.path)) r.step = 'when idle, after the first view';
  const steps = [
    ['PNG export', (p) => exportOnce(p, 'Export PNG', scratch)],
    ['SVG export', (p) => exportOnce(p, 'Export SVG', scratch)],
    ['PDF export', (p) => exportOnce(p, 'Export PDF', scratch)],
    ['Excel export', (p) => exportOnce(p, 'Export Excel', scratch)],
    [
      'auto layout',
      async (p) => {
        await p.getByRole('button', { name: 'Auto layout' }).click();
        await p.waitForFunction(() => !document.querySelector('button[aria-busy="true"]'));
      },
    ],
  ];
  for (const [name, run] of steps) {
    current = name;
    await run(page);
    await page.waitForLoadState('networkidle');
  }
  await context.close();

  const first = requested.filter((r) => r.step === 'first visit' && !r.path.endsWith('sw.js'));
  const firstSizes = first.map((r) => ({ ...sizes(appDir, r.path), how: r.type }));
  const onDemand = requested.filter((r) => r.step !== 'first visit').map((r) => ({ ...sizes(appDir, r.path), step: r.step }));
  // (The first step listed on demand is what was fetched when idle.)
  const loaded = new Set(requested.map((r) => r.path));
  const all = fs
    .readdirSync(path.join(appDir, 'assets'))
    .filter(isScript)
    .map((f) => `assets/${f}`);
  const never = all.filter((f) => !loaded.has(f)).map((f) => sizes(appDir, f));
  const sw = fs.existsSync(path.join(appDir, 'sw.js')) ? sizes(appDir, 'sw.js') : null;
  return { first: firstSizes, onDemand, never, sw, staticPreloads: staticEntries(appDir) };
}

/** What index.html itself names: module scripts and modulepreload links (a cross-check on the requests). */
function staticEntries(appDir) {
  const html = fs.readFileSync(path.join(appDir, 'index.html'), 'utf8');
  const out = [];
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) out.push(m[1].replace(/^\.\//, ''));
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) out.push(m[1].replace(/^\.\//, ''));
  return out;
}
