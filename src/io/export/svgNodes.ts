/**
 * Nodes as marks, drawn as the screen draws them: the same size (`nodeSize`), the same wrapped lines
 * (`labelLines`), the same card (`nodeLook`: colours, border, corners) and icons. Assets are rounded cards with
 * a 2px border; strengths and weaknesses smaller cards; improvements notes with a turned top-right corner.
 * Borders are drawn inside the box, as CSS's border-box does on the screen.
 */
import { headerWords } from '../../analysis/header';
import type { MapNode, NodeKind } from '../../model';
import { type Box } from '../../look/edges';
import { KIND_STYLES } from '../../look/theme';
import { labelLines, metricsFor, textWidth } from '../../look/measure';
import { type Corners, nodeLook } from '../../look/nodeLook';
import { type GroupMark, type Mark, type PathMark, type RectMark, type Stroke, group } from './scene';
import { num } from './svgGeometry';
import { alignedLine, isRtl } from './svgText';

/** Room the header leaves at a note's turned top-right corner. */
const NOTE_CORNER = 12;

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
  const room = m.width - x - (node.kind === 'improvement' ? NOTE_CORNER + 2 : m.padX);
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

/**
 * A card with the given corner radii: a rectangle when they are all the same (the short form in SVG), else a path
 * whose corners are circular arcs.
 */
export function cardMark(box: Box, corners: Corners, fill: string, stroke: Stroke): RectMark | PathMark {
  const [tl, tr, br, bl] = corners;
  const { x, y, width: w, height: h } = box;
  if (tl === tr && tr === br && br === bl) return { type: 'rect', x, y, width: w, height: h, r: tl, fill, stroke };
  const arc = (r: number, ex: number, ey: number) => (r ? ` A${num(r)},${num(r)} 0 0 1 ${num(ex)},${num(ey)}` : '');
  const d =
    `M${num(x + tl)},${num(y)} H${num(x + w - tr)}${arc(tr, x + w, y + tr)} V${num(y + h - br)}${arc(br, x + w - br, y + h)}` +
    ` H${num(x + bl)}${arc(bl, x, y + h - bl)} V${num(y + tl)}${arc(tl, x + tl, y)} Z`;
  return { type: 'path', d, fill, stroke };
}

/** Card borders by kind: one stroke object each, shared by every node of the kind. */
const borders = new Map<NodeKind, Stroke>();

/** The node's card as the screen draws it (nodeLook): its border inside the box, as CSS's border-box does. */
function shape(node: MapNode, w: number, h: number, out: Mark[]): void {
  const look = nodeLook(node.kind);
  const bw = look.borderWidth;
  let stroke = borders.get(node.kind);
  if (!stroke) borders.set(node.kind, (stroke = { colour: look.border, width: bw }));
  out.push(cardMark({ x: bw / 2, y: bw / 2, width: w - bw, height: h - bw }, look.corners, look.fill, stroke));
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
