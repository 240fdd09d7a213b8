/**
 * Auto layout. Each asset and what hangs off it (strengths, weaknesses, improvements) is laid out as one block:
 * the asset, and its items in a column beside it joined by tree connectors. dagre then places the blocks, one
 * connected component at a time (a fresh graph each), using the relationship and "supports" edges between
 * assets; components are packed in rows. Working on blocks instead of every node keeps dagre's graph five to
 * ten times smaller, and items never cross edges inside their block.
 *
 * dagre works in centre points; everything returned here is a top-left corner.
 */
import dagre from '@dagrejs/dagre';
import {
  type AssetMapDoc,
  type AssetNode,
  type AttachedNode,
  type LayoutSettings,
  type MapNode,
  type Point,
  attachmentEdgeId,
  getAssets,
  getAttachmentIndex,
  isAsset,
} from '../model';
import { type Size, nodeSize } from './measure';

export interface LayoutOptions extends LayoutSettings {
  /** Real rendered sizes where known; others are computed from the label. */
  sizeOf?: (node: MapNode) => Size | undefined;
}

export interface LayoutResult {
  positions: Record<string, Point>;
  routes: Record<string, Point[]>;
  width: number;
  height: number;
}

const ITEM_GAP = 8;
const INDENT = 24;
const COLUMN_GAP = 36;
const SPINE = 12;
const IMPROVEMENT_GAP = 18;

interface Placed {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
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
  direction: 'LR' | 'TB',
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
  // LR: the column hangs below the asset; TB: it stands to the right, so edges can leave from the bottom.
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
    const top = y;
    const item = place(node, columnX, { x: spineX, top: spineTop });
    if (node.kind !== 'weakness') continue;
    // Improvements of a weakness stand beside it, joined by a short straight tie: blocks stay short and wide,
    // which suits a landscape screen and page.
    const subs = index.get(node.id) ?? [];
    let subY = top;
    const subX = columnX + item.w + IMPROVEMENT_GAP;
    for (const sub of subs) {
      const s = size(sub);
      items.push({ id: sub.id, x: subX, y: subY, w: s.width, h: s.height });
      const cy = Math.min(top + Math.min(item.h, s.height) / 2, subY + Math.min(s.height / 2, 16));
      routes[attachmentEdgeId(sub.id)] =
        subY === top
          ? [{ x: columnX + item.w, y: cy }, { x: subX, y: cy }]
          : [{ x: columnX + item.w, y: top + item.h / 2 }, { x: subX - IMPROVEMENT_GAP / 2, y: top + item.h / 2 }, { x: subX - IMPROVEMENT_GAP / 2, y: subY + 14 }, { x: subX, y: subY + 14 }];
      subY += s.height + ITEM_GAP;
    }
    y = Math.max(y, subY);
  }
  let width = assetSize.width;
  let height = assetSize.height;
  for (const it of items) {
    width = Math.max(width, it.x + it.w);
    height = Math.max(height, it.y + it.h);
  }
  return { asset, width, height, items, routes, assetSize };
}

interface Component {
  blocks: Block[];
  /** Block positions (top-left) inside the component. */
  at: Map<string, Point>;
  routes: Record<string, Point[]>;
  width: number;
  height: number;
}

interface LinkEdge {
  id: string;
  /** The node the edge is drawn from (an asset, or a strength for "supports"). */
  from: string;
  to: string;
  fromAsset: string;
  toAsset: string;
}

function layoutComponent(blocks: Block[], links: LinkEdge[], settings: LayoutSettings, itemAt: Map<string, Placed>): Component {
  const at = new Map<string, Point>();
  const routes: Record<string, Point[]> = {};
  const byId = new Map(blocks.map((b) => [b.asset.id, b]));
  if (blocks.length === 1) {
    at.set(blocks[0]!.asset.id, { x: 0, y: 0 });
    return { blocks, at, routes, width: blocks[0]!.width, height: blocks[0]!.height };
  }
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({
    rankdir: settings.direction,
    nodesep: settings.spacing,
    ranksep: settings.spacing * 1.5,
    edgesep: 12,
    marginx: 0,
    marginy: 0,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const b of blocks) g.setNode(b.asset.id, { width: b.width, height: b.height });
  for (const e of links) g.setEdge(e.fromAsset, e.toAsset, { weight: 1, minlen: 1 }, e.id);
  dagre.layout(g);

  let width = 0;
  let height = 0;
  for (const b of blocks) {
    const n = g.node(b.asset.id);
    const p = { x: n.x! - b.width / 2, y: n.y! - b.height / 2 };
    at.set(b.asset.id, p);
    width = Math.max(width, p.x + b.width);
    height = Math.max(height, p.y + b.height);
  }
  for (const e of links) {
    const points = (g.edge({ v: e.fromAsset, w: e.toAsset, name: e.id }) as { points?: Point[] })?.points ?? [];
    const mid = points.slice(1, -1);
    const fromRect = rectOf(e.from, e.fromAsset, at, byId, itemAt);
    const toRect = rectOf(e.to, e.toAsset, at, byId, itemAt);
    if (!fromRect || !toRect) continue;
    routes[e.id] = routeBetween(fromRect, toRect, mid, settings.direction);
  }
  return { blocks, at, routes, width, height };
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const centre = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

function rectOf(id: string, assetId: string, at: Map<string, Point>, blocks: Map<string, Block>, itemAt: Map<string, Placed>): Rect | undefined {
  const origin = at.get(assetId);
  if (!origin) return undefined;
  if (id === assetId) {
    const b = blocks.get(assetId);
    return b && { x: origin.x, y: origin.y, w: b.assetSize.width, h: b.assetSize.height };
  }
  const it = itemAt.get(id);
  return it && { x: origin.x + it.x, y: origin.y + it.y, w: it.w, h: it.h };
}

/**
 * The drawn route of an edge between blocks. dagre routes between block centres, but an edge belongs to the
 * asset (or strength) inside the block: leave that node's facing side, run straight to the first point dagre
 * placed in the gap between ranks (gap ranks hold only edge points, never nodes), follow dagre's points, and
 * come back in the same way at the other end.
 */
function routeBetween(from: Rect, to: Rect, mid: Point[], direction: 'LR' | 'TB'): Point[] {
  const first = mid[0] ?? centre(to);
  const last = mid[mid.length - 1] ?? centre(from);
  const start = port(from, first, direction);
  const end = port(to, last, direction);
  if (mid.length === 0) return [start, end];
  const pts: Point[] =
    direction === 'LR'
      ? [start, { x: first.x, y: start.y }, ...mid, { x: last.x, y: end.y }, end]
      : [start, { x: start.x, y: first.y }, ...mid, { x: end.x, y: last.y }, end];
  return simplify(pts);
}

/** Drops repeated and collinear points. */
function simplify(pts: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of pts) {
    const a = out[out.length - 2];
    const b = out[out.length - 1];
    if (b && Math.abs(b.x - p.x) < 0.5 && Math.abs(b.y - p.y) < 0.5) continue;
    if (a && b && Math.abs((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) < 0.5) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** Where an edge leaves a node: the middle of the side that faces the next point of its route. */
function port(r: Rect, toward: Point, direction: 'LR' | 'TB'): Point {
  const c = centre(r);
  if (direction === 'LR') return { x: toward.x >= c.x ? r.x + r.w : r.x, y: c.y };
  return { x: c.x, y: toward.y >= c.y ? r.y + r.h : r.y };
}

/** Packs components in rows, largest first, aiming at a landscape page. */
function pack(components: Component[], gap: number): Point[] {
  const order = components.map((_, i) => i).sort((a, b) => components[b]!.height - components[a]!.height || a - b);
  const area = components.reduce((s, c) => s + (c.width + gap) * (c.height + gap), 0);
  const widest = Math.max(...components.map((c) => c.width));
  const rowWidth = Math.max(widest, Math.sqrt(area * 1.6));
  const out: Point[] = new Array(components.length);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const i of order) {
    const c = components[i]!;
    if (x > 0 && x + c.width > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    out[i] = { x, y };
    x += c.width + gap;
    rowHeight = Math.max(rowHeight, c.height);
  }
  return out;
}

export function layoutMap(doc: AssetMapDoc, options: LayoutOptions): LayoutResult {
  const settings: LayoutSettings = { direction: options.direction, spacing: options.spacing };
  const size = (n: MapNode) => options.sizeOf?.(n) ?? nodeSize(n);
  const index = getAttachmentIndex(doc);
  const assets = getAssets(doc);
  const blocks = new Map<string, Block>();
  const itemAt = new Map<string, Placed>();
  for (const a of assets) {
    const b = buildBlock(a, index, size, settings.direction);
    blocks.set(a.id, b);
    for (const it of b.items) itemAt.set(it.id, it);
  }

  // Edges between blocks, and connected components over them (union-find).
  const ownerOf = (id: string): string | undefined => {
    const n = doc.nodes[id];
    if (!n) return undefined;
    if (isAsset(n)) return n.id;
    return 'attachedTo' in n ? ownerOf(n.attachedTo) : undefined;
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
  for (const e of Object.values(doc.edges).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const fromAsset = ownerOf(e.source);
    const toAsset = ownerOf(e.target);
    if (!fromAsset || !toAsset || fromAsset === toAsset) continue;
    links.push({ id: e.id, from: e.source, to: e.target, fromAsset, toAsset });
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

  // Lone assets are grouped by kind, so that the packed rows read by category.
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
  const round = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });
  components.forEach((c, i) => {
    const off = offsets[i]!;
    width = Math.max(width, off.x + c.width);
    height = Math.max(height, off.y + c.height);
    for (const b of c.blocks) {
      const p = c.at.get(b.asset.id)!;
      const ox = off.x + p.x;
      const oy = off.y + p.y;
      positions[b.asset.id] = round({ x: ox, y: oy });
      for (const it of b.items) positions[it.id] = round({ x: ox + it.x, y: oy + it.y });
      for (const [key, pts] of Object.entries(b.routes)) routes[key] = pts.map((q) => round({ x: q.x + ox, y: q.y + oy }));
    }
    for (const [key, pts] of Object.entries(c.routes)) routes[key] = pts.map((q) => round({ x: q.x + off.x, y: q.y + off.y }));
  });
  return { positions, routes, width, height };
}
