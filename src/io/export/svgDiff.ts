/**
 * A comparison drawn on the exported map, as the app draws it on the canvas: items added outlined green, changed
 * ones amber, moved ones (when few) dashed grey, each with its word in a tag above it (never colour alone), and
 * the items the map no longer has as grey dashed ghosts where they stood, tagged "Removed". Marks only (scene.ts),
 * so the SVG, the PNG and the PDF draw the same.
 */
import type { Box } from '../../look/edges';
import { type AssetMapDoc, type ChangeStatus, MOVES_MARKED, type MapDiff, type MapNode, isAsset } from '../../model';
import type { Mark, TextMark } from './scene';
import { cardMark } from './svgNodes';
import { num } from './svgGeometry';
import { isRtl, labelLine } from './svgText';

export interface DiffDrawing {
  /** Items of the map drawn that were added, changed or (when few) moved. */
  marks: Record<string, ChangeStatus>;
  /** Items the map drawn does not have, where they stood. */
  ghosts: MapNode[];
}

type Items = Pick<AssetMapDoc, 'nodes' | 'edges'>;

/** What a comparison puts on the later map, `now`. */
export function diffDrawing(diff: MapDiff, now: Items): DiffDrawing {
  const marks: Record<string, ChangeStatus> = {};
  const ghosts: MapNode[] = [];
  const markMoves = diff.counts.moved <= MOVES_MARKED;
  for (const c of diff.nodes) {
    if (c.status === 'moved' && !markMoves) continue;
    if (c.status !== 'removed' && Object.hasOwn(now.nodes, c.id)) marks[c.id] = c.status;
    else if (c.before) ghosts.push(c.before);
  }
  return { marks, ghosts };
}

const COLOURS: Record<ChangeStatus, string> = { added: '#15803d', changed: '#b45309', moved: '#64748b', removed: '#64748b' };
const WORDS: Record<ChangeStatus, string> = { added: 'Added', changed: 'Changed', moved: 'Moved', removed: 'Removed' };
const TAG = { size: 11, height: 17, padX: 6, charWidth: 6.6 };
const GHOST_INK = '#475569';

/** A rounded rectangle's outline, unfilled: a path, which every painter strokes without filling. */
function roundedOutline({ x, y, width: w, height: h }: Box, r: number): string {
  const arc = (ex: number, ey: number) => ` A${num(r)},${num(r)} 0 0 1 ${num(ex)},${num(ey)}`;
  return (
    `M${num(x + r)},${num(y)} H${num(x + w - r)}${arc(x + w, y + r)} V${num(y + h - r)}${arc(x + w - r, y + h)}` +
    ` H${num(x + r)}${arc(x, y + h - r)} V${num(y + r)}${arc(x + r, y)} Z`
  );
}

/** A word tag above a box's top-left corner: white on the change's colour. */
function tag(status: ChangeStatus, box: Box): Mark[] {
  const word = WORDS[status];
  const width = Math.ceil(word.length * TAG.charWidth + 2 * TAG.padX);
  const y = box.y - TAG.height - 4;
  const text: TextMark = { type: 'text', text: word, x: box.x + TAG.padX, y: y + 12.5, align: 'start', rtl: false, size: TAG.size, bold: true, fill: '#ffffff' };
  return [{ type: 'rect', x: box.x, y, width, height: TAG.height, r: 4, fill: COLOURS[status] }, text];
}

/** The marks over the map's nodes (drawn after them), and the ghosts (drawn with them). */
export function diffMarks(drawing: DiffDrawing, nodes: Record<string, MapNode>, boxOf: ((n: MapNode) => Box) & { linesOf: (n: MapNode) => string[] }): { over: Mark[]; ghosts: Mark[] } {
  const over: Mark[] = [];
  for (const [id, status] of Object.entries(drawing.marks)) {
    const node = nodes[id];
    if (!node) continue;
    const b = boxOf(node);
    const outline = { x: b.x - 4, y: b.y - 4, width: b.width + 8, height: b.height + 8 };
    const r = isAsset(node) ? 14 : 10;
    const stroke = { colour: COLOURS[status], width: status === 'moved' ? 2 : 3, ...(status === 'moved' ? { dash: '6 4' } : {}) };
    over.push({ type: 'path', d: roundedOutline(outline, r), stroke }, ...tag(status, outline));
  }
  const ghosts: Mark[] = [];
  for (const node of drawing.ghosts) {
    const b = boxOf(node);
    const r = isAsset(node) ? 10 : 6;
    ghosts.push(cardMark(b, [r, r, r, r], '#f8fafc', { colour: '#94a3b8', width: 2, dash: '6 4' }));
    const lines = boxOf.linesOf(node);
    const rtl = isRtl(node.label);
    const size = isAsset(node) ? 14 : 12;
    lines.forEach((line, i) => {
      ghosts.push(labelLine(line, { left: b.x + 12, right: b.x + b.width - 12, baseline: b.y + 24 + i * (size + 4) }, { size, fill: GHOST_INK }, rtl));
    });
    ghosts.push(...tag('removed', b));
  }
  return { over, ghosts };
}
