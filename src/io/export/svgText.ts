/**
 * Lines of user text: as marks (scene.ts), and as SVG <text> elements. Each line is its own mark and element, so
 * a line is one bidi paragraph and nothing leaks between lines; text is escaped and direction controls left open
 * are closed.
 *
 * Right-to-left lines get `direction="rtl"` with the default `text-anchor="start"` at the right edge: in SVG the
 * anchor is relative to the text's direction, so "start" of a right-to-left line is its right end (checked in
 * Chromium and librsvg); the canvas does the same with `direction = 'rtl'`, and the PDF aligns such a line right
 * at that point (pdfPainter.ts).
 */
import type { TextMark } from './scene';
import { num } from './svgGeometry';
import { closeBidi, firstStrongDirection, stripNonXml, xmlText } from './xmlText';

export interface LineBox {
  /** Left and right edges of the space the line is aligned in. */
  left: number;
  right: number;
  baseline: number;
}

export type TextStyle = Pick<TextMark, 'size' | 'bold' | 'spacing' | 'fill'>;

/** A line aligned to the start of its direction: left for left-to-right, right for right-to-left. */
export function alignedLine(text: string, box: LineBox, style: TextStyle, rtl: boolean): TextMark {
  return { type: 'text', text, x: rtl ? box.right : box.left, y: box.baseline, align: 'start', rtl, ...style };
}

/**
 * A line of a wrapped label, as the screen shows it: the label's first strong character sets the side the lines
 * align to, each line's own first strong character the order its characters read in (the screen's lines are
 * `dir="auto"` with `unicode-bidi: plaintext`). "انجمن … (Iranian Cultural Society)" wrapped after "Cultural"
 * keeps its English line reading left to right, right-aligned under the Persian.
 */
export function labelLine(text: string, box: LineBox, style: TextStyle, rtlLabel: boolean): TextMark {
  const rtl = isRtl(text);
  if (rtlLabel && !rtl) return { type: 'text', text, x: box.right, y: box.baseline, align: 'end', rtl: false, ...style };
  if (!rtlLabel && rtl) return { type: 'text', text, x: box.left, y: box.baseline, align: 'end', rtl: true, ...style };
  return alignedLine(text, box, style, rtl);
}

/** A centred line (edge labels); its direction still decides how its characters are ordered. */
export function centredLine(text: string, x: number, baseline: number, style: TextStyle): TextMark {
  return { type: 'text', text, x, y: baseline, align: 'middle', rtl: isRtl(text), ...style };
}

export const isRtl = (text: string): boolean => firstStrongDirection(text) === 'rtl';

/** The characters a canvas draws for a line: no control characters, one line, direction controls closed. */
export const plainLine = (text: string): string => closeBidi(stripNonXml(text).replace(/[\t\n\r]/g, ' '));

/** The line as an SVG <text> element. */
export function textSvg(t: TextMark): string {
  let attrs = `x="${num(t.x)}" y="${num(t.y)}"`;
  if (t.align === 'middle') attrs += ' text-anchor="middle"';
  else if (t.align === 'end') attrs += ' text-anchor="end"';
  if (t.rtl) attrs += ' direction="rtl" unicode-bidi="embed"';
  attrs += ` font-size="${t.size}"`;
  if (t.bold) attrs += ' font-weight="bold"';
  if (t.spacing) attrs += ` letter-spacing="${t.spacing}"`;
  attrs += ` fill="${t.fill}"`;
  const body = xmlText(closeBidi(t.text));
  return `<text ${attrs}>${body}</text>`;
}
