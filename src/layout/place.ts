/**
 * Where a new node goes: in free space near what it belongs to, without moving anything the user arranged.
 */
import { type AssetMapDoc, type MapNode, type NodeKind, type Point, getAttachmentIndex, isAsset } from '../model';
import { type Size, nodeSize } from '../look/measure';

const GAP = 12;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;

export interface PlaceRequest {
  kind: NodeKind;
  label: string;
  /** The node it will be attached to, for strengths, weaknesses and improvements. */
  attachedTo?: string;
  /** Where to look first for a new asset (e.g. the centre of the view). */
  near?: Point;
}

export function placeNew(
  doc: AssetMapDoc,
  req: PlaceRequest,
  sizeOf: (n: MapNode) => Size = nodeSize,
  reserved: Rect[] = [],
): Point {
  const size = nodeSize({ kind: req.kind, label: req.label });
  const rects: Rect[] = [...reserved];
  for (const n of Object.values(doc.nodes)) {
    const s = sizeOf(n);
    rects.push({ x: n.x, y: n.y, w: s.width, h: s.height });
  }
  const isFree = (p: Point) => {
    const r = { x: p.x, y: p.y, w: size.width, h: size.height };
    return !rects.some((o) => overlaps(r, o));
  };

  const parent = req.attachedTo ? doc.nodes[req.attachedTo] : undefined;
  if (parent) {
    // Below the last item attached to it (or below the parent itself), indented, then further down.
    const siblings = getAttachmentIndex(doc).get(parent.id) ?? [];
    const indent = isAsset(parent) && doc.layout.direction === 'TB' ? sizeOf(parent).width + 36 : 24;
    const last = siblings.reduce<MapNode>((low, s) => (s.y > low.y ? s : low), parent);
    const start: Point =
      last === parent ? { x: parent.x + indent, y: parent.y + sizeOf(parent).height + 14 } : { x: last.x, y: last.y + sizeOf(last).height + 8 };
    if (isAsset(parent) && doc.layout.direction === 'TB' && last === parent) start.y = parent.y;
    for (let i = 0; i < 400; i++) {
      // Down the column first, then columns further right.
      const p = { x: start.x + Math.floor(i / 40) * (size.width + GAP * 2), y: start.y + (i % 40) * 20 };
      if (isFree(p)) return p;
    }
    return start;
  }

  const centre = req.near ?? { x: 0, y: 0 };
  const origin = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
  if (isFree(origin)) return origin;
  // Rings of candidates around the centre, nearest first.
  for (let ring = 1; ring < 60; ring++) {
    const step = 40;
    for (let k = -ring; k <= ring; k++) {
      for (const [dx, dy] of [
        [k, -ring],
        [k, ring],
        [-ring, k],
        [ring, k],
      ] as const) {
        const p = { x: origin.x + dx * step * 2, y: origin.y + dy * step };
        if (isFree(p)) return p;
      }
    }
  }
  return origin;
}
