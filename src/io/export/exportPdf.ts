/**
 * PDF for printing and reports: page 1 is the map, as vectors, fitted to a landscape page with its title and
 * legend; the worksheet table follows on portrait pages; the map itself rides along in the XMP metadata
 * (pdfMetadata.ts), so the PDF can be opened again as a map.
 *
 * jsPDF + svg2pdf.js: the map page reuses the SVG renderer as it is (svg2pdf turns SVG elements into PDF
 * vector operators), so the PDF cannot drift from the images; jsPDF's text API lays out the table. pdf-lib
 * would need a second renderer of the map to draw it as vectors. Both libraries are imported inside the
 * function, so they load only when a PDF is made. svg2pdf.js walks a DOM: browser only.
 */
import type { AssetMapDoc } from '../../model';
import { serializeMap } from '../mapFile';
import { PDF_MAP_NAMESPACE, pdfPayload } from './pdfMetadata';
import { PAPER_SIZES, type Paper, addWorksheetPages } from './pdfWorksheet';
import { renderMap } from './renderSvg';
import { toWinAnsi } from './winAnsi';

export interface PdfOptions {
  paper: Paper;
  /** The date under the map's title; today when absent. */
  date?: string;
}

const MARGIN = 28;

export async function exportPdf(doc: AssetMapDoc, options: PdfOptions): Promise<Uint8Array> {
  if (typeof DOMParser === 'undefined') throw new Error('exportPdf needs a browser.');
  const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'pt', format: options.paper, compress: true });
  pdf.setDocumentProperties({ title: toWinAnsi(doc.title), subject: 'Internal asset map', creator: 'Asset Map' });

  // The map page: the same SVG as the image export, with its text prepared for svg2pdf (see svgText.ts).
  const { svg, width, height } = renderMap(
    doc,
    { background: 'white', title: true, legend: true, embed: false, ...(options.date ? { date: options.date } : {}) },
    'pdf',
  );
  const [pw, ph] = PAPER_SIZES[options.paper];
  const pageW = Math.max(pw, ph);
  const pageH = Math.min(pw, ph);
  const scale = Math.min((pageW - 2 * MARGIN) / width, (pageH - 2 * MARGIN) / height);
  const element = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  await svg2pdf(element, pdf, {
    x: (pageW - width * scale) / 2,
    y: (pageH - height * scale) / 2,
    width: width * scale,
    height: height * scale,
  });

  addWorksheetPages(pdf, doc, options.paper);
  pdf.addMetadata(pdfPayload(serializeMap(doc)), PDF_MAP_NAMESPACE);
  return new Uint8Array(pdf.output('arraybuffer'));
}
