/**
 * Folding a long drawing into bands, like a snake: the strip is cut across one axis into bands laid side by
 * side on the other, every other band turned half a turn, so that where one band ends the next begins beside
 * it. A route that crosses a cut runs round the ends of the two bands in a U.
 *
 * Why the U's cross nothing: at one cut, a U joins a point at place p of one band's end to the point at p of
 * the next band's end, and the turned band has its places in reverse. So the U's of a cut nest by p (the one
 * nearer the inside of the turn takes the inner lane), and the U's of different cuts lie at different ends or
 * beside different bands. Inside a band the drawing moves as a whole (shifted, or turned half a turn), so every
 * crossing the folded drawing has is one the strip had.
 *
 * Blocks are never turned: a turned band's blocks keep their content upright, and their places turn. The
 * caller lays the strip out with that in mind (a block in a turned band has its items mirrored there).
 */
import type { Point } from '../model';

/** The axis the cuts go across, as the coordinate they cut: 'y' cuts a tall strip into bands side by side. */
export type CutAxis = 'x' | 'y';

/** A point of a route in strip coordinates, with the band it lies in. */
export interface Stop {
  /** Along the cut axis, and along the other. */
  u: number;
  v: number;
  band: number;
  /** Set on the first of the two stops where a route crosses a cut: the cut, between bands cut - 1 and cut. */
  cut?: number;
}

export interface Folding {
  axis: CutAxis;
  /** Band k spans [cuts[k], cuts[k + 1]) on the cut axis. */
  cuts: number[];
  /** Where, from its band's start on the other axis, a coordinate of band k goes (nondecreasing). */
  place(v: number, band: number): number;
  /** How long band k is on the other axis, after `place`. */
  length: number[];
  /** Between bands side by side. */
  gutter: number;
  /** Lanes of the U's: the first this far past the bands' ends, then one every `step`. */
  laneStart: number;
  laneStep: number;
}

const uOf = (axis: CutAxis, p: Point) => (axis === 'y' ? p.y : p.x);
const vOf = (axis: CutAxis, p: Point) => (axis === 'y' ? p.x : p.y);
const make = (axis: CutAxis, u: number, v: number): Point => (axis === 'y' ? { x: v, y: u } : { x: u, y: v });

/** The band that holds coordinate u of the cut axis. */
export function bandAt(cuts: number[], u: number): number {
  let lo = 0;
  let hi = cuts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cuts[mid]! <= u) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A route's points with their bands, and a pair of stops wherever it crosses a cut (where the straight
 * segment meets the cut, on whole pixels).
 */
export function stopsOf(points: Point[], axis: CutAxis, cuts: number[]): Stop[] {
  const out: Stop[] = [];
  let k = bandAt(cuts, uOf(axis, points[0]!));
  out.push({ u: uOf(axis, points[0]!), v: vOf(axis, points[0]!), band: k });
  for (let i = 1; i < points.length; i++) {
    const pu = uOf(axis, points[i - 1]!);
    const pv = vOf(axis, points[i - 1]!);
    const qu = uOf(axis, points[i]!);
    const qv = vOf(axis, points[i]!);
    const kq = bandAt(cuts, qu);
    while (k !== kq) {
      const next = k < kq ? k + 1 : k - 1;
      const cut = Math.max(k, next);
      const u = cuts[cut]!;
      const v = Math.round(pv + ((u - pu) / (qu - pu)) * (qv - pv));
      out.push({ u, v, band: k, cut }, { u, v, band: next });
      k = next;
    }
    out.push({ u: qu, v: qv, band: k });
  }
  return out;
}

/** Places bands side by side and turns every other one: strip coordinates to folded ones. */
export function folder(f: Folding) {
  const bands = f.cuts.length - 1;
  const offset: number[] = [0];
  for (let k = 1; k < bands; k++) offset.push(offset[k - 1]! + f.length[k - 1]! + f.gutter);
  const point = (u: number, v: number, k: number): Point =>
    k % 2 === 0
      ? make(f.axis, u - f.cuts[k]!, offset[k]! + f.place(v, k))
      : make(f.axis, f.cuts[k + 1]! - u, offset[k]! + f.length[k]! - f.place(v, k));
  return {
    point,
    /** Top-left corner of a box of the strip (top-left p, size w×h) that lies in band k. */
    box(p: Point, w: number, h: number, k: number): Point {
      if (k % 2 === 0) return point(uOf(f.axis, p), vOf(f.axis, p), k);
      // Turned: the box's far corner lands on its top-left.
      const far = { x: p.x + w, y: p.y + h };
      return point(uOf(f.axis, far), vOf(f.axis, far), k);
    },
    /**
     * Folded routes from their stops. The U's of each cut take lanes past the bands' ends, inner ones first:
     * past the far ends for a cut after an even band, before the near ends (at negative coordinates) for a
     * cut after an odd one. Stops at one place of one cut share a lane: they are parallel links of one channel.
     */
    routes(stops: Map<string, Stop[]>): Record<string, Point[]> {
      const lanes = new Map<number, Map<number, number>>();
      for (const list of stops.values()) {
        for (const s of list) {
          if (s.cut === undefined) continue;
          let byPlace = lanes.get(s.cut);
          if (!byPlace) lanes.set(s.cut, (byPlace = new Map()));
          byPlace.set(s.v, 0);
        }
      }
      for (const [cut, byPlace] of lanes) {
        const far = cut % 2 === 1;
        const end = Math.max(f.cuts[cut]! - f.cuts[cut - 1]!, f.cuts[cut + 1]! - f.cuts[cut]!);
        const order = [...byPlace.keys()].sort((p, q) => (far ? q - p : p - q));
        order.forEach((v, lane) => byPlace.set(v, far ? end + f.laneStart + lane * f.laneStep : -(f.laneStart + lane * f.laneStep)));
      }
      const out: Record<string, Point[]> = {};
      for (const [id, list] of stops) {
        const pts: Point[] = [];
        list.forEach((s, i) => {
          const p = point(s.u, s.v, s.band);
          pts.push(p);
          if (s.cut === undefined) return;
          const depth = lanes.get(s.cut)!.get(s.v)!;
          const next = list[i + 1]!;
          pts.push(make(f.axis, depth, vOf(f.axis, p)), make(f.axis, depth, vOf(f.axis, point(next.u, next.v, next.band))));
        });
        out[id] = pts;
      }
      return out;
    },
  };
}
