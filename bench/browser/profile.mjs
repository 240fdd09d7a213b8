/**
 * Where the time goes, from what Chromium records through the DevTools protocol (Tracing):
 *
 * - `summarizeTrace`: the page's main thread as self milliseconds per phase (scripting, style, layout, paint
 *   and compositing, GC, ...), per trace event name, and the long tasks with their make-up. That is the part a
 *   JavaScript profile cannot attribute (it shows up there as "(program)").
 * - `cpuProfilesFromTrace` + `summarizeCpuProfile`: the V8 CPU profile the trace carries (category
 *   disabled-by-default-v8.cpu_profiler; unlike Profiler.start on one page, tracing follows a navigation into a
 *   new renderer), as self and inclusive milliseconds per function and self milliseconds per package or source
 *   module, over the whole trace or one window of it (a long task).
 * - `makeResolver`: names for those functions. Profiles are taken on a build without minification
 *   (bench/browser/app.mjs); Rolldown heads each module it inlines with a `// <path>` comment line, so a
 *   frame's line says which module and package it is in, and the nearest top-level declaration above it
 *   names an anonymous function's surroundings. The build is otherwise the shipped one.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Trace categories: the timeline's events and the sampling profiler, without screenshots or paint dumps. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
  'blink',
  'cc',
  'loading',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
];

// Self time of trace events, by phase. Order matters: the first pattern that matches wins.
const PHASES = [
  ['gc', /^(V8\.GC|MinorGC|MajorGC|BlinkGC|CppGC|V8\.Heap|GCEvent|ThreadState::)/],
  ['scripting', /^(FunctionCall|EvaluateScript|v8\.|V8\.|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|FireIdleCallback|SerializedScriptValue|CustomElement|PendingScript|HTMLParserScriptRunner|ModuleScript|AsyncTask)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|Document::(recalcStyle|rebuildLayoutTree|updateStyle)|Blink\.Style|StyleEngine|Style)/],
  ['layout', /^(Layout|LocalFrameView::(performLayout|layout|UpdateStyleAndLayout)|Blink\.Layout|Blink\.ForcedStyleAndLayout|Document::UpdateStyleAndLayout|InlineNode|LayoutBlock|LayoutNG|LayoutObject|NGBlock|BlockNode|ComputeIntersections|IntersectionObserver)/],
  ['resize observers', /^(LocalFrameView::NotifyResizeObservers|ResizeObserver)/],
  ['hit testing', /(HitTest|hitTest)/],
  ['paint and compositing', /^(Paint|PrePaint|Blink\.(PrePaint|Paint|CompositingInputs|Composit|UpdateLayer)|Layerize|PaintArtifactCompositor|UpdateLayer|Commit|ProxyMain|LayerTreeHost|cc::|CompositeLayers|LocalFrameView::(RunPaint|RunPrePaint|UpdateAllLifecyclePhases|RunStyleAndLayoutLifecyclePhases|ScheduleAnimation)|WebFrameWidgetImpl|PaintImage|Decode|ImageDecode|Raster|DisplayItem|PaintController|GraphicsLayer)/],
  ['loading', /^(ParseHTML|Resource|HTMLDocumentParser|Loader|Navigation)/],
];
const phaseOf = (name) => PHASES.find(([, re]) => re.test(name))?.[0] ?? 'other';
const isTask = (name) => name === 'ThreadControllerImpl::RunTask' || name === 'RunTask';

/** The main threads of renderers in a trace, as lists of { name, ts, end } intervals (microseconds). */
function mainThreads(events) {
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const perThread = new Map();
  const open = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    let list = perThread.get(key);
    if (!list) perThread.set(key, (list = []));
    if (e.ph === 'X' && typeof e.dur === 'number') list.push({ name: e.name, ts: e.ts, end: e.ts + e.dur });
    else if (e.ph === 'B') {
      const stack = open.get(key) ?? [];
      stack.push(e);
      open.set(key, stack);
    } else if (e.ph === 'E') {
      const b = open.get(key)?.pop();
      if (b) list.push({ name: b.name, ts: b.ts, end: e.ts });
    }
  }
  return [...perThread.entries()].map(([key, list]) => ({ key, pid: Number(key.split(':')[0]), list }));
}

/**
 * trace: the JSON Chromium writes ({ traceEvents } or an array). Looks at the busiest renderer main thread
 * between `fromUs` and `toUs` (trace microseconds; default: all). Returns { pid, t0, busyMs, phases,
 * byName: [{ name, ms }], longTasks: [{ atMs, ms, fromUs, toUs, parts }] } with atMs relative to `fromUs`
 * (or the first event).
 */
export function summarizeTrace(trace, { fromUs = -Infinity, toUs = Infinity, top = 20, longTaskMs = 50 } = {}) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  let best = null;
  let bestBusy = -1;
  for (const t of mainThreads(events)) {
    const busy = t.list.filter((x) => isTask(x.name)).reduce((s, x) => s + Math.max(0, Math.min(x.end, toUs) - Math.max(x.ts, fromUs)), 0);
    if (busy > bestBusy) {
      bestBusy = busy;
      best = t;
    }
  }
  if (!best) return { pid: null, t0: 0, busyMs: 0, phases: {}, byName: [], longTasks: [] };
  const list = best.list.filter((x) => x.end > fromUs && x.ts < toUs).sort((a, b) => a.ts - b.ts || b.end - a.end);
  // Self time: each interval minus its children (intervals nest on one thread).
  const selfByName = new Map();
  const stack = [];
  const tasks = [];
  const close = (node) => {
    const own = Math.max(0, node.end - node.ts - node.childUs);
    selfByName.set(node.name, (selfByName.get(node.name) ?? 0) + own);
    if (node.task && !isTask(node.name)) node.task.parts.set(phaseOf(node.name), (node.task.parts.get(phaseOf(node.name)) ?? 0) + own);
  };
  for (const x of list) {
    while (stack.length && stack[stack.length - 1].end <= x.ts) close(stack.pop());
    const parent = stack[stack.length - 1];
    const node = { ...x, childUs: 0, task: parent?.task };
    if (parent) parent.childUs += Math.min(x.end, parent.end) - x.ts;
    else if (isTask(x.name)) {
      node.task = { ts: x.ts, end: x.end, parts: new Map() };
      tasks.push(node.task);
    }
    stack.push(node);
  }
  while (stack.length) close(stack.pop());
  const phases = {};
  for (const [name, us] of selfByName) {
    if (isTask(name)) continue;
    const p = phaseOf(name);
    phases[p] = (phases[p] ?? 0) + us / 1000;
  }
  for (const k of Object.keys(phases)) phases[k] = Math.round(phases[k]);
  const t0 = Number.isFinite(fromUs) ? fromUs : (list[0]?.ts ?? 0);
  return {
    pid: best.pid,
    t0,
    busyMs: Math.round(tasks.reduce((s, t) => s + Math.min(t.end, toUs) - Math.max(t.ts, fromUs), 0) / 1000),
    phases,
    byName: [...selfByName]
      .filter(([n]) => !isTask(n))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000) })),
    longTasks: tasks
      .filter((t) => (t.end - t.ts) / 1000 >= longTaskMs)
      .map((t) => ({
        atMs: Math.round((t.ts - t0) / 1000),
        ms: Math.round((t.end - t.ts) / 1000),
        fromUs: t.ts,
        toUs: t.end,
        parts: Object.fromEntries(
          [...t.parts]
            .filter(([, us]) => us >= 1000)
            .sort((a, b) => b[1] - a[1])
            .map(([k, us]) => [k, Math.round(us / 1000)]),
        ),
      })),
  };
}

/** Self milliseconds of raster work on the renderer's worker threads (software raster, as with --disable-gpu). */
export function rasterMs(trace, pid, { fromUs = -Infinity, toUs = Infinity } = {}) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  let us = 0;
  for (const e of events)
    if (e.pid === pid && e.ph === 'X' && e.name === 'RasterTask' && e.ts < toUs && e.ts + e.dur > fromUs) us += Math.min(e.ts + e.dur, toUs) - Math.max(e.ts, fromUs);
  return Math.round(us / 1000);
}

/**
 * The CPU profiles a trace carries (Profile and ProfileChunk events), rebuilt in Profiler.Profile shape, one
 * per profiled thread, the busiest first; each with `pid`.
 */
export function cpuProfilesFromTrace(trace) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile' && e.args?.data) {
      profiles.set(`${e.pid}:${e.id}`, { pid: e.pid, startTime: e.args.data.startTime, nodes: new Map(), samples: [], timeDeltas: [] });
    } else if (e.name === 'ProfileChunk') {
      const p = profiles.get(`${e.pid}:${e.id}`);
      const data = e.args?.data;
      if (!p || !data) continue;
      for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, { id: n.id, callFrame: n.callFrame, parent: n.parent, children: [] });
      for (const s of data.cpuProfile?.samples ?? []) p.samples.push(s);
      for (const d of data.timeDeltas ?? []) p.timeDeltas.push(d);
    }
  }
  const out = [];
  for (const p of profiles.values()) {
    if (!p.samples.length) continue;
    for (const n of p.nodes.values()) if (n.parent !== undefined) p.nodes.get(n.parent)?.children.push(n.id);
    const names = new Map([...p.nodes.values()].map((n) => [n.id, n.callFrame.functionName]));
    const busy = p.samples.filter((id) => !/^\((idle|program|root)\)$/.test(names.get(id) ?? '')).length;
    const endTime = p.startTime + p.timeDeltas.reduce((s, d) => s + d, 0);
    out.push({ pid: p.pid, startTime: p.startTime, endTime, busy, nodes: [...p.nodes.values()], samples: p.samples, timeDeltas: p.timeDeltas });
  }
  return out.sort((a, b) => b.busy - a.busy);
}

/** Names for profile frames of a build without minification in appDir (see the header). */
export function makeResolver(appDir) {
  const files = new Map();
  const load = (base) => {
    if (files.has(base)) return files.get(base);
    let info = null;
    const file = path.join(appDir, 'assets', base);
    if (fs.existsSync(file)) {
      const modules = [];
      const decls = [];
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = /^\/\/ ((?:node_modules|src|bench)\/\S+)$/.exec(line);
          if (m) modules.push([i, m[1]]);
          const d = /^(?:export )?(?:async )?(?:function\*? (\w+)|(?:const|let|var|class) (\w+))/.exec(line);
          if (d) decls.push([i, d[1] ?? d[2]]);
        });
      info = { modules, decls };
    }
    files.set(base, info);
    return info;
  };
  // The last entry at or before `line` of a list sorted by line.
  const before = (list, line) => {
    let lo = 0;
    let hi = list.length - 1;
    let found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid][0] <= line) {
        found = list[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  return (frame) => {
    const name = frame.functionName || '(anonymous)';
    if (!frame.url) return { label: name, owner: name.startsWith('(') ? name : 'browser' };
    const base = frame.url.split('/').pop();
    const info = load(base);
    const module = (info && before(info.modules, frame.lineNumber)) || base.replace(/-[\w-]{8}\.js$/, '.js');
    const owner = ownerOfModule(module);
    const where = module.startsWith('src/') || module.startsWith('bench/') ? module : owner;
    const around = !frame.functionName && info ? before(info.decls, frame.lineNumber) : null;
    return { label: `${name}${around ? ` in ${around}` : ''} (${where})`, owner };
  };
}

function ownerOfModule(module) {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (m) return m[1];
  return module;
}

// React's reconciler and scheduler: every render passes through them, so inclusive lists leave them out.
const REACT_INTERNALS = new Set(['react-dom', 'scheduler', 'react']);

/**
 * profile: from cpuProfilesFromTrace. resolve: makeResolver(appDir). Only samples within [fromUs, toUs].
 * Returns { ms, self: [{ fn, ms }], inclusive: [{ fn, ms }], byOwner: [{ owner, ms }] }.
 */
export function summarizeCpuProfile(profile, { resolve, top = 25, fromUs = -Infinity, toUs = Infinity } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children) parent.set(c, n.id);
  const described = new Map();
  const describe = (n) => {
    let d = described.get(n.id);
    if (!d) {
      d = resolve ? resolve(n.callFrame) : { label: n.callFrame.functionName || '(anonymous)', owner: n.callFrame.url || n.callFrame.functionName };
      described.set(n.id, d);
    }
    return d;
  };
  // A sample stands for the time until the next one.
  const weight = new Map();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromUs || at > toUs) continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    weight.set(profile.samples[i], (weight.get(profile.samples[i]) ?? 0) + ms);
  }
  const self = new Map();
  const inclusive = new Map();
  const byOwner = new Map();
  let total = 0;
  for (const [id, ms] of weight) {
    let n = byId.get(id);
    const d = describe(n);
    if (d.label === '(idle)') continue;
    total += ms;
    byOwner.set(d.owner, (byOwner.get(d.owner) ?? 0) + ms);
    self.set(d.label, (self.get(d.label) ?? 0) + ms);
    const seen = new Set();
    while (n) {
      const e = describe(n);
      if (!seen.has(e.label) && !REACT_INTERNALS.has(e.owner) && e.label !== '(root)') {
        seen.add(e.label);
        inclusive.set(e.label, (inclusive.get(e.label) ?? 0) + ms);
      }
      n = byId.get(parent.get(n.id));
    }
  }
  const sorted = (m, key) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => ({ [key]: k, ms: Math.round(ms) }));
  return { ms: Math.round(total), self: sorted(self, 'fn'), inclusive: sorted(inclusive, 'fn'), byOwner: sorted(byOwner, 'owner') };
}

/** A trace's story for the console: phases, then each long task with the functions that took its time. */
export function describeTrace(title, trace, { resolve, fromUs, toUs, tasks = 8, fns = 6 } = {}) {
  const s = summarizeTrace(trace, { fromUs, toUs });
  const profile = cpuProfilesFromTrace(trace).find((p) => p.pid === s.pid);
  const phaseText = Object.entries(s.phases)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lines = [`${title}: main thread busy ${s.busyMs} ms (${phaseText}); raster on worker threads ${rasterMs(trace, s.pid, { fromUs, toUs })} ms`];
  const fnList = (list) => list.map((r) => `${r.fn} ${r.ms}`).join('; ');
  if (profile) {
    const all = summarizeCpuProfile(profile, { resolve, fromUs, toUs, top: 12 });
    lines.push(`  JavaScript ${all.ms} ms by package/module (self): ${all.byOwner.map((r) => `${r.owner} ${r.ms}`).join('; ')}`);
    lines.push(`  under (inclusive, React's own machinery left out): ${fnList(all.inclusive)}`);
    lines.push(`  self: ${fnList(all.self)}`);
  }
  const long = [...s.longTasks].sort((a, b) => b.ms - a.ms).slice(0, tasks).sort((a, b) => a.atMs - b.atMs);
  for (const t of long) {
    const parts = Object.entries(t.parts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(`  task at ${t.atMs} ms, ${t.ms} ms: ${parts}`);
    if (profile) {
      const p = summarizeCpuProfile(profile, { resolve, fromUs: t.fromUs, toUs: t.toUs, top: fns });
      if (p.ms > 0) {
        lines.push(`    under: ${fnList(p.inclusive)}`);
        lines.push(`    self: ${fnList(p.self)}`);
      }
    }
  }
  return { text: lines.join('\n'), summary: s };
}

/** Trace time (µs) of the last performance mark `name` (blink.user_timing), or undefined. */
export function markTs(trace, name) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  let ts;
  for (const e of events) if (e.name === name && typeof e.cat === 'string' && e.cat.includes('user_timing')) ts = e.ts;
  return ts;
}
