/**
 * Stage 3 of the layered engine, bands: how the members of each rank are shared among a number of bands
 * across, before the strip is folded there (fold.ts). A rank takes as few bands as hold it, and within a band
 * only the room its members there need: a thin rank costs room in one band, not in all. The plan also
 * estimates the folded drawing's size, to choose the number of bands before any coordinates exist.
 */
import { type Strip, U_START, U_STEP, corridorOf, gutterOf, marginOf, runExtent, separation } from './strip';

/** How a rank's members are shared among bands, for one number of bands. */
export interface Plan {
  bands: number;
  /** Room across for a band's content. */
  height: number;
  /** runs[rank][band]: the members of the rank in that band, in order. */
  runs: number[][][];
  /** The band of every node. */
  bandOf: Int32Array;
  /** Estimated size of the folded drawing, along and across. */
  along: number;
  across: number;
}

/** Greedy runs of at most `height` each, at most `count` of them (the last takes the rest). */
export function greedyRuns(s: Strip, layer: readonly number[], count: number, height: number): number[][] {
  const out: number[][] = Array.from({ length: count }, () => []);
  let k = 0;
  let run = -1;
  layer.forEach((v, i) => {
    const grown = run < 0 ? s.size[v]! : run + separation(s, layer[i - 1]!, v) + s.size[v]!;
    if (grown <= height || run < 0) run = grown;
    else {
      k++;
      run = s.size[v]!;
    }
    out[Math.min(k, count - 1)]!.push(v);
  });
  return out;
}

/** Runs in proportion to where members sit in the rank, too-long ones passing members on; else greedy. */
export function proportionalRuns(s: Strip, layer: readonly number[], count: number, height: number): number[][] {
  const out: number[][] = Array.from({ length: count }, () => []);
  const whole = Math.max(runExtent(s, layer), 1);
  let at = 0;
  layer.forEach((v, i) => {
    if (i > 0) at += separation(s, layer[i - 1]!, v);
    out[Math.min(count - 1, Math.floor(((at + s.size[v]! / 2) / whole) * count))]!.push(v);
    at += s.size[v]!;
  });
  const tooLong = (k: number) => out[k]!.length > 1 && runExtent(s, out[k]!) > height;
  for (let k = 0; k + 1 < count; k++) while (tooLong(k)) out[k + 1]!.unshift(out[k]!.pop()!);
  for (let k = count - 1; k > 0; k--) while (tooLong(k)) out[k - 1]!.push(out[k]!.shift()!);
  return out.some((run) => runExtent(s, run) > height) ? greedyRuns(s, layer, count, height) : out;
}

/** What every plan of one strip starts from: its ranks by room across, fattest first, and the bounds on a band. */
export interface PlanBasis {
  /** The longest rank across, and the biggest node. */
  longest: number;
  biggest: number;
  /** Ranks, fattest first (ties by rank). */
  byExtent: number[];
}

export function planBasis(s: Strip): PlanBasis {
  let longest = 0;
  let biggest = 0;
  for (const layer of s.layers) {
    longest = Math.max(longest, runExtent(s, layer));
    for (const v of layer) biggest = Math.max(biggest, s.size[v]!);
  }
  const byExtent = s.layers.map((_, r) => r).sort((a, b) => runExtent(s, s.layers[b]!) - runExtent(s, s.layers[a]!) || a - b);
  return { longest, biggest, byExtent };
}

/** The least whole height across that holds every rank in `bands` runs. */
export function bandHeight(s: Strip, basis: PlanBasis, bands: number): number {
  const fits = (h: number) => s.layers.every((layer) => runExtent(s, greedyRuns(s, layer, bands, h).at(-1)!) <= h);
  let lo = Math.max(basis.biggest, basis.longest / bands);
  let hi = basis.longest;
  if (!fits(lo)) {
    for (let it = 0; it < 30 && hi - lo > 1; it++) {
      const mid = (lo + hi) / 2;
      if (fits(mid)) hi = mid;
      else lo = mid;
    }
    lo = hi;
  }
  return Math.ceil(lo);
}

export function planBands(s: Strip, basis: PlanBasis, bands: number): Plan {
  const height = bandHeight(s, basis, bands);
  // Each rank into as few bands as hold it, side by side, fat ranks first; a thinner one takes the bands
  // nearest its members' placed neighbours (or their place in the rank).
  const bandOf = new Int32Array(s.rank.length).fill(-1);
  const runs: number[][][] = s.layers.map(() => Array.from({ length: bands }, () => []));
  for (const r of basis.byExtent) {
    const layer = s.layers[r]!;
    if (!layer.length) continue;
    const need = greedyRuns(s, layer, bands, height).filter((run) => run.length).length;
    const first = need < bands ? firstBand(s, layer, bandOf, bands, need) : 0;
    proportionalRuns(s, layer, need, height).forEach((run, k) => {
      runs[r]![first + k] = run;
      for (const v of run) bandOf[v] = first + k;
    });
  }
  const { along, across } = foldedSize(s, runs, bandOf, bands, height);
  return { bands, height, runs, bandOf, along, across };
}

/**
 * The first of the `need` neighbouring bands a rank takes: the one that puts its members nearest where they
 * want to be (the mean band of their placed neighbours, or their place in the rank), by total distance.
 */
function firstBand(s: Strip, layer: readonly number[], bandOf: Int32Array, bands: number, need: number): number {
  const whole = Math.max(runExtent(s, layer), 1);
  let at = 0;
  const want = layer.map((v, i) => {
    if (i > 0) at += separation(s, layer[i - 1]!, v);
    const mid = at + s.size[v]! / 2;
    at += s.size[v]!;
    let sum = 0;
    let w = 0;
    s.neighbours.list[v]!.forEach((u, j) => {
      if (bandOf[u]! < 0) return;
      sum += s.neighbours.weight[v]![j]! * bandOf[u]!;
      w += s.neighbours.weight[v]![j]!;
    });
    return w > 0 ? sum / w : (mid / whole) * bands - 0.5;
  });
  let first = 0;
  let best = Infinity;
  for (let start = 0; start + need <= bands; start++) {
    let cost = 0;
    for (const x of want) cost += x < start ? start - x : x > start + need - 1 ? x - (start + need - 1) : 0;
    if (cost < best) {
      best = cost;
      first = start;
    }
  }
  return first;
}

/** The size a plan would fold to: each band as long as the ranks it holds, and the U's past its ends. */
function foldedSize(s: Strip, runs: number[][][], bandOf: Int32Array, bands: number, height: number): { along: number; across: number } {
  const ranks = s.layers.length;
  const corridor = corridorOf(s.spacing);
  let along = (bands - 1) * gutterOf(s.spacing);
  for (let k = 0; k < bands; k++) {
    for (let r = 0; r < ranks; r++) {
      let wide = 0;
      for (const v of runs[r]![k]!) if (v < s.blocks) wide = Math.max(wide, s.alongSize[v]!);
      along += wide + (runs[r]![k]!.length && r + 1 < ranks ? corridor : 0);
    }
  }
  const crossing = new Float64Array(bands + 1);
  for (let i = 0; i < s.from.length; i++) {
    const [a, b] = [bandOf[s.from[i]!]!, bandOf[s.to[i]!]!].sort((x, y) => x - y);
    for (let c = a! + 1; c <= b!; c++) crossing[c]!++;
  }
  let top = 0;
  let bottom = 0;
  crossing.forEach((count, c) => {
    if (!count) return;
    const depth = U_START + count * U_STEP;
    if (c % 2 === 1) bottom = Math.max(bottom, depth);
    else top = Math.max(top, depth);
  });
  return { along, across: height + 2 * marginOf(s.spacing) + top + bottom };
}
