/**
 * Quality figures of a drawn layout, for the tests and the benchmarks only (the app never counts them):
 *
 * - countCrossings counts the proper crossings of routes as drawn (polylines), not of a layering, so that what
 *   the benchmarks compare is what the user sees. A uniform grid keeps it near-linear: each segment is entered
 *   in the cells it passes through, pairs are tested per cell, and a crossing is counted only in the cell that
 *   holds its point, so a pair that shares several cells is never counted twice.
 * - findOverlaps finds overlapping node rectangles; the tests hold every layout to none.
 * - countLayerCrossings counts the weighted crossings of an order of a layered graph, pair by pair: slow, and
 *   independent of the accumulator tree the ordering uses, which is what a test of that ordering wants.
 */
import type { Point } from '../../src/model';
import type { LayeredGraph } from '../../src/layout/crossings';

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
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let route = 0;
  for (const pts of routes) {
    for (let i = 1; i < pts.length; i++) {
      const p = pts[i - 1]!;
      const q = pts[i]!;
      if (p.x === q.x && p.y === q.y) continue;
      segments.push({ x1: p.x, y1: p.y, x2: q.x, y2: q.y, route });
      minX = Math.min(minX, p.x, q.x);
      minY = Math.min(minY, p.y, q.y);
      maxX = Math.max(maxX, p.x, q.x);
      maxY = Math.max(maxY, p.y, q.y);
    }
    route++;
  }
  if (segments.length < 2) return 0;

  // About two segments per cell on average; long segments enter every cell they pass through.
  const spanX = Math.max(maxX - minX, 1);
  const spanY = Math.max(maxY - minY, 1);
  const cell = Math.max(Math.sqrt((spanX * spanY) / segments.length) * 1.5, 8);
  const cols = Math.floor(spanX / cell) + 1;
  const rows = Math.floor(spanY / cell) + 1;
  const cells = new Map<number, number[]>();
  const enter = (col: number, row: number, s: number) => {
    const key = row * cols + col;
    const list = cells.get(key);
    if (list) list.push(s);
    else cells.set(key, [s]);
  };
  const colOf = (x: number) => Math.min(cols - 1, Math.floor((x - minX) / cell));
  const rowOf = (y: number) => Math.min(rows - 1, Math.floor((y - minY) / cell));

  segments.forEach((s, i) => {
    const c0 = colOf(Math.min(s.x1, s.x2));
    const c1 = colOf(Math.max(s.x1, s.x2));
    for (let c = c0; c <= c1; c++) {
      // The part of the segment inside this column, and the rows it spans there.
      let ya: number;
      let yb: number;
      if (s.x1 === s.x2) {
        ya = s.y1;
        yb = s.y2;
      } else {
        const left = Math.max(minX + c * cell, Math.min(s.x1, s.x2));
        const right = Math.min(minX + (c + 1) * cell, Math.max(s.x1, s.x2));
        const slope = (s.y2 - s.y1) / (s.x2 - s.x1);
        ya = s.y1 + (left - s.x1) * slope;
        yb = s.y1 + (right - s.x1) * slope;
      }
      const r0 = rowOf(Math.min(ya, yb));
      const r1 = rowOf(Math.max(ya, yb));
      for (let r = r0; r <= r1; r++) enter(c, r, i);
    }
  });

  let count = 0;
  for (const [key, list] of cells) {
    if (list.length < 2) continue;
    const col = key % cols;
    const row = (key - col) / cols;
    for (let i = 0; i < list.length; i++) {
      const a = segments[list[i]!]!;
      for (let j = i + 1; j < list.length; j++) {
        const b = segments[list[j]!]!;
        if (a.route === b.route) continue;
        const p = crossing(a, b);
        // Counted only in the cell that owns the point, so pairs sharing several cells count once.
        if (p && colOf(p.x) === col && rowOf(p.y) === row) count++;
      }
    }
  }
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
