/**
 * Auto layout: (document, options) -> top-left positions for every node and a route for every drawn edge.
 *
 * How, and why (figures in BENCHMARKS.md):
 * - Each asset and what hangs off it (strengths, weaknesses, improvements) is one block: the asset, and its
 *   items in a column joined by tree connectors. dagre sees blocks, not items: its graph is six to seven times
 *   smaller, and no link crosses the connectors inside a block.
 * - Connected components are laid out apart, each in a fresh dagre graph, and packed onto one page.
 * - Parallel links between two blocks become one weighted dagre edge: one channel, and a smaller graph.
 * - Small components keep the user's edge directions and dagre's network-simplex ranker. In a large one,
 *   whose links point every which way (a relationship has no direction), those directions would make chains
 *   hundreds of ranks long and dagre's cost is the dummy nodes long edges need (at 2,000 assets, 90,000 of
 *   them): there the ranks are breadth-first levels (levelsOf), handed to dagre as edge directions and minimum
 *   lengths that its longest-path ranker reproduces exactly. Links within one level stay out of dagre and are
 *   drawn as brackets in lanes beside their rank.
 * - dagre's crossing reduction is replaced, through its `customOrder` hook, by orderLayers (crossings.ts):
 *   barycentre sweeps on typed arrays, bounded, from several smoothed starts.
 * - Routes run in channels: straight across each rank between its nodes, bending only in the open space
 *   between ranks, so no route passes through a node, and crossings happen where the ordering counted them.
 *
 * dagre works in centre points; everything returned is a top-left corner, on whole pixels for blocks.
 */
import dagre, { type EdgeLabel, Graph, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import {
  type AssetMapDoc,
  type AssetNode,
  type AttachedNode,
  type LayoutDirection,
  type LayoutSettings,
  type MapNode,
  type Point,
  attachmentEdgeId,
  getAssets,
  getAttachmentIndex,
  isAsset,
} from '../model';
import { type Size, nodeSize } from './measure';
import { orderLayers } from './crossings';

export interface LayoutOptions extends LayoutSettings {
  /** Real rendered sizes where known; others are computed from the label. */
  sizeOf?: (node: MapNode) => Size | undefined;
  /** The same as a plain map, for callers that cannot pass a function (a worker). Wins over sizeOf. */
  sizes?: Record<string, Size>;
}

export interface LayoutResult {
  /** Top-left corner of every node. */
  positions: Record<string, Point>;
  /** Edge routes keyed by the view's edge id (a link's id, or `a:<node id>` for an attachment). */
  routes: Record<string, Point[]>;
  width: number;
  height: number;
}

const ITEM_GAP = 8;
const INDENT = 24;
const COLUMN_GAP = 36;
const SPINE = 12;
/** How far outside its block a route runs when it must pass the item column (TB items, links inside a block). */
const SIDE_STEP = 10;
/**
 * Components up to this many blocks keep the user's edge directions and dagre's network-simplex ranker: it
 * draws small components compactly and in the direction the user drew ("supports" flows forward), and it is
 * cheap at that size. Larger ones are ranked by levels (levelsOf): network simplex takes 15 s at 1,000 blocks.
 */
const SMALL_COMPONENT = 40;
/** Sweeps of the ordering heuristic per start; the best order seen is kept. */
const MAX_SWEEPS = 16;
/**
 * Large components: at most this many times the square root of their block count in one rank. Measured on
 * generated maps of 1,000 and 2,000 assets: 8 has about 8% fewer crossings than unbounded levels for about a
 * third more time; 4 takes twice as long again for no fewer crossings.
 */
const LEVEL_WIDTH = 8;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Placed extends Rect {
  id: string;
}

/** A laid-out asset block in its own coordinates (asset at 0,0). */
interface Block {
  asset: AssetNode;
  width: number;
  height: number;
  items: Placed[];
  /** Routes of the block's attachment edges, in block coordinates. */
  routes: Record<string, Point[]>;
  assetSize: Size;
}

function buildBlock(
  asset: AssetNode,
  index: Map<string, AttachedNode[]>,
  size: (n: MapNode) => Size,
  direction: LayoutDirection,
): Block {
  const assetSize = size(asset);
  const items: Placed[] = [];
  const routes: Record<string, Point[]> = {};
  const children = index.get(asset.id) ?? [];
  const ordered = [
    ...children.filter((c) => c.kind === 'strength'),
    ...children.filter((c) => c.kind === 'weakness'),
    ...children.filter((c) => c.kind === 'improvement'),
  ];
  // LR: the column hangs below the asset; TB: it stands to the right, so links can leave from the bottom.
  const columnX = direction === 'LR' ? INDENT : assetSize.width + COLUMN_GAP;
  let y = direction === 'LR' ? assetSize.height + ITEM_GAP + 6 : 0;
  const spineX = direction === 'LR' ? SPINE : assetSize.width + COLUMN_GAP / 2;
  const spineTop: Point = direction === 'LR' ? { x: SPINE, y: assetSize.height } : { x: assetSize.width, y: 20 };

  const place = (node: AttachedNode, x: number, parentSpine: { x: number; top: Point }) => {
    const s = size(node);
    const item = { id: node.id, x, y, w: s.width, h: s.height };
    items.push(item);
    const cy = y + Math.min(s.height / 2, 16);
    const start = parentSpine.top;
    routes[attachmentEdgeId(node.id)] =
      start.x === parentSpine.x
        ? [start, { x: parentSpine.x, y: cy }, { x, y: cy }]
        : [start, { x: parentSpine.x, y: start.y }, { x: parentSpine.x, y: cy }, { x, y: cy }];
    y += s.height + ITEM_GAP;
    return item;
  };

  for (const node of ordered) {
    const item = place(node, columnX, { x: spineX, top: spineTop });
    if (node.kind !== 'weakness') continue;
    // Improvements of a weakness hang under it, one step further in.
    for (const sub of index.get(node.id) ?? []) {
      place(sub, columnX + INDENT, { x: columnX + SPINE, top: { x: columnX + SPINE, y: item.y + item.h } });
    }
  }
  let width = assetSize.width;
  let height = assetSize.height;
  for (const it of items) {
    width = Math.max(width, it.x + it.w);
    height = Math.max(height, it.y + it.h);
  }
  return { asset, width, height, items, routes, assetSize };
}

/** A link between two blocks: a relationship or "supports" edge of the document. */
interface LinkEdge {
  id: string;
  /** The node the edge is drawn from (an asset, or a strength for "supports"). */
  from: string;
  to: string;
  fromAsset: string;
  toAsset: string;
}

interface Component {
  blocks: Block[];
  /** Block positions (top-left) inside the component. */
  at: Map<string, Point>;
  routes: Record<string, Point[]>;
  width: number;
  height: number;
}

/** Where things are, for building routes: a node's rectangle in component coordinates, and its block's. */
interface Geometry {
  rectOf(id: string, assetId: string): Rect | undefined;
  blockRect(assetId: string): Rect;
}

/**
 * Levels of a large component's blocks, used as its ranks: breadth-first from a far node (the last reached
 * from the last reached from the first block), each block one level past its lowest placed neighbour, or
 * further while that level already holds `maxWidth` blocks. Plain breadth-first levels need no dummy nodes at
 * all (a link joins neighbouring levels or stays within one), but their middle levels get fat and so do the
 * crossings between them; the width bound trades a few longer links for thinner ranks.
 */
function levelsOf(count: number, pairs: [number, number][], maxWidth: number): Int32Array {
  const adj: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of pairs) {
    adj[a]!.push(b);
    adj[b]!.push(a);
  }
  // Breadth-first order from a block; its last block is about as far from it as any.
  const reach = (root: number) => {
    const seen = new Uint8Array(count);
    const queue = [root];
    seen[root] = 1;
    for (let i = 0; i < queue.length; i++) {
      for (const w of adj[queue[i]!]!) {
        if (seen[w]) continue;
        seen[w] = 1;
        queue.push(w);
      }
    }
    return queue;
  };
  const last = (list: number[]) => list[list.length - 1]!;
  const level = new Int32Array(count).fill(-1);
  const fill: number[] = [];
  for (const v of reach(last(reach(last(reach(0)))))) {
    let lowest = -1;
    for (const w of adj[v]!) if (level[w]! >= 0 && (lowest < 0 || level[w]! < lowest)) lowest = level[w]!;
    let l = lowest + 1;
    while ((fill[l] ?? 0) >= maxWidth) l++;
    level[v] = l;
    fill[l] = (fill[l] ?? 0) + 1;
  }
  return level;
}

/**
 * dagre's ordering step, replaced through its customOrder hook: the internal graph (dummy nodes included)
 * goes through orderLayers, with the links kept out of dagre because both ends share a rank.
 */
function orderInternal(graph: Graph<GraphLabel, NodeLabel, EdgeLabel>, flatPairs: Pair[], restarts: number): void {
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
  const flat = { a: [] as number[], b: [] as number[], weight: [] as number[] };
  for (const p of flatPairs) {
    flat.a.push(index.get(p.tail)!);
    flat.b.push(index.get(p.head)!);
    flat.weight.push(p.links.length);
  }
  const { layers } = orderLayers({ rank, from, to, weight, flat }, { maxSweeps: MAX_SWEEPS, restarts });
  for (const layer of layers) layer.forEach((v, i) => (graph.node(ids[v]!).order = i));
}

/** The links between two blocks, drawn along one channel. */
interface Pair {
  /** dagre's edge runs tail -> head. */
  tail: string;
  head: string;
  links: LinkEdge[];
  /** Both blocks on one rank: kept out of dagre and drawn as a bracket beside the rank. */
  flat: boolean;
  minlen: number;
}

/** Lanes for brackets beside a rank: the first this far from the rank's blocks, then one every LANE_STEP. */
const LANE_START = 12;
const LANE_STEP = 8;

function layoutComponent(blocks: Block[], links: LinkEdge[], settings: LayoutSettings, itemAt: Map<string, Placed>): Component {
  const at = new Map<string, Point>();
  const routes: Record<string, Point[]> = {};
  if (blocks.length === 1) {
    at.set(blocks[0]!.asset.id, { x: 0, y: 0 });
    return { blocks, at, routes, width: blocks[0]!.width, height: blocks[0]!.height };
  }
  const lr = settings.direction === 'LR';
  const byId = new Map(blocks.map((b) => [b.asset.id, b]));

  // One dagre edge per pair of blocks, however many links join them.
  const pairs = new Map<string, Pair>();
  for (const l of links) {
    const [a, b] = l.fromAsset < l.toAsset ? [l.fromAsset, l.toAsset] : [l.toAsset, l.fromAsset];
    const key = `${a}\u0000${b}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { tail: l.fromAsset, head: l.toAsset, links: [], flat: false, minlen: 1 }));
    pair.links.push(l);
  }
  const small = blocks.length <= SMALL_COMPONENT;
  if (!small) {
    // Ranks are levels. Each link points to the lower level with the level difference as its minimum length:
    // the far node is dagre's only sink and every path to it is as long as the level, so the longest-path
    // ranker lands on the levels exactly, with no ranking work to speak of.
    const indexOf = new Map(blocks.map((b, i) => [b.asset.id, i]));
    const list = [...pairs.values()];
    const maxWidth = Math.ceil(LEVEL_WIDTH * Math.sqrt(blocks.length));
    const level = levelsOf(blocks.length, list.map((p) => [indexOf.get(p.tail)!, indexOf.get(p.head)!]), maxWidth);
    for (const p of list) {
      const lt = level[indexOf.get(p.tail)!]!;
      const lh = level[indexOf.get(p.head)!]!;
      if (lt === lh) p.flat = true;
      else if (lt < lh) [p.tail, p.head] = [p.head, p.tail];
      p.minlen = Math.abs(lt - lh);
    }
  }

  const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({
    rankdir: settings.direction,
    nodesep: settings.spacing,
    ranksep: settings.spacing * 1.5,
    edgesep: 12,
    marginx: 0,
    marginy: 0,
    rankalign: 'top',
    ranker: small ? 'network-simplex' : 'longest-path',
  });
  for (const b of blocks) g.setNode(b.asset.id, { width: b.width, height: b.height });
  for (const p of pairs.values()) if (!p.flat) g.setEdge(p.tail, p.head, { weight: p.links.length, minlen: p.minlen });
  const flatPairs = [...pairs.values()].filter((p) => p.flat);
  const restarts = blocks.length <= 200 ? 8 : blocks.length <= 1200 ? 4 : 2;
  dagre.layout(g, { customOrder: (graph) => orderInternal(graph, flatPairs, restarts) });

  // Block corners on whole pixels, so that every coordinate below stays whole.
  const rankOf = new Map<string, number>();
  for (const b of blocks) {
    const n = g.node(b.asset.id);
    at.set(b.asset.id, { x: Math.round(n.x! - b.width / 2), y: Math.round(n.y! - b.height / 2) });
    rankOf.set(b.asset.id, n.rank ?? 0);
  }
  // Along the rank axis (x in LR, y in TB), each rank's band: where its blocks are. Routes cross it straight.
  const along = (p: Point) => (lr ? p.x : p.y);
  const bands = new Map<number, { lo: number; hi: number }>();
  const widen = (r: number, lo: number, hi: number) => {
    const band = bands.get(r);
    if (!band) bands.set(r, { lo, hi });
    else {
      band.lo = Math.min(band.lo, lo);
      band.hi = Math.max(band.hi, hi);
    }
  };
  for (const b of blocks) {
    const lo = along(at.get(b.asset.id)!);
    widen(rankOf.get(b.asset.id)!, lo, lo + (lr ? b.width : b.height));
  }

  // dagre's bend points of each pair, from the lower rank up, with the rank each one is on.
  const channels = new Map<Pair, { low: string; high: string; mids: { p: Point; rank: number }[] }>();
  for (const p of pairs.values()) {
    if (p.flat) continue;
    let low = p.tail;
    let high = p.head;
    let points = (g.edge(p.tail, p.head)?.points ?? []).slice(1, -1);
    if (rankOf.get(low)! > rankOf.get(high)!) {
      [low, high] = [high, low];
      points = points.reverse();
    }
    // Only bends on ranks that hold blocks matter: they are the gaps the route threads between blocks. The
    // others (dagre puts a rank for edge labels between any two) sit in open space, where a straight line
    // does as well with fewer kinks, and never crosses more than the bent one.
    const r0 = rankOf.get(low)!;
    const mids = points
      .map((q, i) => ({ p: { x: Math.round(q.x), y: Math.round(q.y) }, rank: r0 + 1 + i }))
      .filter((m) => bands.has(m.rank));
    channels.set(p, { low, high, mids });
  }

  const geo: Geometry = {
    rectOf: (id, assetId) => rectOf(id, assetId, at, byId, itemAt),
    blockRect: (assetId) => {
      const p = at.get(assetId)!;
      const b = byId.get(assetId)!;
      return { x: p.x, y: p.y, w: b.width, h: b.height };
    },
  };

  // Brackets: lanes beside each rank, nested ones inside the ones that contain them; the gap after a rank
  // grows by the lanes it holds, and every later rank moves along.
  const brackets = new Map<number, { pair: Pair; lo: number; hi: number; lane: number }[]>();
  for (const p of pairs.values()) {
    if (!p.flat) continue;
    const r = rankOf.get(p.tail)!;
    const l = p.links[0]!;
    const ends = [portCross(geo, l.from, l.fromAsset, lr), portCross(geo, l.to, l.toAsset, lr)];
    let list = brackets.get(r);
    if (!list) brackets.set(r, (list = []));
    list.push({ pair: p, lo: Math.min(...ends), hi: Math.max(...ends), lane: 0 });
  }
  const extra = new Map<number, number>();
  for (const [r, list] of brackets) {
    list.sort((a, b) => a.hi - a.lo - (b.hi - b.lo) || a.lo - b.lo);
    let lanes = 0;
    list.forEach((br, i) => {
      for (let j = 0; j < i; j++) {
        const o = list[j]!;
        if (o.lo <= br.hi && br.lo <= o.hi) br.lane = Math.max(br.lane, o.lane + 1);
      }
      lanes = Math.max(lanes, br.lane + 1);
    });
    extra.set(r, 2 * LANE_START + (lanes - 1) * LANE_STEP);
  }
  const ranks = [...bands.keys()].sort((a, b) => a - b);
  const shift = new Map<number, number>();
  let moved = 0;
  for (const r of ranks) {
    shift.set(r, moved);
    moved += extra.get(r) ?? 0;
  }
  const move = (p: Point, r: number): Point => {
    const d = shift.get(r) ?? 0;
    return lr ? { x: p.x + d, y: p.y } : { x: p.x, y: p.y + d };
  };
  if (moved > 0) {
    for (const b of blocks) at.set(b.asset.id, move(at.get(b.asset.id)!, rankOf.get(b.asset.id)!));
    for (const [r, band] of bands) {
      const d = shift.get(r) ?? 0;
      band.lo += d;
      band.hi += d;
    }
    for (const c of channels.values()) for (const m of c.mids) m.p = move(m.p, m.rank);
  }
  /** Where a route leaving rank r on the far side may start to bend: past the rank's blocks and lanes. */
  const exitAt = (r: number) => bands.get(r)!.hi + (extra.get(r) ?? 0);

  for (const [p, c] of channels) {
    const path: Point[] = [];
    for (const m of c.mids) {
      const band = bands.get(m.rank)!;
      const cross = lr ? m.p.y : m.p.x;
      path.push(at2(lr, band.lo, cross), at2(lr, exitAt(m.rank), cross));
    }
    const lowExit = exitAt(rankOf.get(c.low)!);
    const highEntry = bands.get(rankOf.get(c.high)!)!.lo;
    for (const l of p.links) {
      const fromIsLow = l.fromAsset === c.low;
      const [lowNode, highNode] = fromIsLow ? [l.from, l.to] : [l.to, l.from];
      const a = leave(geo, lowNode, c.low, lowExit, lr);
      const b = leave(geo, highNode, c.high, highEntry, lr, true);
      if (!a || !b) continue;
      const route = simplify([...a, ...path, ...b.reverse()]);
      routes[l.id] = fromIsLow ? route : route.reverse();
    }
  }
  for (const [r, list] of brackets) {
    for (const br of list) {
      const lane = bands.get(r)!.hi + LANE_START + br.lane * LANE_STEP;
      for (const l of br.pair.links) {
        const a = leave(geo, l.from, l.fromAsset, lane, lr);
        const b = leave(geo, l.to, l.toAsset, lane, lr);
        if (a && b) routes[l.id] = simplify([...a, ...b.reverse()]);
      }
    }
  }

  let width = 0;
  let height = 0;
  for (const b of blocks) {
    const p = at.get(b.asset.id)!;
    width = Math.max(width, p.x + b.width);
    height = Math.max(height, p.y + b.height);
  }
  for (const pts of Object.values(routes)) {
    for (const q of pts) {
      width = Math.max(width, q.x);
      height = Math.max(height, q.y);
    }
  }
  return { blocks, at, routes, width, height };
}

const at2 = (lr: boolean, alongRank: number, cross: number): Point => (lr ? { x: alongRank, y: cross } : { x: cross, y: alongRank });

/** The cross-axis coordinate (y in LR, x in TB) at which a link leaves a node for a bracket. */
function portCross(geo: Geometry, id: string, assetId: string, lr: boolean): number {
  const r = geo.rectOf(id, assetId)!;
  if (lr) return r.y + r.h / 2;
  if (id === assetId) return r.x + r.w / 2;
  const side = geo.blockRect(assetId);
  return side.x + side.w + SIDE_STEP;
}

/**
 * The way out of a node towards the far side of its rank (or, with `entering`, the near side), as points from
 * the node's port to the rank-axis coordinate `until`. Ports are the middle of the side that faces the way:
 * right or left in LR, bottom or top in TB. An item of a TB block has other items below it, so its way steps
 * out to the right of the block first and runs down (or up) beside it.
 */
function leave(geo: Geometry, id: string, assetId: string, until: number, lr: boolean, entering = false): Point[] | undefined {
  const r = geo.rectOf(id, assetId);
  if (!r) return undefined;
  if (lr) {
    const y = r.y + r.h / 2;
    const x = entering ? r.x : r.x + r.w;
    return [{ x, y }, { x: until, y }];
  }
  if (id === assetId) {
    const x = r.x + r.w / 2;
    return [{ x, y: entering ? r.y : r.y + r.h }, { x, y: until }];
  }
  const side = geo.blockRect(assetId);
  const x = side.x + side.w + SIDE_STEP;
  const y = r.y + r.h / 2;
  return [{ x: r.x + r.w, y }, { x, y }, { x, y: until }];
}

/** A link between two nodes of one block: a bracket outside the block's right side (and over its top in TB). */
function innerRoute(from: Rect, fromIsAsset: boolean, to: Rect, toIsAsset: boolean, block: Rect, lr: boolean): Point[] {
  const x = block.x + block.w + SIDE_STEP;
  const sideOf = (r: Rect, isAsset: boolean): Point[] => {
    if (lr || !isAsset) return [{ x: r.x + r.w, y: r.y + r.h / 2 }, { x, y: r.y + r.h / 2 }];
    // The asset of a TB block: its right side faces the item column, so go over the top.
    const top = block.y - SIDE_STEP;
    return [{ x: r.x + r.w / 2, y: r.y }, { x: r.x + r.w / 2, y: top }, { x, y: top }];
  };
  return simplify([...sideOf(from, fromIsAsset), ...sideOf(to, toIsAsset).reverse()]);
}

/** Drops repeated points and the middle one of three in a straight line. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const prev = out[out.length - 2];
    if (prev && last && (prev.x - last.x) * (p.y - last.y) === (prev.y - last.y) * (p.x - last.x)) out.pop();
    out.push(p);
  }
  return out;
}

const rectOf = (id: string, assetId: string, at: Map<string, Point>, blocks: Map<string, Block>, itemAt: Map<string, Placed>): Rect | undefined => {
  const origin = at.get(assetId);
  if (!origin) return undefined;
  if (id === assetId) {
    const b = blocks.get(assetId);
    return b && { x: origin.x, y: origin.y, w: b.assetSize.width, h: b.assetSize.height };
  }
  const it = itemAt.get(id);
  return it && { x: origin.x + it.x, y: origin.y + it.y, w: it.w, h: it.h };
};

/**
 * Packs components in the order given (largest first, lone assets by kind) in rows of columns: a row is as tall
 * as its tallest component, and smaller ones stack in columns beside it up to that height before the row moves
 * on. So a few large components and many lone assets make one compact page, the lone ones in columns by kind.
 * Rows aim at a landscape page.
 */
function pack(components: Component[], gap: number): Point[] {
  const area = components.reduce((s, c) => s + (c.width + gap) * (c.height + gap), 0);
  const widest = Math.max(...components.map((c) => c.width));
  const rowWidth = Math.max(widest, Math.sqrt(area * 1.6));
  const out: Point[] = [];
  let rowTop = 0;
  let rowHeight = 0;
  let colX = 0;
  let colY = 0;
  let colWidth = 0;
  for (const c of components) {
    const fitsBelow = colY > rowTop && colY + c.height <= rowTop + rowHeight;
    if (!fitsBelow) {
      // A new column in this row, or a new row when the row is full.
      const x = colY > rowTop ? colX + colWidth + gap : colX;
      if (x > 0 && x + c.width > rowWidth) {
        rowTop += rowHeight + gap;
        rowHeight = 0;
        colX = 0;
      } else colX = x;
      colY = rowTop;
      colWidth = 0;
      rowHeight = Math.max(rowHeight, c.height);
    }
    out.push({ x: colX, y: colY });
    colY += c.height + gap;
    colWidth = Math.max(colWidth, c.width);
  }
  return out;
}

export function layoutMap(doc: AssetMapDoc, options: LayoutOptions): LayoutResult {
  const settings: LayoutSettings = { direction: options.direction, spacing: options.spacing };
  const size = (n: MapNode) => options.sizes?.[n.id] ?? options.sizeOf?.(n) ?? nodeSize(n);
  const index = getAttachmentIndex(doc);
  const assets = getAssets(doc);
  const blocks = new Map<string, Block>();
  const itemAt = new Map<string, Placed>();
  for (const a of assets) {
    const b = buildBlock(a, index, size, settings.direction);
    blocks.set(a.id, b);
    for (const it of b.items) itemAt.set(it.id, it);
  }

  // Links between blocks, and connected components over them (union-find).
  const ownerOf = (id: string): string | undefined => {
    let n = doc.nodes[id];
    for (let hops = 0; n && hops < 4; hops++) {
      if (isAsset(n)) return n.id;
      n = 'attachedTo' in n ? doc.nodes[n.attachedTo] : undefined;
    }
    return undefined;
  };
  const parent = new Map<string, string>(assets.map((a) => [a.id, a.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(x) !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const links: LinkEdge[] = [];
  const inner: LinkEdge[] = [];
  for (const e of Object.values(doc.edges).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const fromAsset = ownerOf(e.source);
    const toAsset = ownerOf(e.target);
    if (!fromAsset || !toAsset || !itemAtOrAsset(e.source, fromAsset, itemAt) || !itemAtOrAsset(e.target, toAsset, itemAt)) continue;
    const link = { id: e.id, from: e.source, to: e.target, fromAsset, toAsset };
    if (e.source === e.target) continue;
    if (fromAsset === toAsset) {
      inner.push(link);
      continue;
    }
    links.push(link);
    parent.set(find(fromAsset), find(toAsset));
  }
  const groups = new Map<string, Block[]>();
  for (const a of assets) {
    const root = find(a.id);
    let list = groups.get(root);
    if (!list) groups.set(root, (list = []));
    list.push(blocks.get(a.id)!);
  }
  const linksByGroup = new Map<string, LinkEdge[]>();
  for (const l of links) {
    const root = find(l.fromAsset);
    let list = linksByGroup.get(root);
    if (!list) linksByGroup.set(root, (list = []));
    list.push(l);
  }

  // Larger components first; lone assets grouped by kind, so that the packed rows read by category.
  const kindRank = new Map(['partner', 'staff', 'space', 'resource', 'program', 'community'].map((k, i) => [k, i]));
  const roots = [...groups.keys()].sort((a, b) => {
    const ga = groups.get(a)!;
    const gb = groups.get(b)!;
    if (ga.length !== gb.length) return gb.length - ga.length;
    const ka = kindRank.get(ga[0]!.asset.kind)! - kindRank.get(gb[0]!.asset.kind)!;
    return ka || ga[0]!.asset.order - gb[0]!.asset.order;
  });
  const components = roots.map((r) => layoutComponent(groups.get(r)!, linksByGroup.get(r) ?? [], settings, itemAt));
  const offsets = pack(components, settings.spacing);

  const positions: Record<string, Point> = {};
  const routes: Record<string, Point[]> = {};
  let width = 0;
  let height = 0;
  const shift = (pts: Point[], dx: number, dy: number) => pts.map((q) => ({ x: q.x + dx, y: q.y + dy }));
  components.forEach((c, i) => {
    const off = offsets[i]!;
    width = Math.max(width, off.x + c.width);
    height = Math.max(height, off.y + c.height);
    for (const b of c.blocks) {
      const p = c.at.get(b.asset.id)!;
      const ox = off.x + p.x;
      const oy = off.y + p.y;
      positions[b.asset.id] = { x: ox, y: oy };
      for (const it of b.items) positions[it.id] = { x: ox + it.x, y: oy + it.y };
      for (const [key, pts] of Object.entries(b.routes)) routes[key] = shift(pts, ox, oy);
    }
    for (const [key, pts] of Object.entries(c.routes)) routes[key] = shift(pts, off.x, off.y);
  });

  // Links inside one block, drawn once every block has its place.
  for (const l of inner) {
    const block = blocks.get(l.fromAsset)!;
    const origin = positions[l.fromAsset]!;
    const at = new Map([[l.fromAsset, origin]]);
    const from = rectOf(l.from, l.fromAsset, at, blocks, itemAt);
    const to = rectOf(l.to, l.toAsset, at, blocks, itemAt);
    if (!from || !to) continue;
    const box = { x: origin.x, y: origin.y, w: block.width, h: block.height };
    routes[l.id] = innerRoute(from, l.from === l.fromAsset, to, l.to === l.toAsset, box, settings.direction === 'LR');
  }

  // Nodes no block holds (an item attached to something that is not an asset or one of its weaknesses, which
  // a damaged file can carry): in a row below the rest, so that every node still has a place.
  const strays = Object.values(doc.nodes).filter((n) => !positions[n.id]);
  if (strays.length) {
    const top = height + settings.spacing;
    let x = 0;
    for (const n of strays) {
      const s = size(n);
      positions[n.id] = { x, y: top };
      x += s.width + settings.spacing;
      width = Math.max(width, x - settings.spacing);
      height = Math.max(height, top + s.height);
    }
  }

  // A route may run a few pixels outside every block (over a TB block's top): keep the drawing at 0,0.
  let minX = 0;
  let minY = 0;
  for (const pts of Object.values(routes)) {
    for (const q of pts) {
      minX = Math.min(minX, q.x);
      minY = Math.min(minY, q.y);
      width = Math.max(width, q.x);
      height = Math.max(height, q.y);
    }
  }
  if (minX < 0 || minY < 0) {
    for (const p of Object.values(positions)) {
      p.x -= minX;
      p.y -= minY;
    }
    for (const key of Object.keys(routes)) routes[key] = shift(routes[key]!, -minX, -minY);
  }
  return { positions, routes, width: width - minX, height: height - minY };
}

/** Whether a link end is a node the layout places (an asset, or an item of that asset's block). */
const itemAtOrAsset = (id: string, assetId: string, itemAt: Map<string, Placed>) => id === assetId || itemAt.has(id);
