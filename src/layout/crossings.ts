/**
 * Reducing edge crossings while laying out: orderLayers orders nodes within ranks, for both engines (the dagre
 * engine plugs it into dagre's customOrder hook; the layered engine's order stage calls it). Counting the
 * crossings of a finished drawing is for tests and benchmarks: tests/support/layoutMetrics.ts.
 *
 * Pure: no DOM, no dagre; runs in the layout worker as well as on the page.
 */
import { seededRandom } from '../model';

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
