/**
 * Edge crossings: counting them in a drawn layout, and reducing them while laying out.
 *
 * - countCrossings counts the proper crossings of routes as drawn (polylines), not of dagre's internal
 *   layering, so that what the benchmarks compare is what the user sees. The segments' boxes go in the map's
 *   spatial index (BoxIndex), so that a segment is tested only against those whose boxes touch its own.
 * - findOverlaps finds overlapping node rectangles; the tests hold every layout to none.
 * - orderLayers orders nodes within ranks to reduce crossings; layoutMap plugs it into dagre.
 *
 * Pure: no DOM, no dagre; runs in the layout worker as well as in the benchmarks.
 */
import { seededRandom } from '../model';
import type { Point } from '../model';
import type { Box } from '../look/edges';
import { BoxIndex } from '../look/boxIndex';

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
export function findOverlaps<T extends Box & { id: string }>(rects: T[]): [string, string][] {
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
 * A layered graph as the ordering step sees it: nodes 0..n-1, each on a rank, and edges that each join two
 * consecutive ranks (long edges already split by dummy nodes). Weights count parallel links merged into one.
 */
export interface LayeredGraph {
  rank: ArrayLike<number>;
  /** Edge i joins from[i] on rank r to to[i] on rank r + 1. */
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  weight: ArrayLike<number>;
  /** Links between two nodes of one rank, drawn as brackets beside it: pulled together, their span counted. */
  flat?: { a: ArrayLike<number>; b: ArrayLike<number>; weight: ArrayLike<number> };
}

export interface OrderOptions {
  /** Upper bound on barycentre sweeps per start (each one pass down or up over all ranks). */
  maxSweeps?: number;
  /** Stop a start after this many sweeps in a row without fewer crossings. */
  patience?: number;
  /**
   * Starting orders to try, the best result kept. 0 (the default) starts once, depth-first as dagre does;
   * n > 0 starts n times from smoothed pseudo-random coordinates (see smoothStart), seeded 1..n.
   */
  restarts?: number;
}

export interface OrderResult {
  /** The nodes of each rank, in order. */
  layers: number[][];
  /** Weighted crossings between consecutive ranks, plus the estimated crossings of the brackets. */
  cost: number;
}

/** Compressed adjacency: neighbours of v are list[start[v] .. start[v + 1]). */
interface Adjacency {
  start: Int32Array;
  list: Int32Array;
  weight: Float64Array;
}

function adjacency(n: number, a: ArrayLike<number>, b: ArrayLike<number>, w: ArrayLike<number>): Adjacency {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < a.length; i++) start[a[i]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const list = new Int32Array(a.length);
  const weight = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const k = fill[a[i]!]!++;
    list[k] = b[i]!;
    weight[k] = w[i]!;
  }
  return { start, list, weight };
}

/** Both directions of a list of undirected pairs. */
function symmetric(n: number, a: ArrayLike<number>, b: ArrayLike<number>, w: ArrayLike<number>): Adjacency {
  const len = a.length;
  const from = new Int32Array(2 * len);
  const to = new Int32Array(2 * len);
  const weight = new Float64Array(2 * len);
  for (let i = 0; i < len; i++) {
    from[i] = to[len + i] = a[i]!;
    to[i] = from[len + i] = b[i]!;
    weight[i] = weight[len + i] = w[i]!;
  }
  return adjacency(n, from, to, weight);
}

/**
 * Weighted crossings between two consecutive layers (Barth, Jünger and Mutzel's accumulator tree): edges are
 * taken in order of their upper end, and each adds the weight of the edges already seen whose lower end lies
 * further right.
 */
function layerCrossings(upper: number[], down: Adjacency, pos: Int32Array, lowerLength: number, tree: Float64Array): number {
  let size = 1;
  while (size < lowerLength) size <<= 1;
  tree.fill(0, 0, 2 * size);
  let total = 0;
  let seen = 0;
  const ends: number[] = [];
  for (const u of upper) {
    ends.length = 0;
    for (let k = down.start[u]!; k < down.start[u + 1]!; k++) ends.push(k);
    if (ends.length > 1) ends.sort((x, y) => pos[down.list[x]!]! - pos[down.list[y]!]!);
    for (const k of ends) {
      const p = pos[down.list[k]!]!;
      const w = down.weight[k]!;
      // Weight already entered at positions <= p, by a walk up the tree.
      let i = p + size;
      let atOrLeft = tree[i]!;
      while (i > 1) {
        if (i & 1) atOrLeft += tree[i - 1]!;
        i >>= 1;
      }
      total += w * (seen - atOrLeft);
      seen += w;
      for (let j = p + size; j >= 1; j >>= 1) tree[j]! += w;
    }
  }
  return total;
}

const random = seededRandom;

/**
 * Smoothing steps of each start, in turn: enough to make neighbourhoods agree, few enough to keep the whole
 * spread. Which amount does best varies from graph to graph, so starts try several.
 */
const SMOOTHING = [120, 480, 60, 240];

/**
 * A starting coordinate: random numbers, each then repeatedly averaged with its neighbours'. On maps whose
 * links run across the whole graph (the hard case), barycentre sweeps from a depth-first start settle in a
 * poor local optimum; from a start where neighbours already sit near each other, at every scale, they end with
 * about a quarter fewer crossings (generated maps of 100 to 1,000 assets). Smoothing to convergence does
 * worse: the coordinate collapses onto a few nodes and the rest tie.
 */
function smoothStart(n: number, adj: Adjacency[], salt: number, steps: number): Float64Array {
  const rng = random(salt);
  let y = new Float64Array(n);
  for (let v = 0; v < n; v++) y[v] = rng();
  let next = new Float64Array(n);
  for (let step = 0; step < steps; step++) {
    for (let v = 0; v < n; v++) {
      let sum = 0;
      let weight = 0;
      for (const a of adj) {
        for (let k = a.start[v]!; k < a.start[v + 1]!; k++) {
          sum += a.weight[k]! * y[a.list[k]!]!;
          weight += a.weight[k]!;
        }
      }
      next[v] = weight > 0 ? 0.5 * y[v]! + (0.5 * sum) / weight : y[v]!;
    }
    [y, next] = [next, y];
  }
  return y;
}

/**
 * Orders the nodes within each rank to reduce edge crossings: layer-by-layer barycentre sweeps, alternately
 * down and up, keeping the best order seen (by an exact weighted count), stopping when sweeps stop paying,
 * and, with restarts, trying several starts. The same heuristic as dagre's own ordering, on typed arrays
 * instead of a graph of objects and with bounded work: on large maps dagre's version is most of its time.
 *
 * Links within a rank (brackets) join the barycentres at half weight and count, in the cost, one crossing per
 * node between their ends. Deterministic: ties keep the current order, and starts come from fixed seeds.
 */
export function orderLayers(g: LayeredGraph, options: OrderOptions = {}): OrderResult {
  const n = g.rank.length;
  let ranks = 0;
  for (let v = 0; v < n; v++) ranks = Math.max(ranks, g.rank[v]! + 1);
  const down = adjacency(n, g.from, g.to, g.weight);
  const up = adjacency(n, g.to, g.from, g.weight);
  const flat = g.flat && g.flat.a.length ? symmetric(n, g.flat.a, g.flat.b, g.flat.weight) : undefined;
  const restarts = options.restarts ?? 0;
  let best: OrderResult | undefined;
  for (let start = restarts > 0 ? 1 : 0; start <= restarts; start++) {
    const adj = flat ? [down, up, flat] : [down, up];
    const seed = start > 0 ? smoothStart(n, adj, start, SMOOTHING[(start - 1) % SMOOTHING.length]!) : undefined;
    const result = sweep(g, ranks, down, up, flat, seed, options);
    if (!best || result.cost < best.cost) best = result;
  }
  return best!;
}

/** Half weight for links within a rank in the barycentres: they matter, but less than the edges they cross. */
const FLAT_PULL = 0.5;

function sweep(
  g: LayeredGraph,
  ranks: number,
  down: Adjacency,
  up: Adjacency,
  flat: Adjacency | undefined,
  seed: Float64Array | undefined,
  options: OrderOptions,
): OrderResult {
  const n = g.rank.length;
  const maxSweeps = options.maxSweeps ?? 24;
  const patience = options.patience ?? 4;
  const layers: number[][] = Array.from({ length: ranks }, () => []);
  if (seed) {
    const byKey = Array.from({ length: n }, (_, v) => v).sort((a, b) => seed[a]! - seed[b]! || a - b);
    for (const v of byKey) layers[g.rank[v]!]!.push(v);
  } else {
    // Depth-first from the top rank down, as dagre starts.
    const visited = new Uint8Array(n);
    const roots = Array.from({ length: n }, (_, v) => v).sort((a, b) => g.rank[a]! - g.rank[b]! || a - b);
    const stack: number[] = [];
    for (const r of roots) {
      if (visited[r]) continue;
      stack.push(r);
      while (stack.length) {
        const v = stack.pop()!;
        if (visited[v]) continue;
        visited[v] = 1;
        layers[g.rank[v]!]!.push(v);
        for (let k = down.start[v + 1]! - 1; k >= down.start[v]!; k--) if (!visited[down.list[k]!]) stack.push(down.list[k]!);
      }
    }
  }

  const pos = new Int32Array(n);
  for (const layer of layers) layer.forEach((v, i) => (pos[v] = i));
  let widest = 1;
  for (const layer of layers) widest = Math.max(widest, layer.length);
  const tree = new Float64Array(4 * widest);
  const cost = () => {
    let total = 0;
    for (let r = 0; r + 1 < ranks; r++) total += layerCrossings(layers[r]!, down, pos, layers[r + 1]!.length, tree);
    if (g.flat) {
      const { a, b, weight } = g.flat;
      for (let i = 0; i < a.length; i++) total += weight[i]! * Math.max(0, Math.abs(pos[a[i]!]! - pos[b[i]!]!) - 1);
    }
    return total;
  };

  const bary = new Float64Array(n);
  const reorder = (layer: number[], adj: Adjacency, fixedLength: number, biasRight: boolean) => {
    // Nodes with no neighbour on the fixed side keep their slots; the others are sorted into the rest.
    const movable: number[] = [];
    const slots: number[] = [];
    const scale = fixedLength / Math.max(layer.length, 1);
    layer.forEach((v, i) => {
      let sum = 0;
      let weight = 0;
      for (let k = adj.start[v]!; k < adj.start[v + 1]!; k++) {
        sum += adj.weight[k]! * pos[adj.list[k]!]!;
        weight += adj.weight[k]!;
      }
      if (flat) {
        // Neighbours in the same rank, at their current place, scaled to the fixed rank's positions.
        for (let k = flat.start[v]!; k < flat.start[v + 1]!; k++) {
          sum += FLAT_PULL * flat.weight[k]! * pos[flat.list[k]!]! * scale;
          weight += FLAT_PULL * flat.weight[k]!;
        }
      }
      if (weight > 0) {
        bary[v] = sum / weight;
        movable.push(v);
        slots.push(i);
      }
    });
    movable.sort((a, b) => bary[a]! - bary[b]! || (biasRight ? pos[b]! - pos[a]! : pos[a]! - pos[b]!));
    slots.forEach((slot, i) => (layer[slot] = movable[i]!));
    layer.forEach((v, i) => (pos[v] = i));
  };

  let best = layers.map((l) => l.slice());
  let bestCost = cost();
  for (let s = 0, sinceBest = 0; s < maxSweeps && sinceBest < patience && bestCost > 0; s++) {
    // Alternate direction every sweep, and the tie bias every two, as dagre does.
    const biasRight = s % 4 >= 2;
    if (s % 2 === 0) for (let r = 1; r < ranks; r++) reorder(layers[r]!, up, layers[r - 1]!.length, biasRight);
    else for (let r = ranks - 2; r >= 0; r--) reorder(layers[r]!, down, layers[r + 1]!.length, biasRight);
    const c = cost();
    if (c < bestCost) {
      bestCost = c;
      best = layers.map((l) => l.slice());
      sinceBest = 0;
    } else sinceBest++;
  }
  return { layers: best, cost: bestCost };
}

/** The weighted crossing count between consecutive ranks of an order (brackets not included). */
export function countLayerCrossings(g: LayeredGraph, layers: number[][]): number {
  const n = g.rank.length;
  const down = adjacency(n, g.from, g.to, g.weight);
  const pos = new Int32Array(n);
  let widest = 1;
  for (const layer of layers) {
    layer.forEach((v, i) => (pos[v] = i));
    widest = Math.max(widest, layer.length);
  }
  const tree = new Float64Array(4 * widest);
  let total = 0;
  for (let r = 0; r + 1 < layers.length; r++) total += layerCrossings(layers[r]!, down, pos, layers[r + 1]!.length, tree);
  return total;
}
