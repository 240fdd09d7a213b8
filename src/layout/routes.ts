/**
 * Route pieces shared by both ways of laying out a component (dagre for small ones, engines/layered/ for large
 * ones): where a link leaves a node, the way out of a block towards a rank's side, links inside one block, and
 * tidying a polyline.
 *
 * Coordinates are those of the component being laid out. A block may be drawn turned half a turn there (the
 * layered engine folds a long drawing into bands, every other one turned round): its items then sit mirrored
 * in both axes inside its rectangle, and a TB item's way out runs beside the block on the other side.
 */
import type { Point } from '../model';
import { type Block, type Placed, type Rect, SIDE_STEP } from './blocks';

/** Where things are, for building routes: a node's rectangle and its block's, and whether the block is turned. */
export interface Geometry {
  rectOf(id: string, assetId: string): Rect | undefined;
  blockRect(assetId: string): Rect;
  turned?(assetId: string): boolean;
}

export const at2 = (lr: boolean, alongRank: number, cross: number): Point => (lr ? { x: alongRank, y: cross } : { x: cross, y: alongRank });

/** The x beside a TB block where its items' routes run: right of it, or left when the block is turned. */
function besideX(geo: Geometry, assetId: string): number {
  const side = geo.blockRect(assetId);
  return geo.turned?.(assetId) ? side.x - SIDE_STEP : side.x + side.w + SIDE_STEP;
}

/** The cross-axis coordinate (y in LR, x in TB) at which a link leaves a node for a bracket. */
export function portCross(geo: Geometry, id: string, assetId: string, lr: boolean): number {
  const r = geo.rectOf(id, assetId)!;
  if (lr) return r.y + r.h / 2;
  if (id === assetId) return r.x + r.w / 2;
  return besideX(geo, assetId);
}

/**
 * The way out of a node towards the far side of its rank (or, with `entering`, the near side), as points from
 * the node's port to the rank-axis coordinate `until`. Ports are the middle of the side that faces the way:
 * right or left in LR, bottom or top in TB. An item of a TB block has other items below it, so its way steps
 * out beside the block first and runs down (or up) beside it.
 */
export function leave(geo: Geometry, id: string, assetId: string, until: number, lr: boolean, entering = false): Point[] | undefined {
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
  const x = besideX(geo, assetId);
  const y = r.y + r.h / 2;
  const turned = geo.turned?.(assetId) ?? false;
  return [{ x: turned ? r.x : r.x + r.w, y }, { x, y }, { x, y: until }];
}

/**
 * A link between two nodes of one block: a bracket outside the block's right side (and over its top in TB),
 * or its left side for a mirrored block, whose connectors stand on the right.
 */
export function innerRoute(from: Rect, fromIsAsset: boolean, to: Rect, toIsAsset: boolean, block: Rect, lr: boolean, mirrored = false): Point[] {
  const x = mirrored ? block.x - SIDE_STEP : block.x + block.w + SIDE_STEP;
  const sideOf = (r: Rect, isAsset: boolean): Point[] => {
    if (mirrored) return [{ x: r.x, y: r.y + r.h / 2 }, { x, y: r.y + r.h / 2 }];
    if (lr || !isAsset) return [{ x: r.x + r.w, y: r.y + r.h / 2 }, { x, y: r.y + r.h / 2 }];
    // The asset of a TB block: its right side faces the item column, so go over the top.
    const top = block.y - SIDE_STEP;
    return [{ x: r.x + r.w / 2, y: r.y }, { x: r.x + r.w / 2, y: top }, { x, y: top }];
  };
  return simplify([...sideOf(from, fromIsAsset), ...sideOf(to, toIsAsset).reverse()]);
}

/** Drops repeated points and the middle one of three in a straight line. */
export function simplify(points: Point[]): Point[] {
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

/** A node's rectangle, from its block's top-left corner and its place in the block. */
export const rectOf = (id: string, assetId: string, at: Map<string, Point>, blocks: Map<string, Block>, itemAt: Map<string, Placed>): Rect | undefined => {
  const origin = at.get(assetId);
  if (!origin) return undefined;
  if (id === assetId) {
    const b = blocks.get(assetId);
    return b && { x: origin.x + b.assetAt, y: origin.y, w: b.assetSize.width, h: b.assetSize.height };
  }
  const it = itemAt.get(id);
  return it && { x: origin.x + it.x, y: origin.y + it.y, w: it.w, h: it.h };
};
