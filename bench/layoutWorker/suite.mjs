/**
 * Browser benchmark of the layout worker: the longest main-thread task while a generated map is laid out in
 * the page, through runLayout (in a Web Worker) against layoutMap on the main thread. Builds its own small page
 * (bench/layoutWorker) with Vite, serves it, and drives /usr/bin/chromium (or CHROMIUM_PATH) with
 * playwright-core. The app's own browser benchmarks (open, drag, PNG export) go in bench/browser.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium, serveStatic } from '../../tests/support/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const outDir = path.join(root, 'bench', '.cache', 'layout-worker');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => (x < 10 ? Math.round(x * 10) / 10 : Math.round(x));

export default {
  name: 'layout-worker',
  title: 'Layout in the page (Chromium): longest main-thread task during an auto layout',
  async run(ctx) {
    await build({
      root: here,
      configFile: false,
      base: './',
      logLevel: 'warn',
      worker: { format: 'es' },
      build: { outDir, emptyOutDir: true, target: 'es2022' },
    });
    const server = await serveStatic(outDir);
    const browser = await launchChromium();
    const rows = [];
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}index.html`);
      await page.waitForFunction(() => typeof window.benchLayout === 'function');
      const run = (assets, mode, tick = true) => page.evaluate(([a, m, t]) => window.benchLayout(a, m, t), [assets, mode, tick]);
      for (const assets of ctx.options.sizes ?? [1000, 2000]) {
        // The first worker call also starts the worker (fetches and compiles its module): reported apart.
        const cold = await run(assets, 'worker');
        const warm = [];
        const quiet = [];
        for (let i = 0; i < ctx.options.runs; i++) {
          warm.push(await run(assets, 'worker'));
          quiet.push(await run(assets, 'worker', false));
        }
        const main = [];
        for (let i = 0; i < Math.min(3, ctx.options.runs); i++) main.push(await run(assets, 'main'));
        const row = (mode, samples, timed = samples) => ({
          assets,
          mode,
          runs: samples.length,
          'layout ms': round(median(timed.map((s) => s.ms))),
          'longest main-thread task ms': round(median(samples.map((s) => s.longestTaskMs))),
          'worst run ms': round(Math.max(...samples.map((s) => s.longestTaskMs))),
          'long tasks ≥50 ms': samples.map((s) => (s.longTasks.length ? s.longTasks.join('+') : '0')).join(', '),
        });
        rows.push(row('worker, first call', [cold]), row('worker', warm, quiet), row('main thread', main));
      }
      if (errors.length) ctx.note(`Page errors: ${errors.join('; ')}`);
    } finally {
      await browser.close();
      await server.close();
    }
    ctx.note('Longest task: the longest gap between ticks of a MessageChannel loop on the main thread while the layout runs (median over runs). Worker layout times come from runs without the loop, which keeps a core busy.');
    return rows;
  },
};
