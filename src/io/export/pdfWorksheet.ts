/**
 * The worksheet pages of the PDF, drawn with jsPDF's text API from the pure pagination in worksheetTable.ts.
 * Takes a jsPDF document and needs no DOM, so it also runs in Node (tests use jsPDF's Node build).
 *
 * jsPDF's built-in Helvetica covers Windows-1252 only; text in other scripts needs an embedded Unicode font,
 * which the app does not ship yet, so such characters print as "?" (see winAnsi.ts).
 */
import type { jsPDF } from 'jspdf';
import type { AssetMapDoc } from '../../model';
import { toWinAnsi } from './winAnsi';
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
export function addWorksheetPages(pdf: jsPDF, doc: AssetMapDoc, paper: Paper): number {
  const layout = worksheetLayout(paper);
  pdf.setFont('helvetica', 'normal');
  pdf.setFontSize(FONT_SIZE);
  const split = (text: string, width: number): string[] => {
    const lines = pdf.splitTextToSize(toWinAnsi(text), width) as string[];
    return lines.length ? lines : [''];
  };
  const sections = worksheetTableRows(doc);
  const pages = paginateWorksheet(sections, layout, split);
  pages.forEach((pieces, i) => {
    pdf.addPage(paper, 'portrait');
    if (i === 0) {
      pdf.setFont('helvetica', 'bold');
      pdf.setFontSize(TITLE_SIZE);
      pdf.setTextColor(...INK);
      pdf.text(toWinAnsi(`${doc.title} - worksheet`), MARGIN, layout.top + 16, { maxWidth: layout.columns.reduce((a, b) => a + b, 0) });
      if (!sections.length) {
        pdf.setFont('helvetica', 'normal');
        pdf.setFontSize(FONT_SIZE);
        pdf.text('This map has no assets yet.', MARGIN, layout.top + 44);
      }
    }
    for (const piece of pieces) drawPiece(pdf, piece, layout);
  });
  return pages.length;
}

function drawPiece(pdf: jsPDF, piece: TablePiece, layout: TableLayout) {
  const xs = [MARGIN];
  for (const w of layout.columns) xs.push(xs[xs.length - 1]! + w);
  pdf.setDrawColor(...RULE);
  pdf.setLineWidth(0.5);
  pdf.setTextColor(...INK);
  if (piece.type === 'header') {
    const titles = [piece.continued ? `${piece.category} (continued)` : piece.category, ...WORKSHEET_COLUMNS];
    pdf.setFont('helvetica', 'bold');
    pdf.setFontSize(HEADER_SIZE);
    titles.forEach((t, i) => {
      // jsPDF's text colour and fill colour share one PDF operator: set the fill again before every cell.
      pdf.setFillColor(...HEADER_FILL);
      pdf.rect(xs[i]!, piece.y, layout.columns[i]!, piece.height, 'FD');
      pdf.setTextColor(...INK);
      const line = (pdf.splitTextToSize(t, layout.columns[i]! - 2 * layout.padX) as string[])[0] ?? '';
      pdf.text(line, xs[i]! + layout.padX, piece.y + piece.height / 2 + HEADER_SIZE * 0.35);
    });
    return;
  }
  pdf.setFontSize(FONT_SIZE);
  piece.cells.forEach((lines, i) => {
    pdf.rect(xs[i]!, piece.y, layout.columns[i]!, piece.height, 'S');
    pdf.setFont('helvetica', i === 0 ? 'bold' : 'normal');
    lines.forEach((line: CellLine, j) => {
      const baseline = piece.y + layout.padY + (j + 0.8) * layout.lineHeight;
      const x = xs[i]! + layout.padX;
      if (line.bullet) pdf.text('\u2022', x, baseline);
      pdf.text(line.text, line.bullet || line.indent ? x + layout.bulletIndent : x, baseline);
    });
  });
}
