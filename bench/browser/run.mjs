/**
 * `npm run bench -- --only=browser`: the app itself in headless Chromium, against the targets of issue 6.
 *
 *   Open    from navigation to a 1,000-asset map drawn and answering a click ≤ 2 s          (open.mjs)
 *   Drag    median frame time while dragging an asset on it ≤ 16.7 ms, and a drag must not
 *           re-render every node                                                           (drag.mjs)
 *   Export  PNG of it ≤ 3 s and never blank, SVG ≤ 1 s, through the Export dialog          (export.mjs)
 *   Bundle  gzip size of the JavaScript a first visit loads ≤ 300 KB; what loads on demand  (firstVisit.mjs)
 *
 * Maps: generated (tests/support/generateMap.ts, seed 1) at 100, 500 and 1,000 assets (or --sizes), laid out with
 * layoutMap and written to bench/.cache/browser/map-<n>.assetmap.json, the file a user would open. Each size
 * gets a fresh browser context into whose IndexedDB the map is saved through the app; the 100-asset map is
 * the baseline each figure is compared with ("× 100"). Medians of --runs runs after one warm-up.
 *
 * When a time target is missed (or with --profile), the case is run once more on a build without
 * minification under a DevTools trace with the sampling profiler, and the notes say where the time went:
 * phases of the main thread, then each long task with the functions under it (profile.mjs). The traces are
 * kept in bench/.cache/browser/profiles/ and open in Chrome DevTools' Performance panel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bundle } from '../bundle.mjs';
import { CACHE, buildApp, launch, newContext, scratchDir, serve, storeMap } from './app.mjs';
import { dragOnce, openForDrag, MOVES } from './drag.mjs';
import { exportOnce, inspectPng, watchExport } from './export.mjs';
import { chunkName, measureFirstVisit } from './firstVisit.mjs';
import { measureOpen } from './open.mjs';
import { TRACE_CATEGORIES, describeTrace, makeResolver, markTs } from './profile.mjs';

const TARGET = { openMs: 2000, frameMs: 16.7, pngMs: 3000, svgMs: 1000, firstVisitKB: 300, atAssets: 1000 };
const PARTS = ['bundle', 'open', 'export', 'drag'];
/** The resolution of performance.now() in a page that is not cross-origin isolated. */
const CLOCK_MS = 0.1;
// Time a drag case may take: one measured drag, and all of them.
const DRAG_BUDGET = { dragMs: 40_000, totalMs: 120_000 };

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : null;
};
const r = (x) => (x === null || x === undefined ? null : Math.abs(x) < 10 ? Math.round(x * 10) / 10 : Math.round(x));
const kb = (bytes) => Math.round(bytes / 100) / 10;
const n = (x) => x.toLocaleString('en-US');

export default {
  name: 'browser',
  title: 'The app in Chromium: open, drag, export, first-visit JavaScript (targets of issue 6)',
  async run(ctx) {
    const sizes = [...(ctx.options.sizes ?? [100, 500, 1000])].sort((a, b) => a - b);
    const runs = ctx.options.runs;
    const parts = ctx.options.parts ?? PARTS;
    const rows = [];
    const missed = [];
    fs.mkdirSync(CACHE, { recursive: true });

    const maps = await writeMaps(sizes, ctx);
    const app = await buildApp();
    if (app.source === 'dist') ctx.note(`The build failed (${app.error}); measured a copy of dist/ instead.`);
    const server = await serve(app.dir);
    // The same app without minification: for render counts and profiles, which name components and functions.
    const namedApp = await buildApp({ name: 'app-named', minify: false });
    const named = await serve(namedApp.dir);
    named.dir = namedApp.dir;
    const browser = await launch();
    const scratch = scratchDir();
    ctx.log(`Chromium ${browser.version()}; app built into ${path.relative(process.cwd(), app.dir)}; maps: ${sizes.map((s) => `${n(s)} assets = ${n(maps[s].nodes)} nodes`).join(', ')}`);
    // Ratios are to the 100-asset row of the same measure.
    const base = (what) => rows.find((x) => x.what === what && x.assets === 100)?.median ?? null;
    const ratio = (what, assets, value) => {
      const b = base(what);
      return b && value !== null && assets !== 100 ? Math.round((value / b) * 10) / 10 : null;
    };
    const row = (what, assets, values, extra) => {
      const m = r(median(values));
      return {
        what,
        assets,
        nodes: maps[assets]?.nodes ?? null,
        runs: values.length,
        median: m,
        min: r(Math.min(...values)),
        max: r(Math.max(...values)),
        unit: 'ms',
        '× 100': ratio(what, assets, m),
        target: null,
        met: null,
        detail: '',
        ...extra,
      };
    };

    try {
      // Bundle: a fresh context, the example map.
      if (parts.includes('bundle')) {
        ctx.log('first visit: scripts loaded, then each on-demand action');
        const fv = await measureFirstVisit(browser, newContext, server.url, app.dir, scratch);
        const total = fv.first.reduce((s, f) => s + f.gzip, 0);
        const met = total / 1000 <= TARGET.firstVisitKB;
        rows.push({
          what: 'First visit: JavaScript, gzip',
          assets: null,
          nodes: null,
          runs: 1,
          median: kb(total),
          min: null,
          max: null,
          unit: 'KB',
          '× 100': null,
          target: `≤ ${TARGET.firstVisitKB} KB`,
          met: met ? 'yes' : 'no',
          detail: fv.first.map((f) => `${chunkName(f.file)} ${kb(f.gzip)} KB (${kb(f.bytes)} KB raw)`).join(', '),
        });
        if (!met) missed.push({ kind: 'bundle' });
        const steps = [...new Set(fv.onDemand.map((f) => f.step))];
        for (const step of steps) {
          const files = fv.onDemand.filter((f) => f.step === step);
          rows.push({
            what: `On demand: ${step}`,
            assets: null,
            nodes: null,
            runs: 1,
            median: kb(files.reduce((s, f) => s + f.gzip, 0)),
            min: null,
            max: null,
            unit: 'KB',
            '× 100': null,
            target: null,
            met: null,
            detail: files.map((f) => `${chunkName(f.file)} ${kb(f.gzip)} KB (${kb(f.bytes)} KB raw)`).join(', '),
          });
        }
        if (fv.never.length)
          ctx.note(`Scripts in the build none of these steps loaded: ${fv.never.map((f) => `${chunkName(f.file)} ${kb(f.gzip)} KB gzip`).join(', ')}.`);
        if (fv.sw) ctx.note(`The service worker (sw.js, ${kb(fv.sw.gzip)} KB gzip) is not counted: it loads after the page and then fetches the app shell again for offline use.`);
        ctx.note('KB = 1,000 bytes; gzip with zlib at its default level 6, per file.');
      }

      for (const assets of sizes) {
        const map = maps[assets];
        const context = await newContext(browser);
        await context.addInitScript(watchExport);
        await storeMap(context, server.url, map.text);

        if (parts.includes('open')) {
          ctx.log(`open ${n(assets)} assets`);
          await measureOpen(context, server.url); // warm-up
          const results = [];
          for (let i = 0; i < runs; i++) results.push(await measureOpen(context, server.url));
          const last = results.at(-1);
          const detail = `drawn at ${r(median(results.map((x) => x.firstNodeMs)))} ms: ${n(last.peakNodes)} node elements at first, ${n(last.finalNodes)} once settled (at ${r(median(results.map((x) => x.settledMs)))} ms), fitted zoom ${last.zoom}; clicks sent ${results.map((x) => x.clicks).join(',')}`;
          rows.push(row('Open: drawn', assets, results.map((x) => x.firstNodeMs), { detail: `${n(last.peakNodes)} node elements at most; ${n(last.paintedNodes)} nodes painted on the map canvas (the overview of a large map)` }));
          const clickRow = row('Open: drawn and answering a click', assets, results.map((x) => x.clickMs), { detail });
          if (assets === TARGET.atAssets) {
            clickRow.target = `≤ ${n(TARGET.openMs)} ms`;
            clickRow.met = clickRow.median <= TARGET.openMs ? 'yes' : 'no';
            if (clickRow.met === 'no') missed.push({ kind: 'open', assets, map });
          }
          rows.push(clickRow);
          const errors = results.flatMap((x) => x.errors);
          if (errors.length) ctx.note(`Page errors while opening ${assets}: ${[...new Set(errors)].join('; ')}`);
        }

        if (parts.includes('export')) {
          ctx.log(`export ${n(assets)} assets`);
          const page = await context.newPage();
          await page.goto(server.url);
          await waitDrawn(page);
          await page.waitForTimeout(1000);
          for (const [kind, button, limit] of [
            ['PNG', 'Export PNG', TARGET.pngMs],
            ['SVG', 'Export SVG', TARGET.svgMs],
            // No target: measured to know.
            ['PDF', 'Export PDF', null],
          ]) {
            await exportOnce(page, button, scratch); // warm-up: also loads the export code
            const results = [];
            for (let i = 0; i < runs; i++) results.push(await exportOnce(page, button, scratch));
            const last = results.at(-1);
            let detail = `longest main-thread task ${r(median(results.map((x) => x.longestTaskMs)))} ms; wall ${r(median(results.map((x) => x.wallMs)))} ms from the driver's click to the download event (click reaching the page ${r(median(results.map((x) => x.clickLagMs)))} ms, download reaching the driver ${r(median(results.map((x) => x.downloadLagMs)))} ms)`;
            let blank = false;
            if (kind === 'PNG') {
              const images = results.map((x) => inspectPng(x.file));
              blank = images.some((im) => im.ink === 0 || im.inkShare < 0.001);
              const im = images.at(-1);
              detail = `${n(im.width)}×${n(im.height)} px, ${r(im.inkShare * 100)}% non-white pixels (least ${r(Math.min(...images.map((x) => x.inkShare)) * 100)}%)${blank ? ', BLANK' : ''}; ${detail}`;
            } else if (kind === 'PDF') {
              detail = `${r(fs.statSync(last.file).size / 1e6)} MB; ${detail}`;
            } else {
              const text = fs.readFileSync(last.file, 'utf8');
              detail = `${r(text.length / 1e6)} MB, ${text.includes('<metadata') ? 'map embedded' : 'no map inside'}; ${detail}`;
            }
            const x = row(`Export ${kind}`, assets, results.map((y) => y.ms), { detail });
            if (limit !== null && (assets === TARGET.atAssets || blank)) {
              x.target = kind === 'PNG' ? `≤ ${n(limit)} ms, not blank` : `≤ ${n(limit)} ms`;
              x.met = (assets !== TARGET.atAssets || x.median <= limit) && !blank ? 'yes' : 'no';
              if (x.met === 'no') missed.push({ kind: `export-${kind}`, assets, map, button });
            }
            rows.push(x);
            for (const y of results) fs.rmSync(y.file, { force: true });
          }
          await page.close();
        }

        if (parts.includes('drag')) {
          ctx.log(`drag ${n(assets)} assets`);
          const { page, id, zoom } = await openForDrag(context, server.url);
          const group = await groupSize(page, id);
          // A warm-up drag of 10 moves says how long a move takes. When moves are slow (seconds each on the big
          // maps as they are now), fewer moves and runs keep a drag within DRAG_BUDGET; the table says so.
          const warm = await dragOnce(page, id, 1, 10);
          const perMove = warm.gestureMs / 10;
          const moves = Math.max(10, Math.min(MOVES, Math.floor(DRAG_BUDGET.dragMs / perMove)));
          const dragRuns = Math.max(1, Math.min(runs, Math.floor(DRAG_BUDGET.totalMs / (perMove * moves))));
          const results = [];
          for (let i = 0; i < dragRuns; i++) results.push(await dragOnce(page, id, i % 2 ? 1 : -1, moves));
          await page.close();
          const perRun = results.map((x) => median(x.updates));
          const pooled = results.flatMap((x) => x.updates);
          const touched = results.flatMap((x) => x.touched);
          const frameRow = row('Drag: frame time', assets, perRun, {
            detail: `interval between frames showing the asset moved; ${moves} moves${moves < MOVES ? ` (not ${MOVES}: the warm-up took ${r(perMove)} ms a move)` : ''}, shown in ${r(median(results.map((x) => x.shownFrames)))} frames; p95 ${r(quantile(pooled, 0.95))} ms, longest ${r(Math.max(...pooled))} ms; ${r(median(results.map((x) => x.gestureMs / x.moves)))} ms per move; all rAF intervals: median ${r(median(results.flatMap((x) => x.deltas)))} ms; zoom ${r(zoom)}; ${n(results[0].domNodes)} node elements in DOM; node wrappers whose DOM changed per frame: median ${median(touched) ?? 0}, max ${Math.max(0, ...touched)} (the asset and its attachments: ${group})`,
          });
          if (assets === TARGET.atAssets) {
            // Compared unrounded (the table rounds 16.7 to 17), with the 0.1 ms to which the page's clock is
            // coarsened: an interval of one 60 Hz frame reads 16.6 to 16.8 ms.
            const exact = median(perRun);
            frameRow.median = Math.round(exact * 10) / 10;
            frameRow.target = `≤ ${TARGET.frameMs} ms`;
            frameRow.met = exact <= TARGET.frameMs + CLOCK_MS ? 'yes' : 'no';
            if (frameRow.met === 'no') missed.push({ kind: 'drag', assets, map });
          }
          rows.push(frameRow);

          // The same drag with the render counter (its own page: the hook must be there before React loads), on
          // the build without minification so that the components it names are recognisable; what renders does
          // not depend on minification.
          const countContext = await newContext(browser);
          await storeMap(countContext, named.url, map.text);
          const counted = await openForDrag(countContext, named.url, { countRenders: true });
          await dragOnce(counted.page, counted.id, 1, 5);
          const c = await dragOnce(counted.page, counted.id, -1, Math.min(moves, 20));
          await countContext.close();
          const frames = c.renders ?? [];
          const pick = (k) => frames.map((f) => f[k]);
          const views = pick('nodeViews');
          const wrappers = pick('nodeWrappers');
          const minimap = pick('minimapNodes');
          const worst = Math.max(0, ...views, ...wrappers, ...minimap);
          const both = (k) => `${median(pick(k)) ?? 0}, ${Math.max(0, ...pick(k))}`;
          // Which other components rendered most, over the whole drag.
          const others = new Map();
          for (const f of frames) for (const [name, count] of Object.entries(f.names)) others.set(name, (others.get(name) ?? 0) + count);
          const topOthers = [...others].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, count]) => `${name} ${n(count)}`);
          rows.push({
            what: 'Drag: node components rendered per frame',
            assets,
            nodes: map.nodes,
            runs: 1,
            median: median(views) ?? 0,
            min: Math.min(...views),
            max: Math.max(...views),
            unit: 'nodes',
            '× 100': null,
            target: 'not every node',
            met: worst < map.nodes / 2 ? 'yes' : 'no',
            detail: `per frame (median, max) — our node components: ${both('nodeViews')}; React Flow node wrappers: ${both('nodeWrappers')}; mini-map nodes: ${both('minimapNodes')}; edge wrappers: ${both('edgeWrappers')}; our edge components: ${both('edgeViews')}; commits: ${both('commits')}; ${group} nodes move, ${n(c.domNodes)} node elements in DOM; most rendered otherwise over ${c.moves} moves: ${topOthers.join(', ')}`,
          });
        }
        await context.close();
      }

      // Where the time went, for each missed time target (or every case with --profile).
      const toProfile = ctx.options.profile
        ? sizes.filter((s) => s === Math.max(...sizes)).flatMap((assets) => [
            { kind: 'open', assets, map: maps[assets] },
            { kind: 'drag', assets, map: maps[assets] },
            { kind: 'export-PNG', assets, map: maps[assets], button: 'Export PNG' },
            { kind: 'export-SVG', assets, map: maps[assets], button: 'Export SVG' },
          ])
        : missed.filter((m) => m.kind !== 'bundle');
      if (toProfile.length) await profileCases(ctx, browser, named, toProfile.filter((m) => parts.some((p) => m.kind.startsWith(p))), scratch);
    } finally {
      await browser.close();
      await server.close();
      await named.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    }
    ctx.note(
      'Open: a new tab on the saved map, from navigation start to the map drawn (the first node element, or the painted overview of a large map), and to a real press and release on an asset being shown selected. Drag: intervals between frames that showed the dragged asset in a new place, during up to 60 mouse moves sent at 60 Hz, at the zoom search uses (≥ 0.9). Export: in the page, from the button click to the download link. Headless Chromium with --disable-gpu rasterises on the CPU.',
    );
    return rows;
  },
};

/**
 * Generates and lays out the maps, writes them as .assetmap.json into the cache, returns them by size. When the
 * generator or the layout does not build (someone is half-way through a change on this shared checkout), the
 * maps the cache already holds are used instead, and a note says so.
 */
async function writeMaps(sizes, ctx) {
  let make;
  try {
    const urls = await bundle({ 'browser-maps': 'bench/browser/maps.ts' });
    make = (await import(urls['browser-maps'])).laidOutMapFile;
  } catch (e) {
    const missing = sizes.filter((s) => !fs.existsSync(mapFile(s)));
    if (missing.length) throw e;
    ctx.note(`The map generator did not build (${String(e.message ?? e).split('\n')[0]}); used the maps already in ${path.relative(process.cwd(), CACHE)}, written ${sizes.map((s) => fs.statSync(mapFile(s)).mtime.toISOString()).join(', ')}.`);
  }
  const out = {};
  for (const assets of sizes) {
    if (make) {
      const file = make(assets);
      fs.writeFileSync(mapFile(assets), file.text);
      out[assets] = file;
    } else {
      const text = fs.readFileSync(mapFile(assets), 'utf8');
      const doc = JSON.parse(text).map;
      out[assets] = { text, assets, nodes: Object.keys(doc.nodes).length, links: Object.keys(doc.edges).length, title: doc.title };
    }
  }
  return out;
}

const mapFile = (assets) => path.join(CACHE, `map-${assets}.assetmap.json`);

/** How many nodes move when `id` is dragged: the asset and everything attached to it, recursively. */
function groupSize(page, id) {
  return page.evaluate((assetId) => {
    const doc = window.assetMap.workspace.store.getDoc();
    const children = new Map();
    for (const node of Object.values(doc.nodes))
      if (node.attachedTo) children.set(node.attachedTo, [...(children.get(node.attachedTo) ?? []), node.id]);
    let count = 0;
    const stack = [assetId];
    while (stack.length) {
      const next = stack.pop();
      count++;
      stack.push(...(children.get(next) ?? []));
    }
    return count;
  }, id);
}

/** Runs each case once on the unminified build (served by `server`) under a trace; notes where the time went. */
async function profileCases(ctx, browser, server, cases, scratch) {
  ctx.log(`profiling: ${cases.map((c) => `${c.kind} ${c.assets}`).join(', ')}`);
  const resolve = makeResolver(server.dir);
  const outDir = path.join(CACHE, 'profiles');
  fs.mkdirSync(outDir, { recursive: true });
  for (const c of cases) {
    const context = await newContext(browser);
    await context.addInitScript(watchExport);
    await storeMap(context, server.url, c.map.text);
    let trace;
    let window = {};
    let headline = '';
    if (c.kind === 'open') {
      await measureOpen(context, server.url);
      const result = await measureOpen(context, server.url, {
        onPage: async (page, when) => {
          if (when === 'before') await browser.startTracing(page, { categories: TRACE_CATEGORIES });
          else trace = JSON.parse((await browser.stopTracing()).toString());
        },
      });
      window = { toUs: markTs(trace, 'bench-selected') };
      headline = `first node ${r(result.firstNodeMs)} ms, click answered ${r(result.clickMs)} ms (unminified build, traced); node elements over time (ms, count, transform): ${result.counts.map((x) => `${x[0]}: ${x[1]}`).join(', ')}`;
    } else if (c.kind === 'drag') {
      const { page, id } = await openForDrag(context, server.url);
      const warm = await dragOnce(page, id, 1, 5);
      const moves = Math.max(5, Math.min(MOVES, Math.floor(DRAG_BUDGET.dragMs / (warm.gestureMs / 5))));
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const result = await dragOnce(page, id, -1, moves);
      trace = JSON.parse((await browser.stopTracing()).toString());
      await page.close();
      window = { fromUs: markTs(trace, 'bench-drag-start'), toUs: markTs(trace, 'bench-drag-end') };
      headline = `frame time ${r(median(result.updates))} ms (median interval between frames showing the asset moved), ${r(result.gestureMs / moves)} ms per move over ${moves} moves (unminified build, traced)`;
    } else {
      const page = await context.newPage();
      await page.goto(server.url);
      await waitDrawn(page);
      await page.waitForTimeout(1000);
      await exportOnce(page, c.button, scratch);
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const result = await exportOnce(page, c.button, scratch);
      trace = JSON.parse((await browser.stopTracing()).toString());
      fs.rmSync(result.file, { force: true });
      await page.close();
      window = { fromUs: markTs(trace, 'bench-export-start'), toUs: markTs(trace, 'bench-export-end') };
      headline = `${r(result.ms)} ms (unminified build, traced)`;
    }
    await context.close();
    const file = path.join(outDir, `${c.kind}-${c.assets}.json`);
    fs.writeFileSync(file, JSON.stringify(trace));
    const { text } = describeTrace(`Profile, ${c.kind} at ${n(c.assets)} assets`, trace, { resolve, ...window });
    ctx.note(`${text}\n  ${headline}\n  trace: ${path.relative(process.cwd(), file)}`);
  }
}

/** Waits until the map is drawn: node elements, or the map canvas's overview of a large map. */
function waitDrawn(page) {
  return page.waitForFunction(
    () => document.querySelector('.react-flow__node') || Number(document.querySelector('.am-paint')?.dataset.nodes) > 0,
    undefined,
    { timeout: 120_000 },
  );
}
