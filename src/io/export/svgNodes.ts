/**
 * Nodes as SVG, drawn as the canvas draws them: the same size (`nodeSize`), the same wrapped lines
 * (`labelLines`), the same colours and icons (`KIND_STYLES`). Assets are rounded cards with a 2px border;
 * strengths and weaknesses smaller cards; improvements sticky notes with a folded corner.
 * Borders are drawn inside the box, as CSS's border-box does on the canvas.
 */
import { headerWords } from '../../analysis';
import type { MapNode } from '../../model';
import { type Box, KIND_STYLES, labelLines, metricsFor } from '../../layout';
import { num } from './svgGeometry';
import { type TextTarget, alignedLine, isRtl } from './svgText';
import { xmlText } from './xmlText';

/** Note colours of improvement annotations. */
export const NOTE = { fill: '#fef9c3', border: '#ca8a04', fold: '#fde68a' } as const;

const FOLD = 12;

/**
 * The header line (icon and kind in words) is the same for every node of a kind, so it is drawn once in <defs>
 * and each node refers to it with <use>: a third of the file for large maps. svg2pdf draws a <use> as a form
 * with a clipping box that cuts text, and without the root's font, so for PDF pages headers are written inline.
 */
export class HeaderDefs {
  private defs = new Map<string, { id: string; svg: string }>();

  constructor(private readonly inline = false) {}

  /** The node's header: a <use> of the shared definition, or the drawing itself when inline. */
  headerFor(node: MapNode): string {
    // Statuses are checked when a file opens; anything else is drawn as written but never makes a new id.
    // One definition per distinct header: kind plus status or areas (words the app makes, never user text).
    const words = headerWords(node);
    const key = `${node.kind}-${words.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    let def = this.defs.get(key);
    if (!def) {
      def = { id: `assetmap-h-${key}`, svg: headerSvg(node) };
      this.defs.set(key, def);
    }
    return this.inline ? def.svg : `<use href="#${def.id}"/>`;
  }

  /** The <defs> element with every header used, or nothing. */
  toSvg(): string {
    if (this.inline || !this.defs.size) return '';
    return `<defs>${[...this.defs.values()].map((d) => `<g id="${d.id}">${d.svg}</g>`).join('')}</defs>`;
  }
}

function headerSvg(node: MapNode): string {
  const style = KIND_STYLES[node.kind];
  const m = metricsFor(node.kind);
  const item = node.kind === 'strength' || node.kind === 'weakness' || node.kind === 'improvement';
  const iconSize = item ? 12 : 14;
  const size = item ? 10 : 10.5;
  const baseline = m.padY + m.headerHeight / 2 + size * 0.36;
  return (
    iconSvg(style.icon, m.padX, m.padY + (m.headerHeight - iconSize) / 2, iconSize, style.accent) +
    `<text x="${num(m.padX + iconSize + 5)}" y="${num(baseline)}" font-size="${size}" font-weight="bold" letter-spacing="0.5" fill="${style.accent}">${headerText(node)}</text>`
  );
}

/** An icon from its 24-unit path, `size` px wide, top-left at (x, y). */
export function iconSvg(path: string, x: number, y: number, size: number, colour: string): string {
  const scale = Math.round((size / 24) * 1000) / 1000;
  return `<path d="${path}" transform="translate(${num(x)} ${num(y)}) scale(${scale})" fill="none" stroke="${colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;
}

function headerText(node: MapNode): string {
  // The status is checked when a file opens, but it is still document data: escape it like a label.
  return xmlText(headerWords(node).toUpperCase());
}

function shape(node: MapNode, w: number, h: number): string {
  const style = KIND_STYLES[node.kind];
  if (node.kind === 'improvement') {
    const i = 0.75;
    const body = `M${i},${i} H${num(w - FOLD)} L${num(w - i)},${FOLD} V${num(h - i)} H${i} Z`;
    const fold = `M${num(w - FOLD)},${i} V${FOLD} H${num(w - i)} Z`;
    return (
      `<path d="${body}" fill="${NOTE.fill}" stroke="${NOTE.border}" stroke-width="1.5" stroke-linejoin="round"/>` +
      `<path d="${fold}" fill="${NOTE.fold}" stroke="${NOTE.border}" stroke-width="1.5" stroke-linejoin="round"/>`
    );
  }
  const asset = node.kind !== 'strength' && node.kind !== 'weakness';
  const stroke = asset ? 2 : 1.5;
  const r = asset ? 10 : 6;
  return `<rect x="${stroke / 2}" y="${stroke / 2}" width="${num(w - stroke)}" height="${num(h - stroke)}" rx="${r}" fill="${style.fill}" stroke="${style.accent}" stroke-width="${stroke}"/>`;
}

/** One node, translated to its position. */
export function nodeSvg(node: MapNode, box: Box, target: TextTarget, headers: HeaderDefs): string {
  const style = KIND_STYLES[node.kind];
  const m = metricsFor(node.kind);
  const item = node.kind === 'strength' || node.kind === 'weakness' || node.kind === 'improvement';
  const parts: string[] = [`<g transform="translate(${num(box.x)} ${num(box.y)})">`, shape(node, box.width, box.height)];
  parts.push(headers.headerFor(node));
  const lines = labelLines(node);
  const rtl = isRtl(node.label);
  const attrs = `font-size="${m.fontSize}"${item ? '' : ' font-weight="bold"'} fill="${style.ink}"`;
  const right = box.width - m.padX;
  lines.forEach((line, i) => {
    const baseline = m.padY + m.headerHeight + (i + 0.8) * m.lineHeight;
    parts.push(alignedLine(line, { left: m.padX, right, baseline }, attrs, rtl, target));
  });
  parts.push('</g>');
  return parts.join('');
}
