/**
 * Stage 4 of the layered engine, coordinates, in strip coordinates (before folding).
 *
 * Across: band k spans [k·stride, (k+1)·stride), its content inset by the margin. Each rank's run in a band is
 * first spread evenly, then pulled towards its neighbours (isotonic regression with the spacing as constraint,
 * by pool-adjacent-violators) so that routes run straighter. Crossings between neighbouring ranks depend on
 * the order alone, not on these coordinates.
 *
 * Along: each rank takes the room of its widest block, then the lanes of its brackets, then a corridor.
 */
import type { Plan } from './bands';
import { type Strip, marginOf, separation } from './strip';

/** Passes of pulling blocks towards their neighbours. */
const ALIGN_SWEEPS = 4;
/** Lanes for brackets beside a rank: the first this far from the rank's blocks, then one every LANE_STEP. */
export const LANE_START = 12;
export const LANE_STEP = 8;

/** The distance from one band's start to the next's, across. */
export const strideOf = (s: Strip, plan: Plan) => plan.height + 2 * marginOf(s.spacing);

/** The cross coordinate of every node (the top of a block, the line of a dummy), on whole pixels. */
export function crossCoordinates(s: Strip, plan: Plan): Float64Array {
  const { y, base } = spread(s, plan);
  pull(s, plan, y, base);
  // Whole pixels: sizes and spacings are whole, so rounding keeps every gap.
  for (let v = 0; v < y.length; v++) y[v] = Math.round(y[v]!);
  return y;
}

/**
 * Each run spread evenly over its band's height. `base` is a node's offset past the run's start when packed
 * tight: the least it can have.
 */
export function spread(s: Strip, plan: Plan): { y: Float64Array; base: Float64Array } {
  const stride = strideOf(s, plan);
  const margin = marginOf(s.spacing);
  const y = new Float64Array(s.rank.length);
  const base = new Float64Array(s.rank.length);
  plan.runs.forEach((perBand) =>
    perBand.forEach((run, k) => {
      let b = 0;
      run.forEach((v, i) => {
        if (i > 0) b += separation(s, run[i - 1]!, v);
        base[v] = b;
        b += s.size[v]!;
      });
      const step = (plan.height - b) / (run.length + 1);
      run.forEach((v, i) => (y[v] = k * stride + margin + base[v]! + step * (i + 1)));
    }),
  );
  return { y, base };
}

/** Sweeps down and up the ranks, moving each run as near its members' neighbours as order and spacing allow. */
export function pull(s: Strip, plan: Plan, y: Float64Array, base: Float64Array): void {
  const stride = strideOf(s, plan);
  const margin = marginOf(s.spacing);
  const ranks = s.layers.length;
  const target = new Float64Array(y.length);
  const weight = new Float64Array(y.length);
  for (let sweep = 0; sweep < ALIGN_SWEEPS; sweep++) {
    for (let i = 0; i < ranks; i++) {
      const perBand = plan.runs[sweep % 2 === 0 ? i : ranks - 1 - i]!;
      perBand.forEach((run, k) => {
        if (!run.length) return;
        for (const v of run) {
          let sum = 0;
          let w = 0;
          s.neighbours.list[v]!.forEach((u, j) => {
            sum += s.neighbours.weight[v]![j]! * (y[u]! + s.size[u]! / 2);
            w += s.neighbours.weight[v]![j]!;
          });
          // Unlinked members hold their place, lightly.
          target[v] = w > 0 ? sum / w - s.size[v]! / 2 : y[v]!;
          weight[v] = w > 0 ? w : 0.01;
        }
        const last = run[run.length - 1]!;
        const top = k * stride + margin;
        isotonic(run, (v) => target[v]! - top - base[v]!, weight, 0, plan.height - base[last]! - s.size[last]!, (v, z) => (y[v] = top + base[v]! + z));
      });
    }
  }
}

/**
 * Weighted isotonic regression by pool-adjacent-violators, clamped to [lo, hi]: the nondecreasing values z
 * (one per member of `run`) nearest to `want` in the weighted least-squares sense. With z a member's offset
 * past its tightest place, nondecreasing z is exactly "in order, at least the spacing apart"; clamping the
 * unbounded solution is the bounded one.
 */
export function isotonic(
  run: readonly number[],
  want: (v: number) => number,
  weight: ArrayLike<number>,
  lo: number,
  hi: number,
  set: (v: number, z: number) => void,
): void {
  const sumW: number[] = [];
  const sumWZ: number[] = [];
  const count: number[] = [];
  for (const v of run) {
    let w = weight[v]!;
    let wz = w * want(v);
    let c = 1;
    while (sumW.length && sumWZ[sumWZ.length - 1]! / sumW[sumW.length - 1]! >= wz / w) {
      w += sumW.pop()!;
      wz += sumWZ.pop()!;
      c += count.pop()!;
    }
    sumW.push(w);
    sumWZ.push(wz);
    count.push(c);
  }
  let i = 0;
  for (let k = 0; k < sumW.length; k++) {
    const z = Math.min(hi, Math.max(lo, sumWZ[k]! / sumW[k]!));
    for (let c = 0; c < count[k]!; c++) set(run[i++]!, z);
  }
}

/** Where each rank lies along the strip. */
export interface RankSpans {
  /** Where rank r's blocks start. */
  lo: Float64Array;
  /** Where they end. */
  hi(r: number): number;
  /** Where a route leaving rank r on the far side may start to bend: past the rank's blocks and lanes. */
  exitAt(r: number): number;
}

/** Ranks one after another: the widest block, the bracket lanes (`lanes[r]`, room along), a corridor. */
export function rankSpans(rankAlong: Float64Array, lanes: Float64Array, corridor: number): RankSpans {
  const lo = new Float64Array(rankAlong.length);
  let a = 0;
  for (let r = 0; r < rankAlong.length; r++) {
    lo[r] = a;
    a += rankAlong[r]! + lanes[r]! + corridor;
  }
  const hi = (r: number) => lo[r]! + rankAlong[r]!;
  return { lo, hi, exitAt: (r) => hi(r) + lanes[r]! };
}

/** Room along for `count` nested bracket lanes beside a rank: a LANE_START either side, LANE_STEP between. */
export const laneRoom = (count: number) => 2 * LANE_START + (count - 1) * LANE_STEP;
