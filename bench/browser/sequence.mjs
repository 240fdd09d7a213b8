/**
 * `npm run bench -- --only=sequence`: the app as a user works with it, in one page, one step after another:
 *
 *   1. open a 1,000-row worksheet CSV as a new map;
 *   2. open a connected 300-asset map file, then Auto layout it (the first layout after opening);
 *   3. open a 1,000-asset map file that was never laid out (every node at 0,0), then Auto layout it; then pan it,
 *      far out, with 40 short drags (timed from the first to the last: each drag's events wait for the page);
 *   4. switch between the three big maps through the Maps list, five rounds;
 *   5. open another connected 300-asset map, look at it for two seconds (as a user does before reaching for a
 *      button), then Auto layout it. Steps 2 and 3 click Auto layout the moment the map has opened.
 *
 * Per step: the time from the user's action (the file chosen, the button clicked) to the app's own message
 * ("Opened…", "Laid out…") — or, for a switch, to the new map's items drawn — plus one frame; the longest
 * main-thread task in that window; and, after each switch, the JavaScript heap after a garbage collection
 * (it must not grow switch after switch). In the same run, the React Flow documentation's dagre recipe (one dagre
 * graph of every node and edge, fixed sizes) times the same maps in Node, so that the in-app layout is measured
 * side by side with it.
 *
 * With `--baseline=<git ref>` the app as it was at that commit runs in the same browser, its runs taken turn about
 * with this code's, and the table gains its figures beside these: before and after on the same machine state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bundle } from '../bundle.mjs';
import { CACHE, buildApp, buildBaseline, launch, newContext, scratchDir, serve } from './app.mjs';

const r = (x) => (x === null || x === undefined ? null : Math.abs(x) < 10 ? Math.round(x * 10) / 10 : Math.round(x));
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mb = (bytes) => Math.round(bytes / 1e5) / 10;

/** Runs in the page before the app: records long tasks, and marks when a status message or a drawn map appears. */
function installProbes() {
  const w = window;
  w.__seq = { tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__seq.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  /** Resolves with performance.now() one frame after `check()` first holds, looked at on every DOM change and frame. */
  w.__seqWait = (check) =>
    new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done || !check()) return false;
        done = true;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
        return true;
      };
      const observer = new MutationObserver(finish);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      const frame = () => {
        if (!finish() && !done) requestAnimationFrame(frame);
      };
      frame();
    });
}

/** Starts a step: marks its start and arms the check for its end; returns a function that waits for the end. */
async function step(page, kind, expected) {
  await page.evaluate(
    ({ kind, expected }) => {
      const w = window;
      const statusHas = () => [...document.querySelectorAll('[role="status"], [role="alert"]')].some((el) => el.textContent?.includes(expected));
      const drawn = () =>
        w.assetMap.workspace.store.getDoc().title === expected &&
        (document.querySelector('.react-flow__node') !== null || Number(document.querySelector('.am-paint')?.dataset.nodes ?? 0) > 0);
      w.__seq.t0 = performance.now();
      w.__seq.end = w.__seqWait(kind === 'status' ? statusHas : drawn);
    },
    { kind, expected },
  );
  return async () => {
    const t1 = await page.evaluate(() => window.__seq.end);
    const { t0, tasks } = await page.evaluate(() => ({ t0: window.__seq.t0, tasks: window.__seq.tasks }));
    const inside = tasks.filter(([s, d]) => s + d > t0 && s < t1).map(([, d]) => d);
    return { ms: t1 - t0, longestTaskMs: inside.length ? Math.max(...inside) : 0 };
  };
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function runOnce(browser, url, files, dir) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.addInitScript(installProbes);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('.react-flow__node', { timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  const out = [];
  const write = (f) => {
    const p = path.join(dir, f.name);
    fs.writeFileSync(p, f.text);
    return p;
  };

  // What the user clicks is found before a step starts: the test driver's search of the page for it (its roles
  // and names, over every element) is not the app's work, and was counted among the step's long tasks.
  const fileInput = () => page.getByLabel('Open file').elementHandle();
  const autoLayout = () => page.getByRole('button', { name: 'Auto layout', exact: true }).elementHandle();

  // 1. The CSV, as a new map.
  let input = await fileInput();
  let done = await step(page, 'status', 'Opened “worksheet-1000.csv”');
  await input.setInputFiles(write(files.csv));
  await page.getByRole('button', { name: 'Make a new map' }).click();
  out.push({ what: 'Open a 1,000-row CSV as a new map', ...(await done()) });
  const titleNow = () => page.evaluate(() => window.assetMap.workspace.store.getDoc().title);
  const titles = [await titleNow()];

  // 2. The 300-asset map, then its first layout.
  input = await fileInput();
  let button = await autoLayout();
  done = await step(page, 'status', `Opened “${files.map300.name}”`);
  await input.setInputFiles(write(files.map300));
  out.push({ what: 'Open the connected 300-asset map', ...(await done()) });
  titles.push(await titleNow());
  done = await step(page, 'status', 'Laid out the map');
  await button.click();
  out.push({ what: 'Auto layout, 300 assets (first after opening)', ...(await done()) });
  await page.getByText('Laid out the map').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);

  // 3. The never-laid-out 1,000-asset map, then its layout.
  input = await fileInput();
  button = await autoLayout();
  done = await step(page, 'status', `Opened “${files.map1000.name}”`);
  await input.setInputFiles(write(files.map1000));
  out.push({ what: 'Open the never-laid-out 1,000-asset map', ...(await done()) });
  titles.push(await titleNow());
  done = await step(page, 'status', 'Laid out the map');
  await button.click();
  out.push({ what: 'Auto layout, 1,000 assets', ...(await done()) });

  // 3b. Panning that map, far out (its overview): 40 short drags of the map, as fast as the page takes them.
  await page.waitForTimeout(2500);
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const [cx, cy] = [pane.x + pane.width / 2, pane.y + pane.height / 2];
  await page.mouse.move(cx, cy);
  const t0 = await page.evaluate(() => {
    window.__seq.t0 = performance.now();
    return window.__seq.t0;
  });
  for (let i = 0; i < 40; i++) {
    await page.mouse.down();
    await page.mouse.move(cx + (i % 2 ? 30 : -30), cy + 10, { steps: 3 });
    await page.mouse.up();
  }
  const { t1, tasks } = await page.evaluate(() => ({ t1: performance.now(), tasks: window.__seq.tasks }));
  const during = tasks.filter(([st, d]) => st + d > t0 && st < t1).map(([, d]) => d);
  out.push({ what: 'Pan the 1,000-asset map far out (40 drags)', ms: t1 - t0, longestTaskMs: during.length ? Math.max(...during) : 0 });

  // 4. Switching between the three, five rounds.
  const heaps = [await heapAfterGc(cdp)];
  const switches = [];
  for (let round = 0; round < 5; round++) {
    for (const title of titles) {
      await page.getByRole('button', { name: 'Maps', exact: true }).click();
      const open = await page.getByRole('button', { name: `Open ${title}`, exact: true }).elementHandle();
      done = await step(page, 'drawn', title);
      await open.click();
      switches.push({ title, ...(await done()) });
      heaps.push(await heapAfterGc(cdp));
    }
  }
  await cdp.detach();

  // 5. Another 300-asset map, looked at for a moment before its first layout.
  input = await fileInput();
  done = await step(page, 'status', `Opened “${files.map300b.name}”`);
  await input.setInputFiles(write(files.map300b));
  await done();
  await page.waitForTimeout(2000);
  button = await autoLayout();
  done = await step(page, 'status', 'Laid out the map');
  await button.click();
  out.push({ what: 'Auto layout, 300 assets, clicked 2 s after opening', ...(await done()) });
  await context.close();
  return { steps: out, switches, heaps, errors };
}

/** The table's rows from the runs of one app: per step, switching, heap. */
function summarize(results) {
  const rows = [];
  for (let s = 0; s < results[0].steps.length; s++) {
    const all = results.map((x) => x.steps[s]);
    rows.push({
      what: all[0].what,
      ms: r(median(all.map((x) => x.ms))),
      // Each run's time, with its longest task in brackets.
      runs: all.map((x) => `${r(x.ms)} (${r(x.longestTaskMs)})`).join(', '),
      'longest task ms': r(median(all.map((x) => x.longestTaskMs))),
    });
  }
  const sw = results.flatMap((x) => x.switches);
  rows.push({
    what: 'Switch between the three maps (15 switches a run)',
    ms: r(median(sw.map((x) => x.ms))),
    runs: `slowest ${r(Math.max(...sw.map((x) => x.ms)))}`,
    'longest task ms': r(Math.max(...sw.map((x) => x.longestTaskMs))),
  });
  const heaps = results.map((x) => x.heaps);
  rows.push({
    what: 'JS heap after GC: before the switches, after each round of three',
    ms: null,
    runs: heaps.map((h) => h.filter((_, i) => i % 3 === 0).map((b) => `${mb(b)}`).join(' → ') + ' MB').join('; '),
    'longest task ms': null,
  });
  return rows;
}

export default {
  name: 'sequence',
  title: 'The app as a user works: maps opened one after another, never laid out, laid out once, switched',
  async run(ctx) {
    const runs = Math.min(ctx.options.runs, 3);
    const { maps } = await bundle({ 'sequence-maps': 'bench/browser/sequenceMaps.ts' }).then((u) => ({ maps: u['sequence-maps'] }));
    const { sequenceFiles, recipeMs } = await import(maps);
    const files = sequenceFiles();
    ctx.log(`maps: CSV ${files.csv.assets} rows; ${files.map300.nodes} nodes / ${files.map300.links} links; ${files.map1000.nodes} nodes / ${files.map1000.links} links`);
    const recipe300 = [];
    const recipe1000 = [];
    for (let i = 0; i < runs; i++) {
      recipe300.push(recipeMs(files.map300.text));
      recipe1000.push(recipeMs(files.map1000.text));
    }

    fs.mkdirSync(CACHE, { recursive: true });
    const app = await buildApp();
    if (app.source !== 'build') ctx.note(`The build failed (${app.error}); measured a copy of dist/ instead.`);
    const base = ctx.options.baseline ? await buildBaseline(ctx.options.baseline) : undefined;
    if (base) ctx.note(`Before: the app at ${ctx.options.baseline} (${base.commit.slice(0, 7)}), measured in the same browser, its runs taken turn about with this code's.`);
    const server = await serve(app.dir);
    const baseServer = base ? await serve(base.dir) : undefined;
    const browser = await launch();
    const dir = scratchDir();
    const results = [];
    const before = [];
    try {
      for (let i = 0; i < runs; i++) {
        if (baseServer) {
          ctx.log(`sequence run ${i + 1} of ${runs}, before`);
          before.push(await runOnce(browser, baseServer.url, files, dir));
        }
        ctx.log(`sequence run ${i + 1} of ${runs}`);
        results.push(await runOnce(browser, server.url, files, dir));
      }
    } finally {
      await browser.close();
      await server.close();
      await baseServer?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const rows = summarize(results);
    if (before.length) {
      const old = summarize(before);
      rows.forEach((row, i) => {
        const o = old[i];
        if (!o || o.what !== row.what) return;
        row['before ms'] = o.ms;
        row['before task ms'] = o['longest task ms'];
        if (o.ms && row.ms) row['before / after'] = r(o.ms / row.ms);
        if (o.ms === null) row['before ms'] = o.runs;
      });
    }
    const l300 = rows.find((x) => x.what.startsWith('Auto layout, 300'));
    const l1000 = rows.find((x) => x.what.startsWith('Auto layout, 1,000'));
    rows.push({ what: 'The recipe (dagre over every node and edge) in Node, 300 assets', ms: r(median(recipe300)), runs: `app is ${r(median(recipe300) / l300.ms)}× faster`, 'longest task ms': null });
    rows.push({ what: 'The recipe in Node, 1,000 assets, never laid out', ms: r(median(recipe1000)), runs: `app is ${r(median(recipe1000) / l1000.ms)}× faster`, 'longest task ms': null });
    const errors = [...new Set(results.flatMap((x) => x.errors))];
    if (errors.length) ctx.note(`Page errors: ${errors.join('; ')}`);
    return rows;
  },
};
