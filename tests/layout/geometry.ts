/**
 * Checks shared by the layout tests: node rectangles of a layout, and whether routes start and end on their
 * nodes and keep out of every other node.
 */
import type { AssetMapDoc, Point } from '../../src/model';
import { nodeSize } from '../../src/look/measure';
import type { LayoutResult } from '../../src/layout/layoutMap';
import { getDrawnEdges } from '../../src/look/edges';

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boxesOf(doc: AssetMapDoc, result: LayoutResult): Box[] {
  return Object.values(doc.nodes).map((n) => ({ id: n.id, ...result.positions[n.id]!, ...nodeSize(n) }));
}

/** Whether p lies on the border of b, within tol pixels. */
export function isOnBorder(p: Point, b: Box, tol = 1): boolean {
  const inside = (m: number) => p.x > b.x - m && p.x < b.x + b.width + m && p.y > b.y - m && p.y < b.y + b.height + m;
  return inside(tol) && !inside(-tol);
}

/** A lookup of boxes by area, so that sampling long routes against thousands of nodes stays quick. */
export class BoxGrid {
  private cells = new Map<string, Box[]>();
  constructor(
    boxes: Box[],
    private size = 256,
  ) {
    for (const b of boxes) {
      for (let cx = Math.floor(b.x / size); cx <= Math.floor((b.x + b.width) / size); cx++) {
        for (let cy = Math.floor(b.y / size); cy <= Math.floor((b.y + b.height) / size); cy++) {
          const key = `${cx},${cy}`;
          const list = this.cells.get(key);
          if (list) list.push(b);
          else this.cells.set(key, [b]);
        }
      }
    }
  }
  /** Boxes whose inside (1px in from the border) contains p. */
  at(p: Point): Box[] {
    const list = this.cells.get(`${Math.floor(p.x / this.size)},${Math.floor(p.y / this.size)}`) ?? [];
    return list.filter((b) => p.x > b.x + 1 && p.x < b.x + b.width - 1 && p.y > b.y + 1 && p.y < b.y + b.height - 1);
  }
}

export interface RouteProblem {
  edge: string;
  problem: string;
}

/**
 * Every drawn edge must have a route that starts on its source's border and ends on its target's; link routes
 * (relationships, "supports") must not pass through any node but their ends, sampled every 3px.
 */
export function checkRoutes(doc: AssetMapDoc, result: LayoutResult): RouteProblem[] {
  const boxes = boxesOf(doc, result);
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const grid = new BoxGrid(boxes);
  const problems: RouteProblem[] = [];
  for (const edge of getDrawnEdges(doc)) {
    const route = result.routes[edge.id];
    if (!route || route.length < 2) {
      problems.push({ edge: edge.id, problem: 'no route' });
      continue;
    }
    if (!isOnBorder(route[0]!, byId.get(edge.source)!)) problems.push({ edge: edge.id, problem: `starts off ${edge.source}` });
    if (!isOnBorder(route[route.length - 1]!, byId.get(edge.target)!)) problems.push({ edge: edge.id, problem: `ends off ${edge.target}` });
    if (edge.kind !== 'relationship' && edge.kind !== 'supports') continue;
    const hit = new Set<string>();
    for (let i = 1; i < route.length; i++) {
      const a = route[i - 1]!;
      const b = route[i]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 3));
      for (let k = 0; k <= steps; k++) {
        const p = { x: a.x + ((b.x - a.x) * k) / steps, y: a.y + ((b.y - a.y) * k) / steps };
        for (const box of grid.at(p)) if (box.id !== edge.source && box.id !== edge.target) hit.add(box.id);
      }
    }
    for (const id of hit) problems.push({ edge: edge.id, problem: `passes through ${id}` });
  }
  return problems;
}
