/**
 * Auto layout: (document, options) -> top-left positions for every node and a route for every drawn edge.
 *
 * How, and why (figures in BENCHMARKS.md):
 * - Each asset and what hangs off it (strengths, weaknesses, improvements) is one block (blocks.ts): the
 *   layout moves blocks, not items, and no link crosses the connectors inside a block.
 * - Connected components are laid out apart and packed onto one page (pack.ts).
 * - Parallel links between two blocks share one channel.
 * - Small components go to dagre, in a fresh graph each, with the user's edge directions and its
 *   network-simplex ranker: it draws them compactly, in the direction the user drew ("supports" flows
 *   forward), and it is cheap at that size. Its crossing reduction is replaced, through its `customOrder`
 *   hook, by orderLayers (crossings.ts).
 * - Large components, whose links point every which way (a relationship has no direction), get a layered
 *   drawing of our own (layered.ts): breadth-first levels as ranks, orderLayers within them, and the long
 *   strip that such a map makes folded like a snake (fold.ts), so that the page comes out about the shape of
 *   a screen instead of a thin line. So does a small component that dagre draws long (a chain).
 * - The largest component is laid out last, aiming at the page's shape with everything else packed beside it.
 * - Routes run in channels: straight across each rank between its nodes, bending only in the open space
 *   between ranks, so no route passes through a node, and crossings happen where the ordering counted them.
 *
 * dagre works in centre points; everything returned is a top-left corner, on whole pixels for blocks.
 */
import dagre, { type EdgeLabel, Graph, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import { type AssetMapDoc, type LayoutSettings, type MapNode, type Point, getAssets, getAttachmentIndex, isAsset } from '../model';
import { type Size, nodeSize } from '../look/measure';
import { orderLayers } from './crossings';
import { type Block, type Placed, buildBlock, extentOf, mirrorBlock, routesBounds } from './blocks';
import { type ComponentLayout, type LinkEdge, type Pair, layoutLayered } from './layered';
import { type Geometry, innerRoute, leave, rectOf, simplify } from './routes';
import { PAGE_ASPECT, pack } from './pack';

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

/**
 * Components up to this many blocks keep the user's edge directions and dagre's network-simplex ranker.
 * Larger ones get layered.ts: network simplex takes 15 s at 1,000 blocks.
 */
const SMALL_COMPONENT = 40;
/**
 * A small component of at least this many blocks whose dagre drawing is over three times longer one way than
 * the other is laid out as a large one instead, and folded.
 */
const FOLD_SMALL = 6;
/** Sweeps of the ordering heuristic per start; the best order seen is kept. */
const MAX_SWEEPS = 16;

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

/** A small component through dagre: ranks from the user's edge directions, routes through dagre's gaps. */
function layoutSmall(blocks: Block[], pairs: Pair[], settings: LayoutSettings, itemAt: Map<string, Placed>): ComponentLayout {
  const at = new Map<string, Point>();
  const routes: Record<string, Point[]> = {};
  if (blocks.length === 1) {
    at.set(blocks[0]!.asset.id, { x: 0, y: 0 });
    return { at, routes, width: blocks[0]!.width, height: blocks[0]!.height };
  }
  const lr = settings.direction === 'LR';
  const byId = new Map(blocks.map((b) => [b.asset.id, b]));

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
  dagre.layout(g, { customOrder: (graph) => orderInternal(graph, 8) });

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
  for (const b of blocks) {
    const lo = along(at.get(b.asset.id)!);
    const hi = lo + (lr ? b.width : b.height);
    const r = rankOf.get(b.asset.id)!;
    const band = bands.get(r);
    if (!band) bands.set(r, { lo, hi });
    else {
      band.lo = Math.min(band.lo, lo);
      band.hi = Math.max(band.hi, hi);
    }
  }

  const geo: Geometry = {
    rectOf: (id, assetId) => rectOf(id, assetId, at, byId, itemAt),
    blockRect: (assetId) => {
      const p = at.get(assetId)!;
      const b = byId.get(assetId)!;
      return { x: p.x, y: p.y, w: b.width, h: b.height };
    },
  };

  for (const p of pairs) {
    // dagre's bend points of the pair, from the lower rank up, with the rank each one is on.
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
    const path: Point[] = [];
    points.forEach((q, i) => {
      const band = bands.get(r0 + 1 + i);
      if (!band) return;
      const cross = Math.round(lr ? q.y : q.x);
      path.push(lr ? { x: band.lo, y: cross } : { x: cross, y: band.lo }, lr ? { x: band.hi, y: cross } : { x: cross, y: band.hi });
    });
    const lowExit = bands.get(rankOf.get(low)!)!.hi;
    const highEntry = bands.get(rankOf.get(high)!)!.lo;
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

  const { maxX, maxY } = extentOf(blocks, at, routes);
  return { at, routes, width: Math.max(0, maxX), height: Math.max(0, maxY) };
}

/**
 * Lays out a document no one is editing yet (a map made from a template, a generated or test map) with its own
 * settings, and writes the positions and routes into it. Returns the same document.
 */
export function layOutInPlace(doc: AssetMapDoc): AssetMapDoc {
  const { positions, routes } = layoutMap(doc, doc.layout);
  for (const [id, p] of Object.entries(positions)) {
    doc.nodes[id]!.x = p.x;
    doc.nodes[id]!.y = p.y;
  }
  doc.routes = routes;
  return doc;
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
  // One channel per pair of blocks, however many links join them; its direction is the first link's.
  const pairsByGroup = new Map<string, Map<string, Pair>>();
  for (const l of links) {
    const root = find(l.fromAsset);
    let pairs = pairsByGroup.get(root);
    if (!pairs) pairsByGroup.set(root, (pairs = new Map()));
    const [a, b] = l.fromAsset < l.toAsset ? [l.fromAsset, l.toAsset] : [l.toAsset, l.fromAsset];
    const key = `${a}\u0000${b}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { tail: l.fromAsset, head: l.toAsset, links: [] }));
    pair.links.push(l);
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
  // Small components first: the largest one aims, with them beside it, at the page's shape.
  const gap = settings.spacing;
  const laid = new Map<string, ComponentLayout>();
  let packed = 0;
  for (const r of [...roots].reverse()) {
    const list = groups.get(r)!;
    const pairs = [...(pairsByGroup.get(r)?.values() ?? [])];
    const layered = () => layoutLayered(list, pairs, itemAt, { ...settings, aspect: PAGE_ASPECT, rest: r === roots[0] ? packed : 0 });
    let c = list.length <= SMALL_COMPONENT ? layoutSmall(list, pairs, settings, itemAt) : layered();
    // A small component drawn long (a chain of colleagues makes a rank each) folds as a large one would.
    if (list.length <= SMALL_COMPONENT && list.length >= FOLD_SMALL && Math.max(c.width / c.height, c.height / c.width) > 3) c = layered();
    laid.set(r, c);
    packed += (c.width + gap) * (c.height + gap);
  }
  const components = roots.map((r) => ({ blocks: groups.get(r)!, ...laid.get(r)! }));
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
    for (const placed of c.blocks) {
      const b = c.mirrored?.has(placed.asset.id) ? mirrorBlock(placed) : placed;
      blocks.set(b.asset.id, b);
      for (const it of b.items) itemAt.set(it.id, it);
      const p = c.at.get(b.asset.id)!;
      const ox = off.x + p.x;
      const oy = off.y + p.y;
      positions[b.asset.id] = { x: ox + b.assetAt, y: oy };
      for (const it of b.items) positions[it.id] = { x: ox + it.x, y: oy + it.y };
      for (const [key, pts] of Object.entries(b.routes)) routes[key] = shift(pts, ox, oy);
    }
    for (const [key, pts] of Object.entries(c.routes)) routes[key] = shift(pts, off.x, off.y);
  });

  // Links inside one block, drawn once every block has its place.
  for (const l of inner) {
    const block = blocks.get(l.fromAsset)!;
    const origin = { x: positions[l.fromAsset]!.x - block.assetAt, y: positions[l.fromAsset]!.y };
    const at = new Map([[l.fromAsset, origin]]);
    const from = rectOf(l.from, l.fromAsset, at, blocks, itemAt);
    const to = rectOf(l.to, l.toAsset, at, blocks, itemAt);
    if (!from || !to) continue;
    const box = { x: origin.x, y: origin.y, w: block.width, h: block.height };
    routes[l.id] = innerRoute(from, l.from === l.fromAsset, to, l.to === l.toAsset, box, settings.direction === 'LR', block.mirrored);
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
  const r = routesBounds(routes);
  const minX = Math.min(0, r.x0);
  const minY = Math.min(0, r.y0);
  width = Math.max(width, r.x1);
  height = Math.max(height, r.y1);
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
