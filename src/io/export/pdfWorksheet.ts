/**
 * The worksheet pages of the PDF, drawn with jsPDF's text API from the pure pagination in worksheetTable.ts.
 * Takes a jsPDF document and needs no DOM, so it also runs in Node (tests use jsPDF's Node build). Text goes
 * through pdfText.ts, which prints every script; a cell whose text starts right to left is right-aligned, with
 * its bullets on the right.
 */
import type { jsPDF } from 'jspdf';
import type { AssetMapDoc } from '../../model';
import type { PdfText } from './pdfText';
import { firstStrongDirection } from './xmlText';
import {
  type CellLine,
  type TableLayout,
  type TablePiece,
  WORKSHEET_COLUMNS,
  paginateWorksheet,
  worksheetTableRows,
} from './worksheetTable';

export const PAPER_SIZES = { a4: [595.28, 841.89], letter: [612, 792] } as const;
export type Paper = keyof typeof PAPER_SIZES;

const MARGIN = 40;
const FONT_SIZE = 9.5;
const HEADER_SIZE = 9.5;
const TITLE_SIZE = 16;
const INK: [number, number, number] = [30, 41, 59];
const RULE: [number, number, number] = [148, 163, 184];
const HEADER_FILL: [number, number, number] = [241, 245, 249];


/** The table's geometry on a portrait page of the given paper, in points. */
export function worksheetLayout(paper: Paper): TableLayout {
  const [w, h] = PAPER_SIZES[paper];
  const inner = w - 2 * MARGIN;
  const first = Math.round(inner * 0.22);
  const rest = (inner - first) / 3;
  return {
    top: MARGIN,
    bottom: h - MARGIN,
    firstPageOffset: 34,
    columns: [first, rest, rest, rest],
    padX: 5,
    padY: 5,
    lineHeight: 12,
    headerHeight: 20,
    sectionGap: 16,
    bulletIndent: 8,
  };
}

/** Adds the worksheet on new portrait pages after the current ones. Returns how many pages it added. */
export function addWorksheetPages(pdf: jsPDF, text: PdfText, doc: AssetMapDoc, paper: Paper, sections = worksheetTableRows(doc)): number {
  const layout = worksheetLayout(paper);
  const split = (t: string, width: number): string[] => text.wrap(t, width, { size: FONT_SIZE });
  const pages = paginateWorksheet(sections, layout, split);
  pages.forEach((pieces, i) => {
    pdf.addPage(paper, 'portrait');
    if (i === 0) {
      pdf.setTextColor(...INK);
      const width = layout.columns.reduce((a, b) => a + b, 0);
      const [first = '', ...more] = text.wrap(`${doc.title} – worksheet`, width, { size: TITLE_SIZE, bold: true });
      const title = more.length ? `${first.replace(/\s*\S$/u, '')}…` : first;
      const rtl = firstStrongDirection(doc.title) === 'rtl';
      text.draw(title, rtl ? MARGIN + width : MARGIN, layout.top + 16, { size: TITLE_SIZE, bold: true, align: rtl ? 'right' : 'left', direction: 'auto' });
      if (!sections.length) text.draw('This map has no assets yet.', MARGIN, layout.top + 44, { size: FONT_SIZE });
    }
    for (const piece of pieces) drawPiece(pdf, text, piece, layout);
  });
  return pages.length;
}

function drawPiece(pdf: jsPDF, text: PdfText, piece: TablePiece, layout: TableLayout) {
  const xs = [MARGIN];
  for (const w of layout.columns) xs.push(xs[xs.length - 1]! + w);
  pdf.setDrawColor(...RULE);
  pdf.setLineWidth(0.5);
  pdf.setTextColor(...INK);
  if (piece.type === 'header') {
    const titles = [piece.continued ? `${piece.category} (continued)` : piece.category, ...WORKSHEET_COLUMNS];
    titles.forEach((t, i) => {
      // jsPDF's text colour and fill colour share one PDF operator: set the fill again before every cell.
      pdf.setFillColor(...HEADER_FILL);
      pdf.rect(xs[i]!, piece.y, layout.columns[i]!, piece.height, 'FD');
      pdf.setTextColor(...INK);
      const line = text.wrap(t, layout.columns[i]! - 2 * layout.padX, { size: HEADER_SIZE, bold: true })[0] ?? '';
      text.draw(line, xs[i]! + layout.padX, piece.y + piece.height / 2 + HEADER_SIZE * 0.35, { size: HEADER_SIZE, bold: true });
    });
    return;
  }
  piece.cells.forEach((lines, i) => {
    pdf.rect(xs[i]!, piece.y, layout.columns[i]!, piece.height, 'S');
    const style = { size: FONT_SIZE, bold: i === 0 };
    // The cell's direction is its first line's: a Farsi list reads from the right, bullets and all.
    const rtl = firstStrongDirection(lines.map((l) => l.text).join(' ')) === 'rtl';
    const start = rtl ? xs[i + 1]! - layout.padX : xs[i]! + layout.padX;
    const inward = rtl ? -1 : 1;
    const align = rtl ? 'right' : 'left';
    lines.forEach((line: CellLine, j) => {
      const baseline = piece.y + layout.padY + (j + 0.8) * layout.lineHeight;
      if (line.bullet) text.draw('\u2022', start, baseline, { ...style, align });
      const x = line.bullet || line.indent ? start + inward * layout.bulletIndent : start;
      text.draw(line.text, x, baseline, { ...style, align, direction: 'auto' });
    });
  });
}
