/**
 * Nodes as marks, drawn as the canvas draws them: the same size (`nodeSize`), the same wrapped lines
 * (`labelLines`), the same colours and icons (`KIND_STYLES`). Assets are rounded cards with a 2px border;
 * strengths and weaknesses smaller cards; improvements sticky notes with a folded corner.
 * Borders are drawn inside the box, as CSS's border-box does on the canvas.
 */
import { headerWords } from '../../analysis/header';
import type { MapNode, NodeKind } from '../../model';
import { type Box } from '../../look/edges';
import { KIND_STYLES } from '../../look/theme';
import { labelLines, metricsFor, textWidth } from '../../look/measure';
import { type GroupMark, type Mark, type PathMark, type Stroke, group } from './scene';
import { num } from './svgGeometry';
import { alignedLine, isRtl } from './svgText';

/** Note colours of improvement annotations. */
export const NOTE = { fill: '#fef9c3', border: '#ca8a04', fold: '#fde68a' } as const;

const FOLD = 12;

/**
 * The header line (icon and kind in words) is the same for every node of a kind, so it is drawn once as a shared
 * drawing and each node refers to it with a `use` mark: a third of an SVG file for large maps.
 */
export class HeaderDefs {
  private readonly shared = new Map<string, Mark[]>();
  /** One `use` mark per header, shared by the nodes that show it. */
  private readonly uses = new Map<string, Mark>();

  /** The node's header, added to `out`: a `use` of the shared drawing. */
  headerFor(node: MapNode, out: Mark[]): void {
    // Statuses are checked when a file opens; anything else is drawn as written but never makes a new id.
    // One drawing per distinct header: kind plus status or areas (words the app makes, never user text).
    const words = headerWords(node);
    const id = `assetmap-h-${node.kind}-${words.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    let marks = this.shared.get(id);
    if (!marks) this.shared.set(id, (marks = headerMarks(node, words)));
    let use = this.uses.get(id);
    if (!use) this.uses.set(id, (use = { type: 'use', id }));
    out.push(use);
  }

  /** Every header used, by id, for the scene. */
  toShared(): Map<string, Mark[]> {
    return this.shared;
  }
}

function headerMarks(node: MapNode, words: string): Mark[] {
  const style = KIND_STYLES[node.kind];
  const m = metricsFor(node.kind);
  const item = isItem(node.kind);
  const iconSize = item ? 12 : 14;
  const size = item ? 10 : 10.5;
  const baseline = m.padY + m.headerHeight / 2 + size * 0.36;
  const x = m.padX + iconSize + 5;
  // Cut with an ellipsis where it would run past the card (or into the note's folded corner), as on the canvas.
  const room = m.width - x - (node.kind === 'improvement' ? FOLD + 2 : m.padX);
  return [
    icon(style.icon, m.padX, m.padY + (m.headerHeight - iconSize) / 2, iconSize, style.accent),
    // The status is checked when a file opens, but it is still document data: a text mark, escaped like a label.
    { type: 'text', text: fitLine(words.toUpperCase(), room, size, HEADER_SPACING), x, y: baseline, align: 'start', rtl: false, size, bold: true, spacing: HEADER_SPACING, fill: style.accent },
  ];
}

const HEADER_SPACING = 0.5;

/**
 * The header on one line no wider than `room`, with its letter spacing, ending in an ellipsis when cut. Its bold
 * capitals are measured at 5% over the width table's regular widths, not its bold ones (12% over), which err
 * wide for these: Chromium draws "STRENGTH · EXPERTISE" at 10 px 130 px wide, estimated so at 133, and would
 * cut headers that fit.
 */
export function fitLine(text: string, room: number, size: number, spacing: number): string {
  const width = (t: string) => textWidth(t, size) * 1.05 + spacing * [...t].length;
  if (width(text) <= room) return text;
  const chars = [...text];
  while (chars.length && width(`${chars.join('').trimEnd()}…`) > room) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

const isItem = (kind: NodeKind) => kind === 'strength' || kind === 'weakness' || kind === 'improvement';

/** An icon from its 24-unit path, `size` px wide, top-left at (x, y). */
export function icon(path: string, x: number, y: number, size: number, colour: string): PathMark {
  const scale = Math.round((size / 24) * 1000) / 1000;
  return { type: 'path', d: path, at: { x, y, scale }, stroke: { colour, width: 2, cap: 'round', join: 'round' } };
}

const NOTE_BORDER: Stroke = { colour: NOTE.border, width: 1.5, join: 'round' };
const borders = new Map<NodeKind, Stroke>();

/** The node's card (or note), added to `out`. */
function shape(node: MapNode, w: number, h: number, out: Mark[]): void {
  if (node.kind === 'improvement') {
    const i = 0.75;
    out.push(
      { type: 'path', d: `M${i},${i} H${num(w - FOLD)} L${num(w - i)},${FOLD} V${num(h - i)} H${i} Z`, fill: NOTE.fill, stroke: NOTE_BORDER },
      { type: 'path', d: `M${num(w - FOLD)},${i} V${FOLD} H${num(w - i)} Z`, fill: NOTE.fold, stroke: NOTE_BORDER },
    );
    return;
  }
  const style = KIND_STYLES[node.kind];
  const asset = node.kind !== 'strength' && node.kind !== 'weakness';
  const width = asset ? 2 : 1.5;
  let stroke = borders.get(node.kind);
  if (!stroke) borders.set(node.kind, (stroke = { colour: style.accent, width }));
  out.push({ type: 'rect', x: width / 2, y: width / 2, width: w - width, height: h - width, r: asset ? 10 : 6, fill: style.fill, stroke });
}

/** One node, translated to its position. */
export function nodeMarks(node: MapNode, box: Box, headers: HeaderDefs, lines = labelLines(node)): GroupMark {
  const style = KIND_STYLES[node.kind];
  const m = metricsFor(node.kind);
  const marks: Mark[] = [];
  shape(node, box.width, box.height, marks);
  headers.headerFor(node, marks);
  const rtl = isRtl(node.label);
  const text = { size: m.fontSize, bold: !isItem(node.kind), fill: style.ink };
  const right = box.width - m.padX;
  lines.forEach((line, i) => {
    const baseline = m.padY + m.headerHeight + (i + 0.8) * m.lineHeight;
    marks.push(alignedLine(line, { left: m.padX, right, baseline }, text, rtl));
  });
  return group(box.x, box.y, marks);
}
