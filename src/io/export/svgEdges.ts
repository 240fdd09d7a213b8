/**
 * Edges as marks along the same routes as the canvas (`edgePoints` + `routePath`), stroked as the map canvas
 * strokes them (`edgeStroke`): strengths green and solid, weaknesses red and dashed, improvements in short dashes,
 * relationships as wide as their tie (weak ties dashed), "supports" dashed with an arrowhead at the target.
 * Labels sit at the route's midpoint in a white pill.
 */
import { arrowTriangle, routeEnd, routePath } from '../../look/edges';
import { type EdgeStroke, arrowLength, edgeStroke } from '../../look/edgeStroke';
import { textWidth, wrapText } from '../../look/measure';
import type { Mark, Stroke } from './scene';
import { type EdgeGeometry, midpoint, num } from './svgGeometry';
import { centredLine } from './svgText';

export const EDGE_LABEL = { fontSize: 11, height: 18, padX: 7, maxWidth: 220, ink: '#334155', border: '#cbd5e1' } as const;

export function edgeWidth(e: EdgeGeometry['edge']): number {
  return edgeStroke(e).width;
}

/** Marks' strokes by look: thousands of edges share a handful (a large map's drawing is otherwise mostly garbage). */
const strokes = new Map<EdgeStroke, Stroke>();

/** The edge's stroke as a mark's: butt caps are SVG's and the canvas's default, so they go unsaid. */
export function markStroke(look: EdgeStroke): Stroke {
  let stroke = strokes.get(look);
  if (!stroke) {
    stroke = { colour: look.colour, width: look.width, join: look.join };
    if (look.dash) stroke.dash = look.dash;
    strokes.set(look, stroke);
  }
  return stroke;
}

/** A filled arrowhead at the route's end, as the canvas draws it, for a line `width` wide. */
export function arrowPath(points: EdgeGeometry['points'], width: number): string | undefined {
  const end = routeEnd(points);
  if (!end) return undefined;
  const [a, b, c] = arrowTriangle(end, arrowLength(width));
  return `M${num(a.x)},${num(a.y)} L${num(b.x)},${num(b.y)} L${num(c.x)},${num(c.y)}Z`;
}

/** The edge's marks, added to `out`. */
export function edgeMarks({ edge, points }: EdgeGeometry, out: Mark[]): void {
  const look = edgeStroke(edge);
  out.push({ type: 'path', d: routePath(points), stroke: markStroke(look) });
  if (look.arrow) {
    const head = arrowPath(points, look.width);
    if (head) out.push({ type: 'path', d: head, fill: look.colour });
  }
}

/** The label's text, cut to one line, and its pill's size. */
export function edgeLabelLayout(label: string): { text: string; width: number; height: number } {
  const text = wrapText(label, EDGE_LABEL.maxWidth, EDGE_LABEL.fontSize, 1)[0] ?? '';
  return { text, width: textWidth(text, EDGE_LABEL.fontSize) + 2 * EDGE_LABEL.padX, height: EDGE_LABEL.height };
}

/** The label's pill and line, added to `out` (nothing for an edge without a label). */
export function edgeLabelMarks({ edge, points }: EdgeGeometry, out: Mark[]): void {
  if (!edge.label || !edge.label.trim()) return;
  const { text, width, height } = edgeLabelLayout(edge.label);
  const c = midpoint(points);
  out.push(
    { type: 'rect', x: c.x - width / 2, y: c.y - height / 2, width, height, r: height / 2, fill: '#ffffff', stroke: PILL_BORDER },
    centredLine(text, c.x, c.y + EDGE_LABEL.fontSize * 0.35, LABEL_TEXT),
  );
}

const PILL_BORDER: Stroke = { colour: EDGE_LABEL.border };
const LABEL_TEXT = { size: EDGE_LABEL.fontSize, fill: EDGE_LABEL.ink };
