/**
 * Text and node metrics shared by the canvas, the layout and the SVG exporter, so that the three agree without
 * a DOM: labels are wrapped here into lines, and every node's size follows from its line count.
 * Widths are estimated for the system sans-serif font and lean wide, so real text fits the box.
 */
import type { MapNode, NodeKind } from '../model';

export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/** Width of one character at 1px font size, for a typical sans-serif. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c < 128) {
    if (ch === ' ') return 0.28;
    if ('iljI.,:;|!\'`()[]{}'.includes(ch)) return 0.3;
    if ('ftr-'.includes(ch)) return 0.38;
    if ('mwMW'.includes(ch)) return 0.92;
    if (ch >= 'A' && ch <= 'Z') return 0.7;
    if (ch >= '0' && ch <= '9') return 0.58;
    return 0.58;
  }
  if (c >= 0x0300 && c <= 0x036f) return 0; // combining marks
  if (c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e))
    return 0; // joiners, variation selectors, direction marks
  if (c >= 0x0590 && c <= 0x06ff) return 0.55; // Hebrew, Arabic
  if (c >= 0x1100 && c <= 0xffdc) return c >= 0x2e80 ? 1.0 : 0.65; // CJK is full width
  if (c >= 0x1f000) return 1.25; // emoji
  return 0.65;
}

export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w * fontSize;
}

/**
 * Wraps text into lines no wider than maxWidth, breaking at spaces and, for over-long words, anywhere.
 * At most maxLines lines; a cut text ends with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  let line = '';
  let truncated = false;
  const push = (l: string) => {
    if (lines.length >= maxLines) truncated = true;
    else lines.push(l);
  };
  for (const word of words) {
    if (truncated) break;
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) push(line);
    line = '';
    // A word longer than a line is cut into pieces.
    let rest = word;
    while (!truncated && textWidth(rest, fontSize) > maxWidth) {
      let cut = 0;
      let w = 0;
      const chars = [...rest];
      while (cut < chars.length && w + charWidth(chars[cut]!) * fontSize <= maxWidth) w += charWidth(chars[cut++]!) * fontSize;
      cut = Math.max(cut, 1);
      push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    line = rest;
  }
  if (line && !truncated) push(line);
  if (truncated && lines.length) {
    let last = lines[lines.length - 1]!;
    while (last && textWidth(last + '…', fontSize) > maxWidth) last = [...last].slice(0, -1).join('');
    lines[lines.length - 1] = last + '…';
  }
  return lines.length ? lines : [''];
}

export interface NodeMetrics {
  width: number;
  fontSize: number;
  lineHeight: number;
  maxLines: number;
  /** Padding above the header and below the label. */
  padY: number;
  padX: number;
  /** The header line: kind in words (and status, areas). */
  headerHeight: number;
}

const ASSET_METRICS: NodeMetrics = { width: 220, fontSize: 14, lineHeight: 18, maxLines: 4, padY: 8, padX: 12, headerHeight: 18 };
const ITEM_METRICS: NodeMetrics = { width: 196, fontSize: 12, lineHeight: 16, maxLines: 5, padY: 6, padX: 10, headerHeight: 15 };

export function metricsFor(kind: NodeKind): NodeMetrics {
  return kind === 'strength' || kind === 'weakness' || kind === 'improvement' ? ITEM_METRICS : ASSET_METRICS;
}

export interface Size {
  width: number;
  height: number;
}

export function labelLines(node: Pick<MapNode, 'kind' | 'label'>): string[] {
  const m = metricsFor(node.kind);
  return wrapText(node.label || ' ', m.width - 2 * m.padX, m.fontSize, m.maxLines);
}

/** The size a node is drawn at, on the canvas and in exports. */
export function nodeSize(node: Pick<MapNode, 'kind' | 'label'>): Size {
  const m = metricsFor(node.kind);
  const lines = labelLines(node).length;
  return { width: m.width, height: Math.ceil(m.padY * 2 + m.headerHeight + lines * m.lineHeight) };
}
