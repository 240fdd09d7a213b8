/**
 * Work that waits until the page is first idle after it shows the map: loading the analysis, prefetching the views
 * and dialogs. The first time, a performance mark says when that began, so that a benchmark can tell what the
 * first view needed from what was fetched after it.
 */
export const IDLE_MARK = 'assetmap-idle';

let marked = false;

/** Runs `work` when the page is idle (within `timeout` ms); returns a function that cancels it. */
export function whenIdle(work: () => void, timeout: number): () => void {
  const run = () => {
    if (!marked) {
      marked = true;
      globalThis.performance?.mark?.(IDLE_MARK);
    }
    work();
  };
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, Math.min(timeout, 300));
  return () => clearTimeout(timer);
}
