/**
 * Edges as SVG along the same routes as the canvas (`edgePoints` + `routePath`), styled from `EDGE_STYLES`:
 * strengths green and solid, weaknesses red and dashed, improvements dotted, relationships as wide as their tie,
 * "supports" dashed with an arrowhead at the target. Labels sit at the route's midpoint in a white pill.
 */
import { EDGE_STYLES, TIE_WIDTHS, routePath, textWidth, wrapText } from '../../layout';
import { type EdgeGeometry, arrowHead, midpoint, num } from './svgGeometry';
import { type TextTarget, centredLine } from './svgText';

export const EDGE_LABEL = { fontSize: 11, height: 18, padX: 7, maxWidth: 220, ink: '#334155', border: '#cbd5e1' } as const;

export function edgeWidth(e: EdgeGeometry['edge']): number {
  // A tie the theme does not know (a hand-edited file) is drawn as a regular one.
  return e.kind === 'relationship' ? (TIE_WIDTHS[e.tie ?? 'regular'] ?? TIE_WIDTHS.regular) : EDGE_STYLES[e.kind].width;
}

export function edgeSvg({ edge, points }: EdgeGeometry): string {
  const style = EDGE_STYLES[edge.kind];
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  // Round caps turn the short dashes of improvements into dots, as on the canvas.
  const cap = edge.kind === 'improvement' ? ' stroke-linecap="round"' : '';
  let out = `<path d="${routePath(points)}" fill="none" stroke="${style.stroke}" stroke-width="${edgeWidth(edge)}"${dash}${cap}/>`;
  if (edge.kind === 'supports') {
    const head = arrowHead(points);
    if (head) out += `<path d="${head}" fill="${style.stroke}"/>`;
  }
  return out;
}

/** The label's text, cut to one line, and its pill's size. */
export function edgeLabelLayout(label: string): { text: string; width: number; height: number } {
  const text = wrapText(label, EDGE_LABEL.maxWidth, EDGE_LABEL.fontSize, 1)[0] ?? '';
  return { text, width: textWidth(text, EDGE_LABEL.fontSize) + 2 * EDGE_LABEL.padX, height: EDGE_LABEL.height };
}

export function edgeLabelSvg({ edge, points }: EdgeGeometry, target: TextTarget): string {
  if (!edge.label || !edge.label.trim()) return '';
  const { text, width, height } = edgeLabelLayout(edge.label);
  const c = midpoint(points);
  const pill = `<rect x="${num(c.x - width / 2)}" y="${num(c.y - height / 2)}" width="${num(width)}" height="${height}" rx="${height / 2}" fill="#ffffff" stroke="${EDGE_LABEL.border}"/>`;
  const attrs = `font-size="${EDGE_LABEL.fontSize}" fill="${EDGE_LABEL.ink}"`;
  return pill + centredLine(text, c.x, c.y + EDGE_LABEL.fontSize * 0.35, attrs, target);
}
