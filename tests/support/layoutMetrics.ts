/**
 * Quality figures of a drawn layout, for the tests and the benchmarks only (the app never counts them):
 *
 * - countCrossings counts the proper crossings of routes as drawn (polylines), not of a layering, so that what
 *   the benchmarks compare is what the user sees. The segments' boxes go in the map's spatial index (BoxIndex),
 *   so that a segment is tested only against those whose boxes touch its own.
 * - findOverlaps finds overlapping node rectangles; the tests hold every layout to none.
 * - countLayerCrossings counts the weighted crossings of an order of a layered graph, pair by pair: slow, and
 *   independent of the accumulator tree the ordering uses, which is what a test of that ordering wants.
 */
import type { Point } from '../../src/model';
import type { LayeredGraph } from '../../src/layout/crossings';
import { BoxIndex } from '../../src/look/boxIndex';

/** A node's rectangle. */
export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Which route the segment belongs to; segments of one route never count against each other. */
  route: number;
}

/** Which side of the line a→b the point p is on: 1, -1, or 0 when exactly on it. */
const side = (ax: number, ay: number, bx: number, by: number, px: number, py: number) =>
  Math.sign((bx - ax) * (py - ay) - (by - ay) * (px - ax));

const sharesEnd = (a: Segment, b: Segment) =>
  (a.x1 === b.x1 && a.y1 === b.y1) ||
  (a.x1 === b.x2 && a.y1 === b.y2) ||
  (a.x2 === b.x1 && a.y2 === b.y1) ||
  (a.x2 === b.x2 && a.y2 === b.y2);

/**
 * The point where two segments cross, or undefined. Only proper crossings count: segments that merely touch
 * (a tree connector's T-junction, edges that leave one port together and part) do not, nor do parallel ones.
 */
function crossing(a: Segment, b: Segment): Point | undefined {
  if (sharesEnd(a, b)) return undefined;
  const s1 = side(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1);
  const s2 = side(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2);
  if (s1 * s2 >= 0) return undefined;
  const s3 = side(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1);
  const s4 = side(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2);
  if (s3 * s4 >= 0) return undefined;
  const dax = a.x2 - a.x1;
  const day = a.y2 - a.y1;
  const dbx = b.x2 - b.x1;
  const dby = b.y2 - b.y1;
  const den = dax * dby - day * dbx;
  const t = ((b.x1 - a.x1) * dby - (b.y1 - a.y1) * dbx) / den;
  return { x: a.x1 + t * dax, y: a.y1 + t * day };
}

/**
 * Counts the crossings between the given routes: every point where a segment of one route crosses a segment
 * of another. Two routes that cross twice count twice, as a reader's eye meets both.
 */
export function countCrossings(routes: Iterable<Point[]>): number {
  const segments: Segment[] = [];
  let route = 0;
  for (const pts of routes) {
    for (let i = 1; i < pts.length; i++) {
      const p = pts[i - 1]!;
      const q = pts[i]!;
      if (p.x === q.x && p.y === q.y) continue;
      segments.push({ x1: p.x, y1: p.y, x2: q.x, y2: q.y, route });
    }
    route++;
  }
  if (segments.length < 2) return 0;

  // Routes are mostly horizontal and vertical runs, and two parallel segments never properly cross: the index
  // holds every segment that is not horizontal, and every segment that is not vertical asks it. A horizontal and
  // a vertical segment then meet once, from the horizontal one; two slanted ones meet from both, and count once.
  const extent = (s: Segment) => ({ x0: Math.min(s.x1, s.x2), y0: Math.min(s.y1, s.y2), x1: Math.max(s.x1, s.x2), y1: Math.max(s.y1, s.y2) });
  const horizontal = (s: Segment) => s.y1 === s.y2;
  const vertical = (s: Segment) => s.x1 === s.x2;
  const asked = [...segments.keys()].filter((i) => !horizontal(segments[i]!));
  const index = new BoxIndex(asked, (i) => extent(segments[i]!));
  let count = 0;
  segments.forEach((a, i) => {
    if (vertical(a)) return;
    const slanted = !horizontal(a);
    index.visit(extent(a), (j) => {
      const b = segments[j]!;
      if (slanted && !vertical(b) && j <= i) return;
      if (a.route !== b.route && crossing(a, b)) count++;
    });
  });
  return count;
}

/**
 * The pairs of rectangles that overlap (share more than an edge). A sweep over x keeps it fast enough for
 * maps of thousands of nodes.
 */
export function findOverlaps<T extends Box>(rects: T[]): [string, string][] {
  const sorted = [...rects].sort((a, b) => a.x - b.x);
  const out: [string, string][] = [];
  const active: T[] = [];
  for (const r of sorted) {
    // Drop rectangles that end before this one starts.
    for (let i = active.length - 1; i >= 0; i--) if (active[i]!.x + active[i]!.width <= r.x) active.splice(i, 1);
    for (const o of active) {
      if (o.y < r.y + r.height && r.y < o.y + o.height && o.x < r.x + r.width && r.x < o.x + o.width) out.push([o.id, r.id]);
    }
    active.push(r);
  }
  return out;
}

/**
 * The weighted crossing count between consecutive ranks of an order (brackets not included): two edges between
 * the same two ranks cross when their ends lie in opposite orders, and count the product of their weights.
 */
export function countLayerCrossings(g: LayeredGraph, layers: number[][]): number {
  const pos = new Map<number, number>();
  for (const layer of layers) layer.forEach((v, i) => pos.set(v, i));
  const byRank = new Map<number, number[]>();
  for (let i = 0; i < g.from.length; i++) {
    const r = g.rank[g.from[i]!]!;
    let list = byRank.get(r);
    if (!list) byRank.set(r, (list = []));
    list.push(i);
  }
  let total = 0;
  for (const edges of byRank.values()) {
    for (let i = 0; i < edges.length; i++) {
      for (let j = i + 1; j < edges.length; j++) {
        const e = edges[i]!;
        const f = edges[j]!;
        const upper = pos.get(g.from[e]!)! - pos.get(g.from[f]!)!;
        const lower = pos.get(g.to[e]!)! - pos.get(g.to[f]!)!;
        if (upper * lower < 0) total += g.weight[e]! * g.weight[f]!;
      }
    }
  }
  return total;
}
