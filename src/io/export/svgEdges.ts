/**
 * Edges as marks along the same routes as the canvas (`edgePoints` + `routePath`), styled from `EDGE_STYLES`:
 * strengths green and solid, weaknesses red and dashed, improvements dotted, relationships as wide as their tie,
 * "supports" dashed with an arrowhead at the target. Labels sit at the route's midpoint in a white pill.
 */
import { EDGE_STYLES, TIE_WIDTHS } from '../../look/theme';
import { routePath } from '../../look/edges';
import { textWidth, wrapText } from '../../look/measure';
import type { Mark, Stroke } from './scene';
import { type EdgeGeometry, arrowHead, midpoint } from './svgGeometry';
import { centredLine } from './svgText';

export const EDGE_LABEL = { fontSize: 11, height: 18, padX: 7, maxWidth: 220, ink: '#334155', border: '#cbd5e1' } as const;

export function edgeWidth(e: EdgeGeometry['edge']): number {
  // A tie the theme does not know (a hand-edited file) is drawn as a regular one.
  return e.kind === 'relationship' ? (TIE_WIDTHS[e.tie ?? 'regular'] ?? TIE_WIDTHS.regular) : EDGE_STYLES[e.kind].width;
}

/** Strokes by look: thousands of edges share a handful (a large map's drawing is otherwise mostly garbage). */
const strokes = new Map<string, Stroke>();

function strokeOf(edge: EdgeGeometry['edge']): Stroke {
  const width = edgeWidth(edge);
  const key = `${edge.kind} ${width}`;
  let stroke = strokes.get(key);
  if (!stroke) {
    const style = EDGE_STYLES[edge.kind];
    stroke = { colour: style.stroke, width };
    if (style.dash) stroke.dash = style.dash;
    // Round caps turn the short dashes of improvements into dots, as on the canvas.
    if (edge.kind === 'improvement') stroke.cap = 'round';
    strokes.set(key, stroke);
  }
  return stroke;
}

/** The edge's marks, added to `out`. */
export function edgeMarks({ edge, points }: EdgeGeometry, out: Mark[]): void {
  out.push({ type: 'path', d: routePath(points), stroke: strokeOf(edge) });
  if (edge.kind === 'supports') {
    const head = arrowHead(points);
    if (head) out.push({ type: 'path', d: head, fill: EDGE_STYLES.supports.stroke });
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
