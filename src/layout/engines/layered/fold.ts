/**
 * Stage 6 of the layered engine, fold: the strip cut into bands laid side by side, every other one turned half
 * a turn, like a snake (../../fold.ts does the cutting and the U's round the ends).
 *
 * Two ways: across (cuts between the bands of a plan, for a strip of few fat ranks) or along (cuts in the
 * corridors between segments of ranks, for a strip of many thin ranks, as a map whose links join near
 * neighbours makes).
 */
import type { Point } from '../../../model';
import { type CutAxis, type Stop, bandAt, folder, stopsOf } from '../../fold';
import type { RankSpans } from './coordinates';
import { type Strip, U_START, U_STEP, corridorOf, gutterOf } from './strip';

/** A strip cut for folding: every route's stops, and the folder that places boxes and routes in bands. */
export interface Folded {
  stops: Map<string, Stop[]>;
  folder: ReturnType<typeof folder>;
}

/** The first rank of each of `segments` segments, so that they come out about equally long. */
export function segmentStarts(rankAlong: Float64Array, corridor: number, segments: number): number[] {
  const starts = [0];
  if (segments <= 1) return starts;
  const ranks = rankAlong.length;
  let whole = 0;
  for (let r = 0; r < ranks; r++) whole += rankAlong[r]! + corridor;
  let a = 0;
  for (let r = 0; r < ranks && starts.length < segments; r++) {
    if (a >= (whole * starts.length) / segments && r > starts[starts.length - 1]!) starts.push(r);
    a += rankAlong[r]! + corridor;
  }
  return starts;
}

/** The segment of every rank, given each segment's first rank. */
export function segmentOfRanks(firstRank: readonly number[], ranks: number): Int32Array {
  const segmentOf = new Int32Array(ranks);
  for (let s = 0, r = 0; r < ranks; r++) {
    while (s + 1 < firstRank.length && firstRank[s + 1]! <= r) s++;
    segmentOf[r] = s;
  }
  return segmentOf;
}

const stopsByRoute = (strip: Record<string, Point[]>, axis: CutAxis, cuts: number[]) => {
  const stops = new Map<string, Stop[]>();
  for (const [id, pts] of Object.entries(strip)) stops.set(id, stopsOf(pts, axis, cuts));
  return stops;
};

/** The rank whose span along starts at or before `a` (the last such). */
function rankAt(lo: Float64Array, a: number): number {
  let l = 0;
  let h = lo.length - 1;
  while (l < h) {
    const m = (l + h + 1) >> 1;
    if (lo[m]! <= a) l = m;
    else h = m - 1;
  }
  return l;
}

/**
 * Folds across (cuts between bands of the cross axis). Along, band by band: a rank's blocks take only the
 * room the widest of them in the band needs; its lanes and the corridor after it take theirs only where a
 * route has a point in them (a route that merely passes runs straight, and shorter). Two ranks with content
 * keep a corridor between them.
 */
export function foldAcross(s: Strip, bands: number, stride: number, bandOf: Int32Array, spans: RankSpans, strip: Record<string, Point[]>): Folded {
  const axis: CutAxis = s.lr ? 'y' : 'x';
  const cuts = Array.from({ length: bands + 1 }, (_, k) => k * stride);
  const stops = stopsByRoute(strip, axis, cuts);
  const { widthIn, lanesIn, corridorIn } = roomInBands(s, bands, bandOf, spans, stops);
  const ranks = s.layers.length;
  const startIn = Array.from({ length: bands }, () => new Float64Array(ranks));
  const length: number[] = [];
  for (let k = 0; k < bands; k++) {
    let a = 0;
    for (let r = 0; r < ranks; r++) {
      startIn[k]![r] = a;
      a += widthIn[k]![r]! + lanesIn[k]![r]! + corridorIn[k]![r]!;
    }
    length.push(a);
  }
  const { lo, hi, exitAt } = spans;
  const place = (a: number, k: number) => {
    const r = rankAt(lo, a);
    const start = startIn[k]![r]!;
    const w = widthIn[k]![r]!;
    if (a - lo[r]! <= w) return start + a - lo[r]!;
    if (a <= hi(r)) return start + w;
    const l = lanesIn[k]![r]!;
    if (a <= exitAt(r)) return start + w + (l > 0 ? a - hi(r) : 0);
    return start + w + l + (corridorIn[k]![r]! > 0 ? a - exitAt(r) : 0);
  };
  return { stops, folder: folder({ axis, cuts, place, length, gutter: gutterOf(s.spacing), laneStart: U_START, laneStep: U_STEP }) };
}

/** Room along that each rank takes in each band: its blocks there, and its lanes and corridor where used. */
function roomInBands(s: Strip, bands: number, bandOf: Int32Array, spans: RankSpans, stops: Map<string, Stop[]>) {
  const ranks = s.layers.length;
  const corridor = corridorOf(s.spacing);
  const { lo, hi, exitAt } = spans;
  const widthIn = Array.from({ length: bands }, () => new Float64Array(ranks));
  const lanesUsed = Array.from({ length: bands }, () => new Uint8Array(ranks));
  const corridorUsed = Array.from({ length: bands }, () => new Uint8Array(ranks));
  for (let v = 0; v < s.blocks; v++) {
    const w = widthIn[bandOf[v]!]!;
    w[s.rank[v]!] = Math.max(w[s.rank[v]!]!, s.alongSize[v]!);
  }
  for (const list of stops.values()) {
    for (const stop of list) {
      const r = rankAt(lo, stop.v);
      if (stop.v > hi(r) && stop.v < exitAt(r)) lanesUsed[stop.band]![r] = 1;
      if (stop.v >= exitAt(r)) corridorUsed[stop.band]![r] = 1;
      // The point where a route enters a rank closes the corridor before it.
      if (stop.v === lo[r] && r > 0) corridorUsed[stop.band]![r - 1] = 1;
    }
  }
  const lanesIn = Array.from({ length: bands }, () => new Float64Array(ranks));
  const corridorIn = Array.from({ length: bands }, () => new Float64Array(ranks));
  for (let k = 0; k < bands; k++) {
    for (let r = 0; r < ranks; r++) {
      lanesIn[k]![r] = lanesUsed[k]![r] ? exitAt(r) - hi(r) : 0;
      corridorIn[k]![r] = corridorUsed[k]![r] && r + 1 < ranks ? corridor : 0;
    }
    let open = false;
    for (let r = 0; r < ranks; r++) {
      const content = widthIn[k]![r]! > 0 || lanesIn[k]![r]! > 0;
      if (content && open && r > 0) corridorIn[k]![r - 1] = corridor;
      if (content) open = true;
      if (corridorIn[k]![r]! > 0) open = false;
    }
  }
  return { widthIn, lanesIn, corridorIn };
}

/**
 * Folds along (cuts in the corridors between segments of ranks). Across, each segment takes the room its
 * content spans.
 */
export function foldAlong(
  s: Strip,
  segments: number,
  firstRank: readonly number[],
  y: Float64Array,
  spans: RankSpans,
  strip: Record<string, Point[]>,
): Folded {
  const ranks = s.layers.length;
  const axis: CutAxis = s.lr ? 'x' : 'y';
  const { lo, exitAt } = spans;
  // Each cut in the middle of the corridor before a segment's first rank.
  const cuts = [0, ...firstRank.slice(1).map((r) => (exitAt(r - 1) + lo[r]!) / 2), exitAt(ranks - 1)];
  const stops = stopsByRoute(strip, axis, cuts);
  const low = new Array<number>(segments).fill(Infinity);
  const high = new Array<number>(segments).fill(-Infinity);
  for (let v = 0; v < s.blocks; v++) {
    const k = bandAt(cuts, lo[s.rank[v]!]!);
    low[k] = Math.min(low[k]!, y[v]!);
    high[k] = Math.max(high[k]!, y[v]! + s.size[v]!);
  }
  for (const list of stops.values()) {
    for (const stop of list) {
      low[stop.band] = Math.min(low[stop.band]!, stop.v);
      high[stop.band] = Math.max(high[stop.band]!, stop.v);
    }
  }
  const length = low.map((l, k) => Math.max(0, high[k]! - l));
  const place = (c: number, k: number) => c - low[k]!;
  return { stops, folder: folder({ axis, cuts, place, length, gutter: gutterOf(s.spacing), laneStart: U_START, laneStep: U_STEP }) };
}
