/**
 * Geometry for the SVG exporter: node boxes at the size the canvas draws them, the bounds of a map, where an
 * edge's label sits. Numbers are written with one decimal to keep files small.
 */
import type { AssetMapDoc, MapNode, Point } from '../../model';
import { type Box, type DrawnEdge, edgePoints, pointsBounds } from '../../look/edges';
import { labelLines, sizeForLines } from '../../look/measure';

/** A number for an attribute: at most one decimal, never "-0". */
export const num = (n: number): string => String(Math.round(n * 10) / 10 || 0);

function nodeBox(node: MapNode, lines = labelLines(node)): Box {
  const s = sizeForLines(node.kind, lines.length);
  return { x: node.x, y: node.y, width: s.width, height: s.height };
}

/** A node's wrapped label lines and its box, measured once per node and reused by edges, bounds and drawing. */
export function boxCache(): ((node: MapNode) => Box) & { linesOf: (node: MapNode) => string[] } {
  const boxes = new Map<string, Box>();
  const lines = new Map<string, string[]>();
  const linesOf = (node: MapNode) => {
    let l = lines.get(node.id);
    if (!l) lines.set(node.id, (l = labelLines(node)));
    return l;
  };
  const boxOf = (node: MapNode) => {
    let b = boxes.get(node.id);
    if (!b) boxes.set(node.id, (b = nodeBox(node, linesOf(node))));
    return b;
  };
  return Object.assign(boxOf, { linesOf });
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function pointsBox(points: Point[]): Box {
  const b = pointsBounds(points);
  return { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 };
}

/** The point halfway along a polyline, where the canvas puts an edge's label. */
export function midpoint(points: Point[]): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len >= left && len > 0) return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}

export interface EdgeGeometry {
  edge: DrawnEdge;
  points: Point[];
}

/** Every drawn edge with its route, as the canvas computes it. */
export function edgeGeometry(doc: AssetMapDoc, edges: DrawnEdge[], boxOf: (n: MapNode) => Box): EdgeGeometry[] {
  const out: EdgeGeometry[] = [];
  for (const edge of edges) {
    const points = edgePoints(doc, edge, boxOf);
    if (points && points.length >= 2) out.push({ edge, points });
  }
  return out;
}
