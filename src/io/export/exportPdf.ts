/**
 * PDF for printing and reports: page 1 is the map, as vectors, fitted to a landscape page with its title and
 * legend; the worksheet table follows on portrait pages; the map itself rides along in the XMP metadata
 * (pdfMetadata.ts), so the PDF can be opened again as a map.
 *
 * jsPDF: the map page draws the same marks as the SVG and PNG (drawMap; pdfPainter.ts turns them into PDF vector
 * operators), so the PDF cannot drift from the images; jsPDF's text API lays out the table. Text in any script
 * prints through pdfText.ts, which embeds the fonts the map's text needs, fetched as the PDF is made. jsPDF is
 * imported inside the function, so it loads only when a PDF is made.
 */
import type { AssetMapDoc } from '../../model';
import { serializeMap } from '../mapFile';
import { PDF_MAP_NAMESPACE, pdfPayload } from './pdfMetadata';
import { paintScenePdf, sceneTexts } from './pdfPainter';
import { type FontLoader, PdfText, fetchFont, identityOrdering } from './pdfText';
import { PAPER_SIZES, type Paper, addWorksheetPages } from './pdfWorksheet';
import { drawMap } from './renderSvg';
import type { DiffDrawing } from './svgDiff';
import { worksheetTableRows } from './worksheetTable';

export interface PdfOptions {
  paper: Paper;
  /** The line under the map's title; today's date when absent. */
  date?: string;
  /** A comparison to draw on the map page (see svgDiff.ts). */
  diff?: DiffDrawing;
  /** The worksheet's pages after the map; true when absent. */
  worksheet?: boolean;
}

const MARGIN = 28;

export async function exportPdf(doc: AssetMapDoc, options: PdfOptions, loadFont: FontLoader = fetchFont): Promise<Uint8Array> {
  const { jsPDF } = await import('jspdf');
  // Numbers to three decimals of a point (a third of a micrometre), plenty however far the map page is zoomed:
  // jsPDF's default of sixteen digits made the file of a large map several times larger.
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'pt', format: options.paper, compress: true, floatPrecision: 3 });
  pdf.setDocumentProperties({ title: doc.title, subject: 'Internal asset map', creator: 'Asset Map' });

  // The map page: the image export's drawing, fitted to the page.
  const scene = drawMap(doc, {
    background: 'white',
    title: true,
    legend: true,
    ...(options.date ? { date: options.date } : {}),
    ...(options.diff ? { diff: options.diff } : {}),
  });
  const withWorksheet = options.worksheet ?? true;
  const sections = withWorksheet ? worksheetTableRows(doc) : [];
  const worksheetTexts = sections.flatMap((s) => [
    { text: s.category, bold: true },
    ...s.rows.flatMap((r) => [{ text: r.name, bold: true }, ...[...r.ledger, ...r.strengths, ...r.weaknesses, ...r.improvements].map((text) => ({ text }))]),
  ]);
  const text = await PdfText.prepare(pdf, [...sceneTexts(scene), { text: doc.title, bold: true }, ...worksheetTexts], loadFont);
  const [pw, ph] = PAPER_SIZES[options.paper];
  const pageW = Math.max(pw, ph);
  const pageH = Math.min(pw, ph);
  const scale = Math.min((pageW - 2 * MARGIN) / scene.width, (pageH - 2 * MARGIN) / scene.height);
  paintScenePdf(pdf, text, scene, (pageW - scene.width * scale) / 2, (pageH - scene.height * scale) / 2, scale);

  if (withWorksheet) addWorksheetPages(pdf, text, doc, options.paper, sections);
  pdf.addMetadata(pdfPayload(serializeMap(doc)), PDF_MAP_NAMESPACE);
  return identityOrdering(new Uint8Array(pdf.output('arraybuffer')));
}
