/**
 * The benchmark suites `npm run bench` knows. A suite runs only when every path in `requires` exists, so a
 * suite for a module still being written is skipped with a note instead of failing the run.
 *
 * kind 'node':    `entry` is a TypeScript module under bench/suites whose default export is a BenchSuite
 *                 (bench/harness.ts). The runner bundles it with Vite into bench/.cache and runs it in Node.
 * kind 'browser': `entry` is a plain ES module run as is, with the same contract (default export
 *                 { name, title, run(ctx) }); it builds what it serves itself (with Vite, into bench/.cache)
 *                 and drives it in /usr/bin/chromium through playwright-core.
 *
 * To add one: write the module, add a line here, and describe its figures in BENCHMARKS.md.
 */
export const SUITES = [
  { name: 'layout', kind: 'node', entry: 'bench/suites/layout.ts', requires: ['src/layout/layoutMap.ts'] },
  { name: 'analysis', kind: 'node', entry: 'bench/suites/analysis.ts', requires: ['src/analysis/index.ts'] },
  { name: 'svg-export', kind: 'node', entry: 'bench/suites/svgExport.ts', requires: ['src/io/export/index.ts'] },
  { name: 'map-file', kind: 'node', entry: 'bench/suites/mapFile.ts', requires: ['src/io/mapFile.ts'] },
  { name: 'compare', kind: 'node', entry: 'bench/suites/compare.ts', requires: ['src/model/diff.ts'] },
  { name: 'csv-import', kind: 'node', entry: 'bench/suites/csvImport.ts', requires: ['src/io/sheets/index.ts'] },
  // A real server process on 127.0.0.1 and Hocuspocus clients over loopback; about two minutes.
  { name: 'collab', kind: 'node', entry: 'bench/suites/collab.ts', requires: ['server/index.js', 'src/collab/binding.ts'] },
  {
    name: 'layout-worker',
    kind: 'browser',
    entry: 'bench/layoutWorker/suite.mjs',
    requires: ['bench/layoutWorker/suite.mjs', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'],
  },
  {
    name: 'browser',
    kind: 'browser',
    entry: 'bench/browser/run.mjs',
    // Open, drag frame time, PNG and SVG export, first-visit JavaScript. Builds the app itself (bench/browser/app.mjs).
    requires: ['bench/browser/run.mjs', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'],
  },
  {
    name: 'sequence',
    kind: 'browser',
    entry: 'bench/browser/sequence.mjs',
    // A user's sequence: a CSV, a 300-asset map laid out, a never-laid-out 1,000-asset map laid out, switching.
    requires: ['bench/browser/sequence.mjs', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'],
  },
];
