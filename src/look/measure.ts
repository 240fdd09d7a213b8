/**
 * Text and node metrics shared by the canvas, the layout and the SVG exporter, so that the three agree without
 * a DOM: labels are wrapped here into lines, and every node's size follows from its line count.
 * Widths are estimated for the system sans-serif font and lean wide, so real text fits the box.
 */
import type { MapNode, NodeKind } from '../model';

export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/*
 * Advance widths at 1px font size. Lower case, upper case and digits follow DejaVu Sans, the widest of the
 * common system sans-serif faces (Segoe UI, Roboto and Helvetica are narrower), so estimates err on the wide side.
 */
const LOWER = [0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525];
const UPPER = [0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787, 0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685];
const PUNCT: Record<string, number> = { ' ': 0.318, '.': 0.318, ',': 0.318, ':': 0.337, ';': 0.337, '-': 0.361, "'": 0.275, '"': 0.46, '(': 0.39, ')': 0.39, '/': 0.337, '&': 0.78, '!': 0.4, '?': 0.531, '|': 0.337, '·': 0.318 };

function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c < 128 || c === 0xb7) {
    if (c >= 97 && c <= 122) return LOWER[c - 97]!;
    if (c >= 65 && c <= 90) return UPPER[c - 65]!;
    if (c >= 48 && c <= 57) return 0.636;
    return PUNCT[ch] ?? 0.7;
  }
  if (c >= 0x0300 && c <= 0x036f) return 0; // combining marks
  if (c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e))
    return 0; // joiners, variation selectors, direction marks
  if (c >= 0x00c0 && c <= 0x024f) return 0.68; // accented Latin
  if (c >= 0x0590 && c <= 0x06ff) return 0.6; // Hebrew, Arabic
  if (c >= 0x1100 && c <= 0xffdc) return c >= 0x2e80 ? 1.0 : 0.7; // CJK is full width
  if (c >= 0x1f000) return 1.3; // emoji
  return 0.7;
}

/** Bold text is about a tenth wider. */
const BOLD = 1.12;

export function textWidth(text: string, fontSize: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w * fontSize * (bold ? BOLD : 1);
}

/**
 * Wraps text into lines no wider than maxWidth, breaking at spaces and, for over-long words, anywhere.
 * At most maxLines lines; a cut text ends with an ellipsis.
 * Each character is measured once as the line grows (widths are summed left to right, as `textWidth` does).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number, bold = false): string[] {
  const scale = (w: number) => w * fontSize * (bold ? BOLD : 1);
  const space = charWidth(' ');
  const lines: string[] = [];
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  let line = '';
  /** The unscaled width of `line`. */
  let lineW = 0;
  let truncated = false;
  const push = (l: string) => {
    if (lines.length >= maxLines) truncated = true;
    else lines.push(l);
  };
  for (const word of words) {
    if (truncated) break;
    let w = line ? lineW + space : 0;
    for (const ch of word) w += charWidth(ch);
    if (scale(w) <= maxWidth) {
      line = line ? `${line} ${word}` : word;
      lineW = w;
      continue;
    }
    if (line) push(line);
    line = '';
    // A word longer than a line is cut into pieces.
    let rest = word;
    while (!truncated && textWidth(rest, fontSize, bold) > maxWidth) {
      let cut = 0;
      let cw = 0;
      const chars = [...rest];
      const k = fontSize * (bold ? BOLD : 1);
      while (cut < chars.length && cw + charWidth(chars[cut]!) * k <= maxWidth) cw += charWidth(chars[cut++]!) * k;
      cut = Math.max(cut, 1);
      push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    line = rest;
    lineW = 0;
    for (const ch of rest) lineW += charWidth(ch);
  }
  if (line && !truncated) push(line);
  if (truncated && lines.length) {
    let last = lines[lines.length - 1]!;
    while (last && textWidth(last + '…', fontSize, bold) > maxWidth) last = [...last].slice(0, -1).join('');
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
  bold: boolean;
}

const ASSET_METRICS: NodeMetrics = { width: 220, fontSize: 14, lineHeight: 18, maxLines: 4, padY: 8, padX: 12, headerHeight: 18, bold: true };
const ITEM_METRICS: NodeMetrics = { width: 196, fontSize: 12, lineHeight: 16, maxLines: 5, padY: 6, padX: 10, headerHeight: 15, bold: false };

export function metricsFor(kind: NodeKind): NodeMetrics {
  return kind === 'strength' || kind === 'weakness' || kind === 'improvement' ? ITEM_METRICS : ASSET_METRICS;
}

export interface Size {
  width: number;
  height: number;
}

/**
 * Label lines by label text, one table per metrics: a layout moves every node (new node objects, same labels),
 * and a map of thousands of nodes is drawn again after it without measuring a label twice. Cleared when full.
 */
const LINES_KEPT = 50_000;
const linesByLabel = new Map<NodeMetrics, Map<string, string[]>>();

/** A node's label as drawn, in lines. The array is shared: read it, never change it. */
export function labelLines(node: Pick<MapNode, 'kind' | 'label'>): string[] {
  const m = metricsFor(node.kind);
  let table = linesByLabel.get(m);
  if (!table) linesByLabel.set(m, (table = new Map()));
  let lines = table.get(node.label);
  if (!lines) {
    if (table.size >= LINES_KEPT) table.clear();
    lines = wrapText(node.label || ' ', m.width - 2 * m.padX, m.fontSize, m.maxLines, m.bold);
    table.set(node.label, lines);
  }
  return lines;
}

/** The size a node is drawn at, on the canvas and in exports. */
export function nodeSize(node: Pick<MapNode, 'kind' | 'label'>): Size {
  return sizeForLines(node.kind, labelLines(node).length);
}

/** The size of a node of this kind whose label takes `lines` lines (for callers that have the lines already). */
export function sizeForLines(kind: NodeKind, lines: number): Size {
  const m = metricsFor(kind);
  return { width: m.width, height: Math.ceil(m.padY * 2 + m.headerHeight + lines * m.lineHeight) };
}
