/**
 * Asset blocks: an asset and what hangs off it (strengths, weaknesses, improvements), laid out once in the
 * block's own coordinates, so that the map layout moves whole blocks and never a single item.
 *
 * LR: the items hang in a column below the asset; TB: the column stands to the right of the asset, so that
 * links can leave the asset from its bottom. Improvements of a weakness hang under it, one step further in.
 * Tree connectors (the spine and a short tie to each item) stay inside the block, where no link goes.
 */
import { type AssetNode, type AttachedNode, type LayoutDirection, type MapNode, type Point, attachmentEdgeId } from '../model';
import { pointsBounds } from '../look/edges';
import type { Size } from '../look/measure';

export const ITEM_GAP = 8;
export const INDENT = 24;
export const COLUMN_GAP = 36;
export const SPINE = 12;
/** How far outside its block a route runs when it must pass the item column (TB items, links inside a block). */
export const SIDE_STEP = 10;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Placed extends Rect {
  id: string;
}

/** A laid-out asset block in its own coordinates (asset at 0,0). */
export interface Block {
  asset: AssetNode;
  width: number;
  height: number;
  items: Placed[];
  /** Routes of the block's attachment edges, in block coordinates. */
  routes: Record<string, Point[]>;
  assetSize: Size;
  /** The asset's left side in the block: 0, or, in a mirrored block, what the items stick out past it. */
  assetAt: number;
  /** Drawn mirrored left to right (mirrorBlock). */
  mirrored: boolean;
}

export function buildBlock(
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
  return { asset, width, height, items, routes, assetSize, assetAt: 0, mirrored: false };
}

/**
 * The block mirrored left to right: items hang below the asset's right end, the tree connectors on the right.
 * For an LR block whose links leave to the left (a turned band, engines/layered/), so they leave away from the
 * connectors instead of across them.
 */
export function mirrorBlock(b: Block): Block {
  const flip = (p: Point) => ({ x: b.width - p.x, y: p.y });
  return {
    ...b,
    assetAt: b.width - b.assetSize.width,
    mirrored: true,
    items: b.items.map((it) => ({ ...it, x: b.width - it.x - it.w })),
    routes: Object.fromEntries(Object.entries(b.routes).map(([key, pts]) => [key, pts.map(flip)])),
  };
}

/** The box that placed blocks (by their assets' top-left corners in `at`) and routes span. */
export function extentOf(
  blocks: readonly Block[],
  at: ReadonlyMap<string, Point>,
  routes: Readonly<Record<string, readonly Point[]>>,
): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of blocks) {
    const p = at.get(b.asset.id)!;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + b.width);
    maxY = Math.max(maxY, p.y + b.height);
  }
  const r = routesBounds(routes);
  return { minX: Math.min(minX, r.x0), minY: Math.min(minY, r.y0), maxX: Math.max(maxX, r.x1), maxY: Math.max(maxY, r.y1) };
}

/** The box every point of every route lies in (infinitely empty when there are none). */
export function routesBounds(routes: Readonly<Record<string, readonly Point[]>>): { x0: number; y0: number; x1: number; y1: number } {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const pts of Object.values(routes)) {
    const b = pointsBounds(pts);
    box.x0 = Math.min(box.x0, b.x0);
    box.y0 = Math.min(box.y0, b.y0);
    box.x1 = Math.max(box.x1, b.x1);
    box.y1 = Math.max(box.y1, b.y1);
  }
  return box;
}
