/**
 * What an exported image shows around the map: a title block (the map's title and a date) and a legend that
 * names, in words, every kind of node and edge the image contains. Both wrap to the image's width.
 */
import type { NodeKind, TieStrength } from '../../model';
import { type DrawnEdgeKind, EDGE_STYLES, KIND_STYLES, TIE_WIDTHS, textWidth, wrapText } from '../../layout';
import { num } from './svgGeometry';
import { NOTE, iconSvg } from './svgNodes';
import { type TextTarget, alignedLine, isRtl } from './svgText';

export const TITLE = { fontSize: 20, lineHeight: 26, dateSize: 12, dateHeight: 18, maxLines: 3, ink: '#0f172a', muted: '#475569' } as const;

export interface Block {
  height: number;
  /** The block's SVG with its top-left corner at (x, y). */
  draw: (x: number, y: number) => string;
}

export function titleBlock(title: string, date: string, width: number, target: TextTarget): Block {
  const lines = wrapText(title || 'Untitled map', width, TITLE.fontSize, TITLE.maxLines);
  const rtl = isRtl(title);
  const height = lines.length * TITLE.lineHeight + TITLE.dateHeight;
  return {
    height,
    draw: (x, y) => {
      const out = lines.map((line, i) =>
        alignedLine(line, { left: x, right: x + width, baseline: y + (i + 0.8) * TITLE.lineHeight }, `font-size="${TITLE.fontSize}" font-weight="bold" fill="${TITLE.ink}"`, rtl, target),
      );
      const dateAttrs = `font-size="${TITLE.dateSize}" fill="${TITLE.muted}"`;
      out.push(alignedLine(date, { left: x, right: x + width, baseline: y + lines.length * TITLE.lineHeight + 13 }, dateAttrs, rtl, target));
      return out.join('');
    },
  };
}

export type LegendEdge = { kind: Exclude<DrawnEdgeKind, 'relationship'> } | { kind: 'relationship'; tie: TieStrength };

const LEGEND = { fontSize: 12, rowHeight: 22, swatch: 28, gap: 6, spacing: 18, pad: 10, heading: 20, ink: '#334155' } as const;

function nodeSwatch(kind: NodeKind, x: number, y: number): string {
  const style = KIND_STYLES[kind];
  const fill = kind === 'improvement' ? NOTE.fill : style.fill;
  const border = kind === 'improvement' ? NOTE.border : style.accent;
  const r = kind === 'improvement' ? 1 : kind === 'strength' || kind === 'weakness' ? 3 : 5;
  return (
    `<rect x="${num(x + 0.75)}" y="${num(y + 0.75)}" width="${LEGEND.swatch - 1.5}" height="16.5" rx="${r}" fill="${fill}" stroke="${border}" stroke-width="1.5"/>` +
    iconSvg(style.icon, x + 8, y + 3, 12, style.accent)
  );
}

function edgeSwatch(e: LegendEdge, x: number, y: number): string {
  const style = EDGE_STYLES[e.kind];
  const width = e.kind === 'relationship' ? TIE_WIDTHS[e.tie] : style.width;
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  const cap = e.kind === 'improvement' ? ' stroke-linecap="round"' : '';
  const end = e.kind === 'supports' ? LEGEND.swatch - 8 : LEGEND.swatch;
  let out = `<path d="M${num(x)},${num(y + 9)} H${num(x + end)}" stroke="${style.stroke}" stroke-width="${width}" fill="none"${dash}${cap}/>`;
  if (e.kind === 'supports') out += `<path d="M${num(x + LEGEND.swatch)},${num(y + 9)} l-9,-4.5 v9 Z" fill="${style.stroke}"/>`;
  return out;
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
      const out = [
        `<rect x="${num(bx + 0.5)}" y="${num(by + 0.5)}" width="${num(width - 1)}" height="${num(height - 1)}" rx="8" fill="#ffffff" stroke="#e2e8f0"/>`,
        `<text x="${num(bx + LEGEND.pad)}" y="${num(by + LEGEND.pad + 13)}" font-size="${LEGEND.fontSize}" font-weight="bold" fill="${TITLE.ink}">Legend</text>`,
      ];
      for (const p of placed) {
        const ex = bx + LEGEND.pad + p.x;
        const ey = by + LEGEND.pad + LEGEND.heading + p.row * LEGEND.rowHeight;
        out.push(p.entry.swatch(ex, ey));
        out.push(`<text x="${num(ex + LEGEND.swatch + LEGEND.gap)}" y="${num(ey + 13)}" font-size="${LEGEND.fontSize}" fill="${LEGEND.ink}">${p.entry.name}</text>`);
      }
      return out.join('');
    },
  };
}
