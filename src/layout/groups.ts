/**
 * Groups in the layout: each group is laid out on its own (its members' blocks and the links among them, by the
 * same stages as a map), then stands in the map's layout as one block the size of its frame, so that its members
 * stay together and frames never overlap. A collapsed group stands as its card; its contents are laid out all
 * the same, inside where its frame will be when it opens.
 *
 * Links between a member and something outside its group run to the group's block; their routes leave from the
 * member itself. A route whose ends the layered engine moved (a block drawn turned) is dropped, and the edge is
 * then drawn as a curve between its ends.
 */
import { type AssetMapDoc, type AssetNode, type MapNode, type Point, getGroupContents, getGroupMembers } from '../model';
import { FRAME_INSET, FRAME_PAD, collapsedLook } from '../look/groups';
import type { Size } from '../look/measure';
import type { Block, Placed, Rect } from './blocks';
import type { LinkEdge } from './engines';

/** A drawing under way (layoutMap's): positions and routes, and its size. */
interface Drawing {
  positions: Record<string, Point>;
  routes: Record<string, Point[]>;
  width: number;
  height: number;
}

/** A group laid out on its own, content at its frame's inside. */
export interface GroupUnit {
  /** The block's id in the map's layout (never an asset's: ids never hold a NUL). */
  key: string;
  /** Members and what hangs off them, placed with their frame's top-left corner at 0,0. */
  positions: Record<string, Point>;
  routes: Record<string, Point[]>;
  block: Block;
  /** Each content node's rectangle in the block (the whole card when collapsed): where links to it leave from. */
  rects: Map<string, Rect>;
}

/** What the map's layout lays out once the groups are blocks of their own. */
export interface GroupStage {
  /** Assets in no group, and a stand-in asset for each group. */
  units: AssetNode[];
  links: LinkEdge[];
  groups: GroupUnit[];
  /** Unit of each asset in a group: its group's key. */
  unitOf: Map<string, string>;
}

export type LayoutContent = (assets: readonly AssetNode[], links: readonly LinkEdge[]) => Drawing;

export const groupKey = (id: string) => `\u0000group:${id}`;

/**
 * Lays out each group's content with `layOut` (the map's own stages) and makes it a block; the links among a
 * group's members stay inside it, the others run between units.
 */
export function groupStage(
  doc: AssetMapDoc,
  assets: readonly AssetNode[],
  between: readonly LinkEdge[],
  size: (n: MapNode) => Size,
  layOut: LayoutContent,
): GroupStage {
  const members = getGroupMembers(doc);
  const unitOf = new Map<string, string>();
  for (const [gid, list] of members) for (const a of list) unitOf.set(a.id, groupKey(gid));
  const inside = new Map<string, LinkEdge[]>();
  const links: LinkEdge[] = [];
  for (const l of between) {
    const a = unitOf.get(l.fromAsset);
    const b = unitOf.get(l.toAsset);
    if (a && a === b) {
      let list = inside.get(a);
      if (!list) inside.set(a, (list = []));
      list.push(l);
    } else links.push({ ...l, fromAsset: a ?? l.fromAsset, toAsset: b ?? l.toAsset });
  }
  const groups: GroupUnit[] = [];
  const units: AssetNode[] = [];
  const standIns = new Map<string, AssetNode>();
  for (const a of assets) {
    const key = unitOf.get(a.id);
    if (!key) {
      units.push(a);
      continue;
    }
    if (standIns.has(key)) continue;
    const gid = a.group!;
    const group = doc.groups![gid]!;
    const list = members.get(gid)!;
    const drawing = layOut(list, inside.get(key) ?? []);
    const contents = getGroupContents(doc, list);
    const unit = frameUnit(key, drawing, contents, doc, size, group.collapsed ? collapsedLook(group.name) : undefined);
    // The stand-in sorts as its first member does (components of lone blocks are packed by kind).
    const standIn: AssetNode = { id: key, kind: a.kind, label: group.name, x: 0, y: 0, order: a.order };
    unit.block.asset = standIn;
    standIns.set(key, standIn);
    units.push(standIn);
    groups.push(unit);
  }
  return { units, links, groups, unitOf };
}

/** A group's drawing moved inside its frame, and the block that frame makes. */
function frameUnit(key: string, d: Drawing, contents: readonly string[], doc: AssetMapDoc, size: (n: MapNode) => Size, card?: Size): GroupUnit {
  // The frame is drawn around the nodes (look/groups.ts), so the nodes' box, not the routes', sets its inside.
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const sizes = new Map<string, Size>();
  for (const id of contents) {
    const p = d.positions[id];
    if (!p) continue;
    const s = size(doc.nodes[id]!);
    sizes.set(id, s);
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + s.width);
    y1 = Math.max(y1, p.y + s.height);
  }
  const dx = FRAME_INSET.x - x0;
  const dy = FRAME_INSET.y - y0;
  const positions: Record<string, Point> = {};
  for (const [id, p] of Object.entries(d.positions)) positions[id] = { x: p.x + dx, y: p.y + dy };
  const routes: Record<string, Point[]> = {};
  for (const [id, pts] of Object.entries(d.routes)) routes[id] = pts.map((q) => ({ x: q.x + dx, y: q.y + dy }));
  const width = card ? card.width : Math.ceil(x1 - x0 + 2 * FRAME_PAD);
  const height = card ? card.height : Math.ceil(y1 - y0 + FRAME_INSET.y + FRAME_PAD);
  const rects = new Map<string, Rect>();
  for (const [id, s] of sizes) {
    const p = positions[id]!;
    rects.set(id, card ? { x: 0, y: 0, w: width, h: height } : { x: p.x, y: p.y, w: s.width, h: s.height });
  }
  const block: Block = {
    asset: undefined as unknown as AssetNode,
    width,
    height,
    items: [],
    routes: {},
    assetSize: { width, height },
    assetAt: 0,
    mirrored: false,
  };
  return { key, positions, routes, block, rects };
}

/** The blocks and item places the map's layout works with: those of ungrouped assets, and each group's. */
export function unitBlocks(stage: GroupStage, blocks: ReadonlyMap<string, Block>, itemAt: ReadonlyMap<string, Placed>): { blocks: Map<string, Block>; itemAt: Map<string, Placed> } {
  const outBlocks = new Map<string, Block>();
  const outItems = new Map<string, Placed>();
  for (const u of stage.units) {
    const b = blocks.get(u.id);
    if (!b) continue;
    outBlocks.set(u.id, b);
    for (const it of b.items) outItems.set(it.id, itemAt.get(it.id) ?? it);
  }
  for (const g of stage.groups) {
    outBlocks.set(g.key, g.block);
    for (const [id, r] of g.rects) outItems.set(id, { id, ...r });
  }
  return { blocks: outBlocks, itemAt: outItems };
}

/**
 * Each group's content at its block's place in the drawing; the stand-ins' own places go. Routes of links to a
 * group's member that do not end on it (a block the engine turned) are dropped.
 */
export function placeGroups(d: Drawing, stage: GroupStage, sizeOf: (id: string) => Size | undefined): void {
  const rects = new Map<string, Rect>();
  for (const g of stage.groups) {
    const at = d.positions[g.key];
    delete d.positions[g.key];
    if (!at) continue;
    for (const [id, p] of Object.entries(g.positions)) d.positions[id] = { x: p.x + at.x, y: p.y + at.y };
    for (const [id, pts] of Object.entries(g.routes)) d.routes[id] = pts.map((q) => ({ x: q.x + at.x, y: q.y + at.y }));
    for (const [id, r] of g.rects) rects.set(id, { x: r.x + at.x, y: r.y + at.y, w: r.w, h: r.h });
  }
  const rectOf = (id: string): Rect | undefined => {
    const r = rects.get(id);
    if (r) return r;
    const p = d.positions[id];
    const s = sizeOf(id);
    return p && s ? { x: p.x, y: p.y, w: s.width, h: s.height } : undefined;
  };
  const near = (p: Point | undefined, r: Rect | undefined) => !!p && !!r && p.x >= r.x - 1 && p.x <= r.x + r.w + 1 && p.y >= r.y - 1 && p.y <= r.y + r.h + 1;
  for (const l of stage.links) {
    if (!stage.unitOf.has(l.from) && !stage.unitOf.has(l.to) && !rects.has(l.from) && !rects.has(l.to)) continue;
    const route = d.routes[l.id];
    if (route && !(near(route[0], rectOf(l.from)) && near(route[route.length - 1], rectOf(l.to)))) delete d.routes[l.id];
  }
}
