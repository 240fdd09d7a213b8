/**
 * Text on PDF pages in every script the map may hold. jsPDF draws glyphs left to right from one font at a time
 * and its own handling of other scripts is partial (its bidi engine leaves Hebrew in typed order), so a line is
 * prepared here and handed to jsPDF as pieces it only has to draw:
 *
 * 1. Arabic-script letters take their joined forms (jsPDF's Arabic shaper, presentation forms, lam-alef ligatures).
 * 2. The Unicode bidi algorithm (bidi-js) gives every character its level, the paragraph's direction being the
 *    caller's (the scene's, which follows the first strong character as `dir="auto"` does); the line is then put
 *    in visual order by user-perceived characters (Intl.Segmenter), so a mark stays with its letter, and
 *    brackets in right-to-left runs are mirrored.
 * 3. Each character goes to the first font that has it: Helvetica for Windows-1252, else an embedded Noto font
 *    (pdfFontFiles.ts), kept for the characters after it when it has them too, so runs stay long. Characters no
 *    font has are drawn as an empty box: visibly missing, never "?" or another letter.
 * 4. The runs are drawn left to right, with jsPDF's bidi step told the text is already visual.
 *
 * Text extraction (pdftotext, copy and paste) gives the words back in reading order; Arabic comes back in its
 * presentation forms, which Unicode normalisation (NFKC) folds to the letters typed. Lines of Windows-1252 text with
 * no right-to-left character, most of any map, skip all of this.
 */
import bidiFactory from 'bidi-js';
import type { jsPDF } from 'jspdf';
import { toBase64 } from './payload';
import { type FontFile, fontFiles, inRanges, isCjk } from './pdfFontFiles';
import { woffToSfnt } from './woff';

/** Fetches a font file's bytes (tests read them from disk). */
export type FontLoader = (url: string) => Promise<Uint8Array>;

export const fetchFont: FontLoader = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

export interface TextStyle {
  size: number;
  bold?: boolean;
}

export interface DrawOptions extends TextStyle {
  align?: 'left' | 'center' | 'right';
  /** The paragraph's direction; 'auto' follows the first strong character. */
  direction?: 'ltr' | 'rtl' | 'auto';
  charSpace?: number;
}

/** The characters Windows-1252 adds in 0x80–0x9F. */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const isWinAnsi = (c: number) => (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRAS.has(String.fromCodePoint(c));
/** Invisible characters: drawn as nothing (direction controls, variation selectors, other controls). */
const FORMAT_OR_CONTROL = /^[\p{Cf}\p{Cc}]$/u;
const isInvisible = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef) || FORMAT_OR_CONTROL.test(ch);
};
/** Zero-width (non-)joiners: kept where the font has them, so that copied Farsi keeps its half-spaces. */
const isJoiner = (ch: string) => ch === '\u200C' || ch === '\u200D';
/** Characters of right-to-left scripts, and anything that is not Windows-1252: such a line takes the full path. */
const NEEDS_WORK = /[^\x20-\x7e\xa0-\xff]|[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

const HELVETICA = 'helvetica';

interface Run {
  /** A font name given to jsPDF, HELVETICA, or '' for characters no font has. */
  font: string;
  text: string;
}

let bidi: ReturnType<typeof bidiFactory> | undefined;
let graphemes: Intl.Segmenter | undefined;

export class PdfText {
  /** Per loaded font: its name in jsPDF and the code points its cmap maps. */
  private readonly fonts: { file: FontFile; codes: Set<number> }[];

  private constructor(
    private readonly pdf: jsPDF,
    fonts: { file: FontFile; codes: Set<number> }[],
  ) {
    this.fonts = fonts;
  }

  /**
   * Loads and embeds the fonts the given text needs. A font file that cannot be fetched (offline before it was
   * ever used) leaves its characters as boxes; `missing` then says so.
   */
  static async prepare(pdf: jsPDF, texts: Iterable<{ text: string; bold?: boolean }>, load: FontLoader = fetchFont): Promise<PdfText> {
    const needed = new Map<number, boolean>();
    for (const { text, bold } of texts) {
      if (!NEEDS_WORK.test(text)) continue;
      for (const ch of text) {
        const c = ch.codePointAt(0)!;
        if (isWinAnsi(c) || isInvisible(ch)) continue;
        needed.set(c, (needed.get(c) ?? false) || !!bold);
      }
    }
    const chosen = new Map<string, FontFile>();
    if (needed.size) {
      const files = await fontFiles([...needed.keys()].some(isCjk));
      for (const [code, bold] of needed) {
        const covering = files.filter((f) => inRanges(f.ranges, code));
        const regular = covering.find((f) => !f.bold);
        if (regular) chosen.set(regular.name, regular);
        const heavy = bold && covering.find((f) => f.bold);
        if (heavy) chosen.set(heavy.name, heavy);
      }
    }
    const loaded = await Promise.all(
      [...chosen.values()].map(async (file) => {
        try {
          return { file, bytes: woffToSfnt(await load(file.url)) };
        } catch {
          return undefined;
        }
      }),
    );
    const fonts: { file: FontFile; codes: Set<number> }[] = [];
    const current = pdf.getFont();
    for (const font of loaded) {
      if (!font) continue;
      const vfsName = `${font.file.name}.ttf`;
      pdf.addFileToVFS(vfsName, toBase64(font.bytes));
      pdf.addFont(vfsName, font.file.name, 'normal', 'normal', 'Identity-H');
      pdf.setFont(font.file.name, 'normal');
      const codeMap = (pdf.internal as unknown as { getFont(): { metadata?: { cmap?: { unicode?: { codeMap?: Record<number, number> } } } } }).getFont().metadata?.cmap?.unicode
        ?.codeMap;
      fonts.push({ file: font.file, codes: new Set(Object.keys(codeMap ?? {}).map(Number)) });
    }
    pdf.setFont(current.fontName, current.fontStyle);
    const text = new PdfText(pdf, fonts);
    text.missing = chosen.size - fonts.length;
    return text;
  }

  /** How many font files could not be loaded. */
  missing = 0;

  /** The width of a line in the page's units. */
  width(text: string, style: TextStyle): number {
    return this.runs(text, 'auto', style.bold ?? false).reduce((w, run) => w + this.runWidth(run, style), 0);
  }

  /** Draws one line with its baseline at y; x is its left end, centre or right end as `align` says. */
  draw(text: string, x: number, y: number, options: DrawOptions): void {
    const { pdf } = this;
    const bold = options.bold ?? false;
    const runs = this.runs(text, options.direction ?? 'auto', bold);
    const spacing = options.charSpace ?? 0;
    if (runs.length === 1 && runs[0]!.font === HELVETICA) {
      // Most lines of any map: one run in Helvetica, placed by jsPDF itself.
      this.setRunFont(HELVETICA, bold, options.size);
      pdf.text(text, x, y, { baseline: 'alphabetic', align: options.align ?? 'left', ...(spacing ? { charSpace: spacing } : {}) });
      return;
    }
    const widths = runs.map((r) => this.runWidth(r, options) + spacing * [...r.text].length);
    const total = widths.reduce((a, b) => a + b, 0);
    let at = options.align === 'center' ? x - total / 2 : options.align === 'right' ? x - total : x;
    runs.forEach((run, i) => {
      if (run.font === '') this.boxes(run.text, at, y, options.size);
      else {
        this.setRunFont(run.font, bold, options.size);
        pdf.text(run.text, at, y, {
          baseline: 'alphabetic',
          isInputVisual: true,
          isOutputVisual: true,
          ...(spacing ? { charSpace: spacing } : {}),
        } as Parameters<jsPDF['text']>[3]);
      }
      at += widths[i]!;
    });
  }

  /** Wraps text into lines no wider than `width`: at spaces, else between characters. Lines are in typed order. */
  wrap(text: string, width: number, style: TextStyle): string[] {
    const lines: string[] = [];
    if (!NEEDS_WORK.test(text)) {
      // Helvetica alone: jsPDF's own wrapping, which knows its widths.
      this.setRunFont(HELVETICA, style.bold ?? false, style.size);
      const split = this.pdf.splitTextToSize(text, width) as string[];
      return split.length ? split : [''];
    }
    for (const paragraph of text.split(/\r\n|\r|\n/)) {
      let line = '';
      for (const word of paragraph.split(/(?<= )/)) {
        if (this.width(line + word, style) <= width || !line) {
          line += word;
        } else {
          lines.push(line.trimEnd());
          line = word;
        }
        // A word wider than the whole line is cut between characters.
        while (this.width(line.trimEnd(), style) > width) {
          const chars = [...segmenter().segment(line)].map((s) => s.segment);
          let fit = 1;
          while (fit < chars.length && this.width(chars.slice(0, fit + 1).join(''), style) <= width) fit++;
          if (fit >= chars.length) break;
          lines.push(chars.slice(0, fit).join(''));
          line = chars.slice(fit).join('');
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  private setRunFont(font: string, bold: boolean, size: number) {
    if (font === HELVETICA) this.pdf.setFont(HELVETICA, bold ? 'bold' : 'normal');
    else this.pdf.setFont(font, 'normal');
    this.pdf.setFontSize(size);
  }

  private runWidth(run: Run, style: TextStyle): number {
    if (run.font === '') return [...segmenter().segment(run.text)].length * style.size * BOX_ADVANCE;
    this.setRunFont(run.font, style.bold ?? false, style.size);
    return this.pdf.getTextWidth(run.text);
  }

  /** Empty boxes, one per character no font has: the size of a capital, outlined in the text's colour. */
  private boxes(text: string, x: number, y: number, size: number) {
    const { pdf } = this;
    pdf.saveGraphicsState();
    pdf.setDrawColor(pdf.getTextColor());
    pdf.setLineWidth(size * 0.06);
    const n = [...segmenter().segment(text)].length;
    for (let i = 0; i < n; i++) pdf.rect(x + (i + 0.1) * size * BOX_ADVANCE, y - size * 0.7, size * BOX_ADVANCE * 0.8, size * 0.7, 'S');
    pdf.restoreGraphicsState();
  }

  /** The line as runs of one font each, in visual order (left to right). */
  private runs(text: string, direction: 'ltr' | 'rtl' | 'auto', bold: boolean): Run[] {
    if (!NEEDS_WORK.test(text)) return text ? [{ font: HELVETICA, text }] : [];
    const shaped = (this.pdf as unknown as { processArabic(text: string): string }).processArabic(text);
    bidi ??= bidiFactory();
    const { levels } = bidi.getEmbeddingLevels(shaped, direction);
    const clusters: { text: string; level: number }[] = [];
    for (const { segment, index } of segmenter().segment(shaped)) {
      const level = levels[index]!;
      const chars = [...segment].filter((ch) => !isInvisible(ch) || isJoiner(ch));
      // A joiner follows its letter in typed order; drawn right to left, it goes before it (text extraction
      // reverses the run and puts it back between the same two letters).
      const visible = level % 2 ? [...chars.filter(isJoiner), ...chars.filter((ch) => !isJoiner(ch))].join('') : chars.join('');
      if (!visible) continue;
      const mirrored = level % 2 ? bidi.getMirroredCharacter(visible) : null;
      clusters.push({ text: mirrored ?? visible, level });
    }
    reorder(clusters);

    const runs: Run[] = [];
    for (const cluster of clusters) {
      const last = runs[runs.length - 1];
      const codes = [...cluster.text].filter((ch) => !isJoiner(ch)).map((ch) => ch.codePointAt(0)!);
      if (!codes.length) continue;
      const font = last && last.font !== '' && this.has(last.font, codes, bold) ? last.font : this.fontFor(codes, bold);
      const text = [...cluster.text].filter((ch) => !isJoiner(ch) || this.has(font, [ch.codePointAt(0)!], bold)).join('');
      if (last && last.font === font) last.text += text;
      else runs.push({ font, text });
    }
    return runs;
  }

  private has(font: string, codes: number[], bold: boolean): boolean {
    if (font === HELVETICA) return codes.every(isWinAnsi);
    const loaded = this.fonts.find((f) => f.file.name === font);
    if (!loaded || !codes.every((c) => loaded.codes.has(c))) return false;
    // The other weight of a face does while the face has no file of the weight asked for.
    return loaded.file.bold === bold || !this.fonts.some((f) => f.file.face === loaded.file.face && f.file.bold === bold);
  }

  private fontFor(codes: number[], bold: boolean): string {
    if (codes.every(isWinAnsi)) return HELVETICA;
    // The weight asked for first, then the other one rather than a box.
    const match = (weight: boolean) => this.fonts.find((f) => f.file.bold === weight && codes.every((c) => f.codes.has(c)));
    return (match(bold) ?? match(!bold))?.file.name ?? '';
  }
}

/** A box's advance, in ems. */
const BOX_ADVANCE = 0.75;

const segmenter = () => (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/** Unicode bidi rule L2: from the highest level down to the lowest odd one, reverse every run at that level or higher. */
function reorder(clusters: { level: number }[]) {
  let highest = 0;
  let lowestOdd = Number.POSITIVE_INFINITY;
  for (const { level } of clusters) {
    highest = Math.max(highest, level);
    if (level % 2) lowestOdd = Math.min(lowestOdd, level);
  }
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < clusters.length; ) {
      if (clusters[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < clusters.length && clusters[j]!.level >= level) j++;
      const slice = clusters.slice(i, j).reverse();
      clusters.splice(i, j - i, ...slice);
      i = j;
    }
  }
}

const WRONG_ORDERING = '/Ordering (Identity-H)';
const RIGHT_ORDERING = '/Ordering (Identity)  ';

/**
 * jsPDF names an embedded font's character collection "Identity-H", the name of its encoding; PDF readers expect
 * "Identity" (poppler reports a syntax error for each font). Mended in place, padded to the same length, so that
 * the file's table of byte offsets stays right; the font dictionaries are never compressed.
 */
export function identityOrdering(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder('latin1').decode(bytes);
  for (let at = text.indexOf(WRONG_ORDERING); at >= 0; at = text.indexOf(WRONG_ORDERING, at + 1)) {
    for (let i = 0; i < RIGHT_ORDERING.length; i++) bytes[at + i] = RIGHT_ORDERING.charCodeAt(i);
  }
  return bytes;
}
