/**
 * The edges a map draws, and their geometry (routes, their path data, arrowheads, clipping to a view), shared
 * by the map canvas, React Flow's SVG edges and the exported images.
 * Besides the document's relationship and "supports" edges, every strength, weakness and improvement is drawn
 * tied to what it belongs to.
 */
import { type AssetMapDoc, type MapNode, type Point, type TieStrength, attachmentEdgeId, isAttached } from '../model';

export type DrawnEdgeKind = 'strength' | 'weakness' | 'improvement' | 'relationship' | 'supports';

export interface DrawnEdge {
  id: string;
  kind: DrawnEdgeKind;
  source: string;
  target: string;
  tie?: TieStrength;
  label?: string;
}

/** Every edge to draw, in a stable order: attachments first (they sit under the others), then links. */
export function getDrawnEdges(doc: AssetMapDoc): DrawnEdge[] {
  const out: DrawnEdge[] = [];
  for (const node of Object.values(doc.nodes)) {
    if (!isAttached(node) || !doc.nodes[node.attachedTo]) continue;
    out.push({ id: attachmentEdgeId(node.id), kind: node.kind, source: node.attachedTo, target: node.id });
  }
  for (const edge of Object.values(doc.edges)) {
    if (!doc.nodes[edge.source] || !doc.nodes[edge.target]) continue;
    const e: DrawnEdge = { id: edge.id, kind: edge.kind, source: edge.source, target: edge.target };
    if (edge.tie) e.tie = edge.tie;
    if (edge.label) e.label = edge.label;
    out.push(e);
  }
  return out;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An SVG path through the points, with the corners rounded. */
export function routePath(points: Point[], radius = 10): string {
  if (points.length === 0) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M${f(points[0]!.x)},${f(points[0]!.y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!;
    const p = points[i]!;
    const next = points[i + 1]!;
    const inLen = Math.hypot(p.x - prev.x, p.y - prev.y);
    const outLen = Math.hypot(next.x - p.x, next.y - p.y);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    if (r < 0.5) {
      d += ` L${f(p.x)},${f(p.y)}`;
      continue;
    }
    const a = { x: p.x + ((prev.x - p.x) / inLen) * r, y: p.y + ((prev.y - p.y) / inLen) * r };
    const b = { x: p.x + ((next.x - p.x) / outLen) * r, y: p.y + ((next.y - p.y) / outLen) * r };
    d += ` L${f(a.x)},${f(a.y)} Q${f(p.x)},${f(p.y)} ${f(b.x)},${f(b.y)}`;
  }
  const last = points[points.length - 1]!;
  if (points.length > 1) d += ` L${f(last.x)},${f(last.y)}`;
  return d;
}

/**
 * The route of an edge that has none from the layout (after the user moved an end): from the side of one box
 * that faces the other, to the facing side of the other, as a smooth S-curve's control points.
 */
export function fallbackRoute(from: Box, to: Box, kind: DrawnEdgeKind): Point[] {
  const fc = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const tc = { x: to.x + to.width / 2, y: to.y + to.height / 2 };
  if (kind === 'strength' || kind === 'weakness' || kind === 'improvement') {
    // An item hangs from its owner: leave the owner's nearest side, enter the item's left (or right) side.
    const right = tc.x >= fc.x + from.width / 2;
    const start = right ? { x: from.x + from.width, y: fc.y } : { x: from.x + 16, y: from.y + from.height };
    const endX = to.x + (tc.x < start.x - 8 ? to.width : 0);
    const end = { x: endX, y: to.y + Math.min(to.height / 2, 16) };
    return right ? [start, { x: (start.x + end.x) / 2, y: start.y }, { x: (start.x + end.x) / 2, y: end.y }, end] : [start, { x: start.x, y: end.y }, end];
  }
  const dx = tc.x - fc.x;
  const dy = tc.y - fc.y;
  if (Math.abs(dx) * from.height >= Math.abs(dy) * from.width) {
    const s = { x: dx >= 0 ? from.x + from.width : from.x, y: fc.y };
    const e = { x: dx >= 0 ? to.x : to.x + to.width, y: tc.y };
    const mx = (s.x + e.x) / 2;
    return [s, { x: mx, y: s.y }, { x: mx, y: e.y }, e];
  }
  const s = { x: fc.x, y: dy >= 0 ? from.y + from.height : from.y };
  const e = { x: tc.x, y: dy >= 0 ? to.y : to.y + to.height };
  const my = (s.y + e.y) / 2;
  return [s, { x: s.x, y: my }, { x: e.x, y: my }, e];
}

/** Points of an edge: the stored route when it has one, else the fallback between the two boxes. */
export function edgePoints(doc: AssetMapDoc, edge: DrawnEdge, boxOf: (n: MapNode) => Box): Point[] | undefined {
  const route = doc.routes[edge.id];
  if (route && route.length >= 2) return route;
  const s = doc.nodes[edge.source];
  const t = doc.nodes[edge.target];
  if (!s || !t) return undefined;
  return fallbackRoute(boxOf(s), boxOf(t), edge.kind);
}

/** Where an edge's two ends stood when its route was made: [source x, source y, target x, target y]. */
export type RouteAnchor = readonly [number, number, number, number];

/**
 * Points of an edge as drawn now: its stored route while both ends are still where they were when the route
 * was made (`anchor`), else the fallback between the two boxes as they are now (an end being dragged, say).
 */
export function currentRoute(
  kind: DrawnEdgeKind,
  route: readonly Point[] | undefined,
  anchor: RouteAnchor | undefined,
  from: Box,
  to: Box,
): Point[] {
  if (route && route.length >= 2 && anchor && from.x === anchor[0] && from.y === anchor[1] && to.x === anchor[2] && to.y === anchor[3]) {
    return route as Point[];
  }
  return fallbackRoute(from, to, kind);
}

/** Where a route ends and the direction it arrives from (radians): the last distinct point before the tip. */
export interface RouteEnd {
  x: number;
  y: number;
  angle: number;
}

export function routeEnd(points: readonly Point[]): RouteEnd | undefined {
  const tip = points[points.length - 1];
  if (!tip) return undefined;
  for (let i = points.length - 2; i >= 0; i--) {
    const p = points[i]!;
    if (Math.hypot(tip.x - p.x, tip.y - p.y) >= 0.01) return { x: tip.x, y: tip.y, angle: Math.atan2(tip.y - p.y, tip.x - p.x) };
  }
  return undefined;
}

/** An arrowhead's corners, tip first: `length` long along the route's last direction, half as wide. */
export function arrowTriangle({ x, y, angle }: RouteEnd, length: number): [Point, Point, Point] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const half = length / 2;
  return [
    { x, y },
    { x: x - length * c + half * s, y: y - length * s - half * c },
    { x: x - length * c - half * s, y: y - length * s + half * c },
  ];
}

/** The box a polyline's points span. */
export function pointsBounds(points: readonly Point[]): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    if (p.x < x0) x0 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.x > x1) x1 = p.x;
    if (p.y > y1) y1 = p.y;
  }
  return { x0, y0, x1, y1 };
}

/** The last of `boxes` (the one drawn on top) that contains the point, or undefined. */
export function boxAt<T extends Box>(boxes: readonly T[], p: Point): T | undefined {
  for (let i = boxes.length - 1; i >= 0; i--) {
    const b = boxes[i]!;
    if (p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height) return b;
  }
  return undefined;
}

/** A stretch of a polyline inside a rectangle, and how far along the whole polyline it starts. */
export interface ClippedRun {
  points: Point[];
  start: number;
}

/**
 * The parts of a polyline inside the rectangle [x0, x1] × [y0, y1] (Liang–Barsky, segment by segment), with
 * the distance along the polyline at which each part starts: a dashed line drawn part by part from that offset
 * keeps its dashes where they were.
 */
export function clipPolyline(points: readonly Point[], r: { x0: number; y0: number; x1: number; y1: number }): ClippedRun[] {
  const runs: ClippedRun[] = [];
  let run: ClippedRun | null = null;
  let along = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    let t0 = 0;
    let t1 = 1;
    let inside = true;
    for (const [p, q] of [
      [-dx, a.x - r.x0],
      [dx, r.x1 - a.x],
      [-dy, a.y - r.y0],
      [dy, r.y1 - a.y],
    ] as const) {
      if (p === 0) {
        if (q < 0) inside = false;
      } else {
        const t = q / p;
        if (p < 0) t0 = Math.max(t0, t);
        else t1 = Math.min(t1, t);
      }
    }
    if (inside && t0 <= t1) {
      const from = { x: a.x + t0 * dx, y: a.y + t0 * dy };
      const to = { x: a.x + t1 * dx, y: a.y + t1 * dy };
      if (run && t0 === 0) run.points.push(to);
      else runs.push((run = { points: [from, to], start: along + t0 * len }));
      if (t1 < 1) run = null;
    } else {
      run = null;
    }
    along += len;
  }
  return runs;
}

/** A cubic Bézier as a polyline of `steps` segments. */
export function flattenCubic(p0: Point, p1: Point, p2: Point, p3: Point, steps = 24): Point[] {
  const out: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    out.push({ x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y });
  }
  return out;
}

/**
 * Below this many screen pixels a dash pattern's period is drawn as a solid line. Above it dashes still tell
 * the edges apart at the zooms where labels are read (the dotted "Improves" down to 40%); below it, far out on
 * a large map, they are a tenth of a pixel each, invisible and costly to stroke.
 */
const MIN_DASH_PERIOD = 2;

/** The dash pattern in flow units when its dashes are big enough on screen at zoom `k`, else undefined. */
export function dashOnScreen(dash: string | undefined, k: number): number[] | undefined {
  if (!dash) return undefined;
  const parts = dash.split(' ').map(Number);
  const period = parts.reduce((a, b) => a + b, 0);
  return period * k >= MIN_DASH_PERIOD ? parts : undefined;
}

/** The share of a dashed line that is ink: "6 4" is 0.6. */
export function dashInk(dash: string): number {
  const parts = dash.split(' ').map(Number);
  const on = parts.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0);
  const period = parts.reduce((a, b) => a + b, 0);
  return period > 0 ? on / period : 1;
}
