/**
 * The dagre engine, for small components: ranks from the user's edge directions by dagre's network-simplex
 * ranker, which draws them compactly and in the direction the user drew ("supports" flows forward). Its
 * crossing reduction is replaced, through its `customOrder` hook, by orderLayers (crossings.ts).
 *
 * Stages: ranks, order and coordinates inside dagre (dagreCoordinates); then routes (channelRoutes), through
 * the gaps dagre left between the blocks of each rank.
 *
 * dagre works in centre points; blocks come out as top-left corners, on whole pixels.
 */
import dagre, { type EdgeLabel, Graph, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { LayoutSettings, Point } from '../../model';
import { type Block, type Placed, extentOf } from '../blocks';
import { orderLayers } from '../crossings';
import { type Geometry, leave, rectOf, simplify } from '../routes';
import type { ComponentEngine, ComponentLayout, Pair } from './types';

/** Sweeps of the ordering heuristic per start; the best order seen is kept. */
const MAX_SWEEPS = 16;
/** Starts of the ordering heuristic: small components are cheap to order well. */
const RESTARTS = 8;

/**
 * dagre's ordering step, replaced through its customOrder hook: the internal graph (dummy nodes included)
 * goes through orderLayers.
 */
function orderInternal(graph: Graph<GraphLabel, NodeLabel, EdgeLabel>, restarts: number): void {
  const ids = graph.nodes();
  const index = new Map<string, number>();
  ids.forEach((v, i) => index.set(v, i));
  const rank = ids.map((v) => graph.node(v).rank ?? 0);
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (const e of graph.edges()) {
    const a = index.get(e.v)!;
    const b = index.get(e.w)!;
    if (rank[b] !== rank[a]! + 1) continue;
    from.push(a);
    to.push(b);
    weight.push(graph.edge(e).weight ?? 1);
  }
  const { layers } = orderLayers({ rank, from, to, weight }, { maxSweeps: MAX_SWEEPS, restarts });
  for (const layer of layers) layer.forEach((v, i) => (graph.node(ids[v]!).order = i));
}

/** What dagre decided: each block's top-left corner and rank, and each pair's bend points. */
export interface DagrePlaces {
  at: Map<string, Point>;
  rankOf: Map<string, number>;
  /** dagre's points of the pair tail→head, ends left out. */
  bends(pair: Pair): Point[];
}

/** Ranks, order and coordinates of a component's blocks, by dagre in a fresh graph. */
export function dagreCoordinates(blocks: readonly Block[], pairs: readonly Pair[], settings: LayoutSettings): DagrePlaces {
  const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({
    rankdir: settings.direction,
    nodesep: settings.spacing,
    ranksep: settings.spacing * 1.5,
    edgesep: 12,
    marginx: 0,
    marginy: 0,
    rankalign: 'top',
    ranker: 'network-simplex',
  });
  for (const b of blocks) g.setNode(b.asset.id, { width: b.width, height: b.height });
  for (const p of pairs) g.setEdge(p.tail, p.head, { weight: p.links.length, minlen: 1 });
  dagre.layout(g, { customOrder: (graph) => orderInternal(graph, RESTARTS) });

  // Block corners on whole pixels, so that every coordinate after stays whole.
  const at = new Map<string, Point>();
  const rankOf = new Map<string, number>();
  for (const b of blocks) {
    const n = g.node(b.asset.id);
    at.set(b.asset.id, { x: Math.round(n.x! - b.width / 2), y: Math.round(n.y! - b.height / 2) });
    rankOf.set(b.asset.id, n.rank ?? 0);
  }
  return { at, rankOf, bends: (p) => (g.edge(p.tail, p.head)?.points ?? []).slice(1, -1) };
}

/** Along the rank axis (x in LR, y in TB), each rank's span: where its blocks are. Routes cross it straight. */
export function rankSpansOf(blocks: readonly Block[], places: DagrePlaces, lr: boolean): Map<number, { lo: number; hi: number }> {
  const along = (p: Point) => (lr ? p.x : p.y);
  const spans = new Map<number, { lo: number; hi: number }>();
  for (const b of blocks) {
    const lo = along(places.at.get(b.asset.id)!);
    const hi = lo + (lr ? b.width : b.height);
    const r = places.rankOf.get(b.asset.id)!;
    const span = spans.get(r);
    if (!span) spans.set(r, { lo, hi });
    else {
      span.lo = Math.min(span.lo, lo);
      span.hi = Math.max(span.hi, hi);
    }
  }
  return spans;
}

/** Every link's route: out of its block to the rank's far side, through dagre's gaps, into the other block. */
export function channelRoutes(blocks: readonly Block[], pairs: readonly Pair[], places: DagrePlaces, itemAt: Map<string, Placed>, lr: boolean): Record<string, Point[]> {
  const { at, rankOf } = places;
  const byId = new Map(blocks.map((b) => [b.asset.id, b]));
  const spans = rankSpansOf(blocks, places, lr);
  const geo: Geometry = {
    rectOf: (id, assetId) => rectOf(id, assetId, at, byId, itemAt),
    blockRect: (assetId) => {
      const p = at.get(assetId)!;
      const b = byId.get(assetId)!;
      return { x: p.x, y: p.y, w: b.width, h: b.height };
    },
  };
  const routes: Record<string, Point[]> = {};
  for (const p of pairs) {
    // dagre's bend points of the pair, from the lower rank up, with the rank each one is on.
    let low = p.tail;
    let high = p.head;
    let points = places.bends(p);
    if (rankOf.get(low)! > rankOf.get(high)!) {
      [low, high] = [high, low];
      points = points.reverse();
    }
    // Only bends on ranks that hold blocks matter: they are the gaps the route threads between blocks. The
    // others (dagre puts a rank for edge labels between any two) sit in open space, where a straight line
    // does as well with fewer kinks, and never crosses more than the bent one.
    const r0 = rankOf.get(low)!;
    const path: Point[] = [];
    points.forEach((q, i) => {
      const span = spans.get(r0 + 1 + i);
      if (!span) return;
      const cross = Math.round(lr ? q.y : q.x);
      path.push(lr ? { x: span.lo, y: cross } : { x: cross, y: span.lo }, lr ? { x: span.hi, y: cross } : { x: cross, y: span.hi });
    });
    const lowExit = spans.get(rankOf.get(low)!)!.hi;
    const highEntry = spans.get(rankOf.get(high)!)!.lo;
    for (const l of p.links) {
      const fromIsLow = l.fromAsset === low;
      const [lowNode, highNode] = fromIsLow ? [l.from, l.to] : [l.to, l.from];
      const a = leave(geo, lowNode, low, lowExit, lr);
      const b = leave(geo, highNode, high, highEntry, lr, true);
      if (!a || !b) continue;
      const route = simplify([...a, ...path, ...b.reverse()]);
      routes[l.id] = fromIsLow ? route : route.reverse();
    }
  }
  return routes;
}

export const layoutDagre: ComponentEngine = ({ blocks, pairs, itemAt }, settings): ComponentLayout => {
  if (blocks.length === 1) {
    return { at: new Map([[blocks[0]!.asset.id, { x: 0, y: 0 }]]), routes: {}, width: blocks[0]!.width, height: blocks[0]!.height };
  }
  const places = dagreCoordinates(blocks, pairs, settings);
  const routes = channelRoutes(blocks, pairs, places, itemAt, settings.direction === 'LR');
  const { maxX, maxY } = extentOf(blocks, places.at, routes);
  return { at: places.at, routes, width: Math.max(0, maxX), height: Math.max(0, maxY) };
};
