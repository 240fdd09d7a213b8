/**
 * What a benchmark suite is, and what the runner (bench/run.mjs) gives it. A suite is a module under
 * bench/suites whose default export is a BenchSuite; the runner bundles it, runs it, prints its rows as a
 * table and writes them to bench/results.json. Register a new suite in bench/registry.mjs.
 */

export interface Timing {
  /** Wall-clock milliseconds: median, fastest and slowest of the measured runs. */
  median: number;
  min: number;
  max: number;
  /** CPU milliseconds of this process, median: less disturbed than wall time by other work on the machine. */
  cpuMedian: number;
  runs: number[];
}

export interface MeasureOptions {
  /** Measured runs (default: the runner's --runs, 5). */
  runs?: number;
  /** Unmeasured runs first, for the JIT (default 1). */
  warmup?: number;
}

export type CappedResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'timeout' | 'error'; ms: number; error?: string };

export interface BenchOptions {
  /** Skip the slow baselines (bare dagre above 500 assets). */
  quick: boolean;
  runs: number;
  /** Map sizes to run, when given on the command line (--sizes=100,500). */
  sizes?: number[];
  /** Time cap for baseline runs that could take many minutes (bare dagre at 2,000 assets). */
  capMs: number;
  /** Run every baseline to the end, however long. */
  full: boolean;
}

export interface BenchContext {
  options: BenchOptions;
  measure(fn: () => unknown, options?: MeasureOptions): Timing;
  /**
   * Runs `exportName(...args)` of this suite's module in a worker thread, ended after capMs: for baselines
   * that may not finish in reasonable time. The function must return plain data.
   */
  capped<T>(exportName: string, args: unknown[], capMs: number): Promise<CappedResult<T>>;
  /** A line printed under the suite's table and kept in results.json. */
  note(text: string): void;
  log(text: string): void;
}

/** One table row: column name -> value (null prints as "-"). */
export type BenchRow = Record<string, string | number | null>;

export interface BenchSuite {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchRow[]> | BenchRow[];
}

/** Milliseconds with sensible precision, for tables. */
export const ms = (x: number) => (x < 10 ? Math.round(x * 10) / 10 : Math.round(x));
