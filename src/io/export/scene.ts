/**
 * An exported map as a list of marks: rectangles, paths and lines of text, in groups. The map is drawn once, as
 * marks (renderSvg.ts and the svg*.ts parts), and two writers turn the marks into an image: `svgWriter.ts` writes
 * SVG (and through it the PDF page), `canvasPainter.ts` paints a canvas for PNG. Both read the same marks, so
 * the images cannot drift apart.
 *
 * Text in a mark is the user's text as typed; each writer makes it safe for its output (escaped for XML, plain
 * characters for the canvas). Colours, sizes and path data are made by the app, never by the user.
 */

export interface Stroke {
  colour: string;
  /** Width in px; 1 when absent. */
  width?: number;
  /** An SVG dash array, "6 4". */
  dash?: string;
  cap?: 'round';
  join?: 'round';
}

export interface RectMark {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Corner radius. */
  r: number;
  fill: string;
  stroke?: Stroke;
}

export interface PathMark {
  type: 'path';
  /** SVG path data, made by the app. */
  d: string;
  fill?: string;
  stroke?: Stroke;
  /** Drawn translated to (x, y) and scaled: icons, whose paths are on a 24-unit grid. */
  at?: { x: number; y: number; scale: number };
}

export interface TextMark {
  type: 'text';
  /** User text: one line. */
  text: string;
  /**
   * The anchor: the line's start (its left end, or right end when `rtl`), its centre, or its end (a left-to-right
   * line in a right-to-left label: right-aligned as the label, read left to right as the line).
   */
  x: number;
  /** The baseline. */
  y: number;
  align: 'start' | 'middle' | 'end';
  /** The line's own direction, from its first strong character (as `dir="auto"` on the screen's lines). */
  rtl: boolean;
  size: number;
  bold?: boolean;
  /** Extra space between letters, px. */
  spacing?: number;
  fill: string;
}

export interface GroupMark {
  type: 'group';
  x: number;
  y: number;
  marks: Mark[];
  /** Marks outside this box (in the group's coordinates) are cut off. */
  clip?: { x: number; y: number; width: number; height: number };
}

/** A shared drawing (`Scene.shared`), drawn where the mark is: the header lines that thousands of nodes repeat. */
export interface UseMark {
  type: 'use';
  id: string;
}

export type Mark = RectMark | PathMark | TextMark | GroupMark | UseMark;

export interface Scene {
  /** Size in CSS px. */
  width: number;
  height: number;
  /** The image's title, for the SVG's <title>. */
  title: string;
  /** Drawings that `use` marks refer to, by id (ids are made by the app: letters, digits and dashes). */
  shared: Map<string, Mark[]>;
  marks: Mark[];
}

export const group = (x: number, y: number, marks: Mark[]): GroupMark => ({ type: 'group', x, y, marks });
