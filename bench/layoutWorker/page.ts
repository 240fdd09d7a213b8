/**
 * The page of the layout-worker benchmark: lays out a generated map through runLayout (in the worker) or
 * layoutMap (on the main thread, the baseline) while watching the main thread: the long tasks the browser
 * reports (50 ms and over), and the longest gap between the ticks of a message loop, which is the longest
 * task of any length. The loop keeps a core busy, so layout times are taken from runs without it (tick false).
 */
import { runLayout } from '../../src/layout/runLayout';
import { layoutMap } from '../../src/layout/layoutMap';
import { generateMap } from '../../tests/support/generateMap';

export interface Sample {
  /** From the call to the result, in ms. */
  ms: number;
  /** The longest task on the main thread meanwhile, from the message loop's longest gap. */
  longestTaskMs: number;
  /** Tasks of 50 ms or more, as the browser's Long Tasks API reports them. */
  longTasks: number[];
  positions: number;
}

async function watch(work: () => Promise<{ positions: Record<string, unknown> }>, tick: boolean): Promise<Sample> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(Math.round(e.duration));
  });
  observer.observe({ type: 'longtask' });
  let running = tick;
  let last = performance.now();
  let longest = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) channel.port2.postMessage(0);
  };
  if (tick) channel.port2.postMessage(0);
  await new Promise((r) => setTimeout(r, 20));
  const t = performance.now();
  const result = await work();
  const ms = performance.now() - t;
  // Let the loop tick once more after the result arrives, so that the task that delivered it is counted.
  await new Promise((r) => setTimeout(r, 30));
  running = false;
  for (const e of observer.takeRecords()) longTasks.push(Math.round(e.duration));
  observer.disconnect();
  return { ms, longestTaskMs: longest, longTasks, positions: Object.keys(result.positions).length };
}

declare global {
  interface Window {
    benchLayout(assets: number, mode: 'worker' | 'main', tick: boolean): Promise<Sample>;
  }
}

window.benchLayout = (assets, mode, tick) => {
  const doc = generateMap(assets, 1);
  return watch(async () => (mode === 'worker' ? runLayout(doc, doc.layout) : layoutMap(doc, doc.layout)), tick);
};
