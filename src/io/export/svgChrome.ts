/**
 * What an exported image shows around the map: a title block (the map's title and a date) and a legend that
 * names, in words, every kind of node and edge the image contains. Both wrap to the image's width.
 */
import type { NodeKind, TieStrength } from '../../model';
import { type DrawnEdgeKind } from '../../look/edges';
import { EDGE_STYLES, KIND_STYLES } from '../../look/theme';
import { edgeStroke } from '../../look/edgeStroke';
import { type Corners, nodeLook } from '../../look/nodeLook';
import { textWidth, wrapText } from '../../look/measure';
import type { Mark } from './scene';
import { num } from './svgGeometry';
import { arrowPath, markStroke } from './svgEdges';
import { cardMark, icon } from './svgNodes';
import { alignedLine, isRtl } from './svgText';

export const TITLE = { fontSize: 20, lineHeight: 26, dateSize: 12, dateHeight: 18, maxLines: 3, ink: '#0f172a', muted: '#475569' } as const;

export interface Block {
  height: number;
  /** The block's marks with its top-left corner at (x, y). */
  draw: (x: number, y: number) => Mark[];
}

export function titleBlock(title: string, date: string, width: number): Block {
  const lines = wrapText(title || 'Untitled map', width, TITLE.fontSize, TITLE.maxLines);
  const rtl = isRtl(title);
  const height = lines.length * TITLE.lineHeight + TITLE.dateHeight;
  return {
    height,
    draw: (x, y) => {
      const out = lines.map((line, i) =>
        alignedLine(line, { left: x, right: x + width, baseline: y + (i + 0.8) * TITLE.lineHeight }, { size: TITLE.fontSize, bold: true, fill: TITLE.ink }, rtl),
      );
      out.push(alignedLine(date, { left: x, right: x + width, baseline: y + lines.length * TITLE.lineHeight + 13 }, { size: TITLE.dateSize, fill: TITLE.muted }, rtl));
      return out;
    },
  };
}

export type LegendEdge = { kind: Exclude<DrawnEdgeKind, 'relationship'> } | { kind: 'relationship'; tie: TieStrength };

const LEGEND = { fontSize: 12, rowHeight: 22, swatch: 28, gap: 6, spacing: 18, pad: 10, heading: 20, ink: '#334155' } as const;

/** A small card of the kind's look (corners halved, as the card is), with its icon. */
function nodeSwatch(kind: NodeKind, x: number, y: number): Mark[] {
  const look = nodeLook(kind);
  const half = look.corners.map((r) => r / 2) as unknown as Corners;
  const stroke = { colour: look.border, width: 1.5 };
  return [cardMark({ x: x + 0.75, y: y + 0.75, width: LEGEND.swatch - 1.5, height: 16.5 }, half, look.fill, stroke), icon(KIND_STYLES[kind].icon, x + 8, y + 3, 12, look.border)];
}

/** A line of the edge's look, with its arrowhead for "supports". */
function edgeSwatch(e: LegendEdge, x: number, y: number): Mark[] {
  const look = edgeStroke(e);
  const marks: Mark[] = [{ type: 'path', d: `M${num(x)},${num(y + 9)} H${num(x + LEGEND.swatch)}`, stroke: markStroke(look) }];
  if (look.arrow) {
    const head = arrowPath([{ x, y: y + 9 }, { x: x + LEGEND.swatch, y: y + 9 }], look.width);
    if (head) marks.push({ type: 'path', d: head, fill: look.colour });
  }
  return marks;
}

function edgeName(e: LegendEdge): string {
  return e.kind === 'relationship' ? `${EDGE_STYLES.relationship.name} (${e.tie} tie)` : EDGE_STYLES[e.kind].name;
}

/** The legend for the given kinds, flowed into rows no wider than `width`. */
export function legendBlock(kinds: NodeKind[], edges: LegendEdge[], width: number): Block {
  const entries = [
    ...kinds.map((k) => ({ name: KIND_STYLES[k].name, swatch: (x: number, y: number) => nodeSwatch(k, x, y) })),
    ...edges.map((e) => ({ name: edgeName(e), swatch: (x: number, y: number) => edgeSwatch(e, x, y) })),
  ];
  const placed: { x: number; row: number; entry: (typeof entries)[number] }[] = [];
  const inner = width - 2 * LEGEND.pad;
  let x = 0;
  let row = 0;
  for (const entry of entries) {
    const w = LEGEND.swatch + LEGEND.gap + textWidth(entry.name, LEGEND.fontSize);
    if (x > 0 && x + w > inner) {
      x = 0;
      row++;
    }
    placed.push({ x, row, entry });
    x += w + LEGEND.spacing;
  }
  const rows = entries.length ? row + 1 : 0;
  const height = LEGEND.pad * 2 + LEGEND.heading + rows * LEGEND.rowHeight;
  return {
    height,
    draw: (bx, by) => {
      const text = { size: LEGEND.fontSize, fill: LEGEND.ink };
      const out: Mark[] = [
        { type: 'rect', x: bx + 0.5, y: by + 0.5, width: width - 1, height: height - 1, r: 8, fill: '#ffffff', stroke: { colour: '#e2e8f0' } },
        { type: 'text', text: 'Legend', x: bx + LEGEND.pad, y: by + LEGEND.pad + 13, align: 'start', rtl: false, ...text, bold: true, fill: TITLE.ink },
      ];
      for (const p of placed) {
        const ex = bx + LEGEND.pad + p.x;
        const ey = by + LEGEND.pad + LEGEND.heading + p.row * LEGEND.rowHeight;
        out.push(...p.entry.swatch(ex, ey));
        out.push({ type: 'text', text: p.entry.name, x: ex + LEGEND.swatch + LEGEND.gap, y: ey + 13, align: 'start', rtl: false, ...text });
      }
      return out;
    },
  };
}
