/**
 * `npm run bench`: runs the benchmark suites of bench/registry.mjs, prints a table per suite and writes
 * bench/results.json (machine, Node version, date, every figure).
 *
 * Options (after `npm run bench --`):
 *   --only=layout,map-file  run these suites only
 *   --sizes=100,500         map sizes, for suites that take them
 *   --runs=5                measured runs per case (medians are reported; one warm-up run comes first)
 *   --quick                 skip slow baselines (bare dagre above 500 assets)
 *   --cap=60                seconds a capped baseline may run (bare dagre at 2,000 assets) before it is stopped
 *   --full                  run every baseline to the end, however long (bare dagre at 2,000: many minutes)
 *   --parts=open,drag       the browser suite's parts only (bundle, open, export, drag)
 *   --profile               the browser suite traces every case, not only those that miss their target
 *   --baseline=<git ref>    the sequence suite also builds the app at that commit and measures it in the same run,
 *                           its runs taken turn about with this code's (before and after, on the same machine state)
 *
 * TypeScript suites are bundled with Vite into bench/.cache first, so that the timed code is plain JavaScript
 * as in the built app, with no transform hooks in the way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundle } from './bundle.mjs';
import { SUITES } from './registry.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = { quick: false, full: false, runs: 5, capMs: 60_000, sizes: undefined, only: undefined, parts: undefined, profile: false, baseline: undefined };
  for (const a of argv) {
    const [key, value] = a.replace(/^--/, '').split('=');
    if (key === 'quick') args.quick = true;
    else if (key === 'full') args.full = true;
    else if (key === 'runs') args.runs = Math.max(1, Number(value));
    else if (key === 'cap') args.capMs = Number(value) * 1000;
    else if (key === 'sizes') args.sizes = value.split(',').map(Number);
    else if (key === 'only') args.only = value.split(',');
    else if (key === 'parts') args.parts = value.split(',');
    else if (key === 'profile') args.profile = true;
    else if (key === 'baseline') args.baseline = value;
    else throw new Error(`Unknown option ${a}; see the header of bench/run.mjs`);
  }
  return args;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function measure(fn, { runs = options.runs, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { median: median(wall), min: Math.min(...wall), max: Math.max(...wall), cpuMedian: median(cpu), runs: wall };
}

function capped(url, exportName, args, capMs) {
  return new Promise((resolve) => {
    const start = performance.now();
    const worker = new Worker(new URL('./capped.mjs', import.meta.url), { workerData: { url, exportName, args } });
    let done = false;
    const finish = (value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = Number.isFinite(capMs)
      ? setTimeout(() => {
          worker.terminate();
          finish({ ok: false, reason: 'timeout', ms: performance.now() - start });
        }, capMs)
      : undefined;
    worker.on('message', (m) => {
      worker.terminate();
      finish(m.ok ? m : { ok: false, reason: 'error', ms: performance.now() - start, error: m.error });
    });
    worker.on('error', (e) => finish({ ok: false, reason: 'error', ms: performance.now() - start, error: String(e) }));
  });
}

function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m);
    if (info) cpu = info[1].trim();
  } catch {
    // Not Linux: os.cpus() says enough.
  }
  let commit = null;
  try {
    const head = fs.readFileSync(path.join(root, '.git', 'HEAD'), 'utf8').trim();
    commit = head.startsWith('ref: ') ? fs.readFileSync(path.join(root, '.git', head.slice(5)), 'utf8').trim() : head;
  } catch {
    // Not a git checkout.
  }
  return {
    cpu,
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    v8: process.versions.v8,
    commit,
  };
}

function formatCell(v) {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);
  return String(v);
}

function printTable(rows) {
  const columns = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  const cells = rows.map((r) => columns.map((c) => formatCell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (vals) => '| ' + vals.map((v, i) => v.padStart(widths[i])).join(' | ') + ' |';
  console.log(line(columns));
  console.log('|' + widths.map((w) => '-'.repeat(w + 1) + ':').join('|') + '|');
  for (const row of cells) console.log(line(row));
}

const options = parseArgs(process.argv.slice(2));
const selected = SUITES.filter((s) => !options.only || options.only.includes(s.name));
const runnable = [];
const skipped = [];
for (const s of selected) {
  const missing = s.requires.filter((p) => !fs.existsSync(path.isAbsolute(p) ? p : path.join(root, p)));
  if (missing.length) skipped.push({ name: s.name, reason: `missing ${missing.join(', ')}` });
  else runnable.push(s);
}

const started = new Date();
const results = {
  date: started.toISOString(),
  machine: machine(),
  loadAverage: { start: os.loadavg().map((x) => Math.round(x * 100) / 100) },
  options,
  suites: {},
  skipped,
};
console.log(`Asset Map benchmarks — ${results.machine.cpu}, ${results.machine.cores} cores, Node ${process.version}`);
console.log(`Load average at start: ${results.loadAverage.start.join(', ')} (other work on the machine slows wall times)`);

const nodeSuites = runnable.filter((s) => s.kind === 'node');
const urls = nodeSuites.length ? await bundle(Object.fromEntries(nodeSuites.map((s) => [s.name, s.entry]))) : {};

for (const s of runnable) {
  const url = s.kind === 'node' ? urls[s.name] : pathToFileURL(path.join(root, s.entry)).href;
  const suite = (await import(url)).default;
  const notes = [];
  const ctx = {
    options,
    measure,
    capped: (exportName, args, capMs) => capped(url, exportName, args, capMs),
    note: (text) => notes.push(text),
    log: (text) => console.log(text),
  };
  console.log(`\n## ${suite.title}`);
  const t = performance.now();
  try {
    const rows = await suite.run(ctx);
    printTable(rows);
    for (const n of notes) console.log(n);
    results.suites[s.name] = { title: suite.title, rows, notes, seconds: Math.round((performance.now() - t) / 100) / 10 };
  } catch (e) {
    console.log(`failed: ${e instanceof Error ? e.stack : e}`);
    results.suites[s.name] = { title: suite.title, error: String(e) };
    process.exitCode = 1;
  }
}
for (const s of skipped) console.log(`\nskipped ${s.name}: ${s.reason}`);

results.loadAverage.end = os.loadavg().map((x) => Math.round(x * 100) / 100);
fs.writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nWrote bench/results.json (load average at end: ${results.loadAverage.end.join(', ')})`);
