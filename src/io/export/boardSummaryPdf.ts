/**
 * The board summary (boardSummary.ts) as a PDF of one or two portrait pages: the title and date, the map's
 * picture (the image export's drawing, vectors), what the map holds, then the sections as headings, sentences and
 * lists. Text in any script prints through pdfText.ts. The map rides along in the XMP metadata, as in the map's
 * own PDF, so that the summary opens again as the map.
 */
import type { AssetMapDoc } from '../../model';
import { serializeMap } from '../mapFile';
import { type BoardSummary, type BoardSummaryOptions, boardSummary } from './boardSummary';
import { PDF_MAP_NAMESPACE, pdfPayload } from './pdfMetadata';
import { paintScenePdf, sceneTexts } from './pdfPainter';
import { type FontLoader, PdfText, fetchFont, identityOrdering } from './pdfText';
import { PAPER_SIZES, type Paper } from './pdfWorksheet';
import { drawMap } from './renderSvg';
import { firstStrongDirection } from './xmlText';

export interface BoardSummaryPdfOptions extends Omit<BoardSummaryOptions, 'findings' | 'since'> {
  paper: Paper;
  /** The id of a review in the map to tell the changes since. */
  sinceReview?: string;
}

const MARGIN = 48;
const INK = '#1e293b';
const MUTED = '#475569';
const ACCENT = '#1d4ed8';
const RULE = '#cbd5e1';

/** Every line of text the summary prints. */
function summaryTexts(s: BoardSummary): { text: string; bold?: boolean }[] {
  return [
    { text: s.title, bold: true },
    { text: s.date },
    { text: s.overview },
    ...s.counts.map((c) => ({ text: c.label })),
    ...s.sections.flatMap((sec) => [
      { text: sec.heading, bold: true },
      { text: sec.lead },
      ...sec.items.flatMap((i) => [{ text: i.name, bold: true }, ...i.details.map((text) => ({ text }))]),
    ]),
  ];
}

/** The summary of a map, against the review the options name (if the map still has it). */
export function summaryOf(doc: AssetMapDoc, options: Omit<BoardSummaryPdfOptions, 'paper'>): BoardSummary {
  const since = options.sinceReview ? doc.reviews?.find((r) => r.id === options.sinceReview) : undefined;
  return boardSummary(doc, { ...(options.today ? { today: options.today } : {}), ...(options.locale ? { locale: options.locale } : {}), ...(since ? { since } : {}) });
}

export async function exportBoardSummaryPdf(doc: AssetMapDoc, options: BoardSummaryPdfOptions, loadFont: FontLoader = fetchFont): Promise<Uint8Array> {
  const summary = summaryOf(doc, options);
  const { jsPDF } = await import('jspdf');
  const pdf = new jsPDF({ orientation: 'portrait', unit: 'pt', format: options.paper, compress: true, floatPrecision: 3 });
  pdf.setDocumentProperties({ title: `${doc.title} – board summary`, subject: 'Board summary of the internal asset map', creator: 'Asset Map' });
  const scene = drawMap(doc, { background: 'white', title: false, legend: true });
  const text = await PdfText.prepare(pdf, [...summaryTexts(summary), { text: `${doc.title} – board summary`, bold: true }, ...sceneTexts(scene)], loadFont);
  const [pageW, pageH] = PAPER_SIZES[options.paper];
  const width = pageW - 2 * MARGIN;
  let y = MARGIN;

  /** Lines of a paragraph, each drawn from the side its direction starts from. */
  const paragraph = (t: string, size: number, options: { bold?: boolean; colour?: string; indent?: number; gap?: number } = {}) => {
    const indent = options.indent ?? 0;
    const style = { size, bold: options.bold ?? false };
    const lines = text.wrap(t, width - indent, style);
    const rtl = firstStrongDirection(t) === 'rtl';
    const lineHeight = size * 1.35;
    pdf.setTextColor(options.colour ?? INK);
    for (const line of lines) {
      if (y + lineHeight > pageH - MARGIN) newPage();
      y += size;
      text.draw(line, rtl ? MARGIN + width : MARGIN + indent, y, { ...style, align: rtl ? 'right' : 'left', direction: 'auto' });
      y += lineHeight - size;
    }
    y += options.gap ?? 0;
  };
  const newPage = () => {
    pdf.addPage(options.paper, 'portrait');
    y = MARGIN;
  };

  // Title, date.
  paragraph(summary.title, 20, { bold: true, gap: 2 });
  paragraph(`Board summary · ${summary.date}`, 10, { colour: MUTED, gap: 10 });

  // The map's picture, as large as fits in the top half of the page.
  if (Object.keys(doc.nodes).length) {
    const boxH = Math.min(pageH * 0.42, (width * scene.height) / scene.width);
    const scale = Math.min(width / scene.width, boxH / scene.height);
    const w = scene.width * scale;
    const h = scene.height * scale;
    paintScenePdf(pdf, text, scene, MARGIN + (width - w) / 2, y, scale);
    pdf.setDrawColor(RULE);
    pdf.setLineWidth(0.6);
    pdf.rect(MARGIN, y - 4, width, h + 8, 'S');
    y += h + 18;
  }

  // What the map holds: the counts as a row of figures, then the sentence.
  const cell = width / Math.min(summary.counts.length || 1, 5);
  summary.counts.forEach((c, i) => {
    if (i && i % 5 === 0) y += 36;
    const x = MARGIN + (i % 5) * cell;
    pdf.setTextColor(INK);
    text.draw(String(c.count), x, y + 18, { size: 18, bold: true });
    pdf.setTextColor(MUTED);
    text.draw(c.label, x, y + 31, { size: 9 });
  });
  y += 46;
  paragraph(summary.overview, 10.5, { gap: 8 });

  for (const section of summary.sections) {
    if (y + 60 > pageH - MARGIN) newPage();
    y += 6;
    paragraph(section.heading, 13, { bold: true, colour: ACCENT, gap: 2 });
    paragraph(section.lead, 10, { colour: MUTED, gap: 3 });
    for (const item of section.items) {
      if (y + 24 > pageH - MARGIN) newPage();
      pdf.setTextColor(INK);
      text.draw('•', MARGIN + 2, y + 10, { size: 10 });
      paragraph(item.name, 10, { bold: true, indent: 12 });
      for (const d of item.details) paragraph(d, 9.5, { indent: 12 });
      y += 3;
    }
    if (section.more) paragraph(`And ${section.more} more (see Insights in Asset Map).`, 9.5, { colour: MUTED, indent: 12 });
  }

  // Page numbers, once the pages are known.
  const pages = pdf.getNumberOfPages();
  for (let i = 1; i <= pages; i++) {
    pdf.setPage(i);
    pdf.setTextColor(MUTED);
    text.draw(`${summary.title} · board summary · page ${i} of ${pages}`, pageW / 2, pageH - MARGIN / 2, { size: 8, align: 'center', direction: 'auto' });
  }
  pdf.addMetadata(pdfPayload(serializeMap(doc)), PDF_MAP_NAMESPACE);
  return identityOrdering(new Uint8Array(pdf.output('arraybuffer')));
}
