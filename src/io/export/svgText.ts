/**
 * One line of user text as an SVG <text> element: escaped, closed for direction controls, and laid out by its own
 * direction. Each line is its own element, so a line is one bidi paragraph and nothing leaks between lines.
 *
 * Right-to-left lines get `direction="rtl"` with the default `text-anchor="start"` at the right edge: in SVG the
 * anchor is relative to the text's direction, so "start" of a right-to-left line is its right end (checked in
 * Chromium and librsvg). svg2pdf ignores `direction` and encodes text for jsPDF's Windows-1252 fonts, so the
 * 'pdf' target anchors such lines with `text-anchor="end"` and passes text through `toWinAnsi`.
 */
import { num } from './svgGeometry';
import { toWinAnsi } from './winAnsi';
import { closeBidi, firstStrongDirection, xmlText } from './xmlText';

/** Who will draw the SVG: a browser or librsvg ('screen'), or svg2pdf for a PDF page ('pdf'). */
export type TextTarget = 'screen' | 'pdf';

export interface LineBox {
  /** Left and right edges of the space the line is aligned in. */
  left: number;
  right: number;
  baseline: number;
}

const body = (text: string, target: TextTarget) => xmlText(target === 'pdf' ? toWinAnsi(text) : closeBidi(text));

/**
 * A line aligned to the start of its direction: left for left-to-right, right for right-to-left. `attrs` are
 * trusted, fixed attributes (font and colour); `text` is user text.
 */
export function alignedLine(text: string, box: LineBox, attrs: string, rtl: boolean, target: TextTarget): string {
  if (!rtl) return `<text x="${num(box.left)}" y="${num(box.baseline)}" ${attrs}>${body(text, target)}</text>`;
  const dir = target === 'screen' ? 'direction="rtl" unicode-bidi="embed"' : 'text-anchor="end"';
  return `<text x="${num(box.right)}" y="${num(box.baseline)}" ${dir} ${attrs}>${body(text, target)}</text>`;
}

/** A centred line (edge labels); its direction still decides how its characters are ordered. */
export function centredLine(text: string, x: number, baseline: number, attrs: string, target: TextTarget): string {
  const dir = target === 'screen' && isRtl(text) ? ' direction="rtl" unicode-bidi="embed"' : '';
  return `<text x="${num(x)}" y="${num(baseline)}" text-anchor="middle"${dir} ${attrs}>${body(text, target)}</text>`;
}

export const isRtl = (text: string): boolean => firstStrongDirection(text) === 'rtl';
