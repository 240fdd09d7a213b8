/**
 * The worksheet table of the PDF: its rows come from the document in the toolkit's categories, and its
 * pagination keeps rows whole, repeats the header and loses no line. The pages are drawn with jsPDF's Node build
 * here (the map page needs a browser and is covered by the end-to-end tests of export).
 */
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../../src/look';
import { buildExample, SUNNYDALE, emptyDoc } from '../../../src/model';
import {
  type TableLayout,
  type TablePiece,
  type WorksheetSection,
  addWorksheetPages,
  paginateWorksheet,
  readMapFromPdf,
  worksheetLayout,
  worksheetTableRows,
} from '../../../src/io/export';
import { describeOpenError, serializeMap } from '../../../src/io/mapFile';
import { PDF_MAP_NAMESPACE, pdfPayload } from '../../../src/io/export/pdfMetadata';
import { PdfText } from '../../../src/io/export/pdfText';
import { rowLines } from '../../../src/io/export/worksheetTable';
import { generateMap } from '../../support/generateMap';
import { sunnydale } from './helpers';

/** An estimate of 9.5pt Helvetica, close enough for layout tests. */
const split = (text: string, width: number) => wrapText(text, width, 9.5, 10_000);

describe('worksheetTableRows', () => {
  it('Sunnydale: the toolkit rows, verbatim, by category', () => {
    const sections = worksheetTableRows(buildExample(SUNNYDALE, 'm'));
    expect(sections.map((s) => s.category)).toEqual(['Partnership', 'Staff', 'Space', 'Material resource']);
    const partners = sections[0]!.rows;
    expect(partners[1]).toEqual({
      id: 'school',
      name: 'School Partnership',
      strengths: ['Teachers', 'PTA', 'Gym and Auditorium spaces'],
      weaknesses: ['Busy schedule makes coordination difficult'],
      improvements: ['Work with the teachers and PTA to make a shared calendar that is updated weekly'],
      ledger: [],
    });
    expect(partners.map((r) => r.name)).toEqual([
      'Neighborhood Association 1',
      'School Partnership',
      'Neighborhood Association 2',
      'Friends group',
      'High school',
    ]);
    expect(sections[3]!.rows[0]).toMatchObject({ name: 'Technology acquisition', improvements: [] });
  });

  it('an empty map has no sections', () => {
    expect(worksheetTableRows(emptyDoc('x', 'm'))).toEqual([]);
  });
});

/** Every line of every cell, in order, from the pages. */
function linesOf(pages: TablePiece[][], id: string): string[][] {
  const cells: string[][] = [[], [], [], []];
  for (const page of pages) {
    for (const p of page) if (p.type === 'row' && p.id === id) p.cells.forEach((c, i) => cells[i]!.push(...c.map((l) => l.text)));
  }
  return cells;
}

function checkPages(pages: TablePiece[][], layout: TableLayout, sections: WorksheetSection[]) {
  pages.forEach((page, i) => {
    expect(page[0]?.type, `page ${i + 1} starts with a header`).toBe('header');
    for (const piece of page) {
      expect(piece.y).toBeGreaterThanOrEqual(layout.top);
      expect(piece.y + piece.height).toBeLessThanOrEqual(layout.bottom + 1e-9);
    }
    // Pieces follow each other without overlapping.
    for (let k = 1; k < page.length; k++) expect(page[k]!.y).toBeGreaterThanOrEqual(page[k - 1]!.y + page[k - 1]!.height - 1e-9);
  });
  for (const s of sections) {
    for (const row of s.rows) {
      const expected = rowLines(row, layout, split).map((c) => c.map((l) => l.text));
      expect(linesOf(pages, row.id)).toEqual(expected);
    }
  }
}

describe('paginateWorksheet', () => {
  const layout = worksheetLayout('a4');

  it('Sunnydale fits one page', () => {
    const sections = worksheetTableRows(sunnydale());
    const pages = paginateWorksheet(sections, layout, split);
    expect(pages).toHaveLength(1);
    checkPages(pages, layout, sections);
    expect(pages[0]!.filter((p) => p.type === 'header').map((p) => p.type === 'header' && p.category)).toEqual([
      'Partnership',
      'Staff',
      'Space',
      'Material resource',
    ]);
  });

  it('a large map: rows never split, header repeated on every page, every line once', () => {
    const sections = worksheetTableRows(generateMap(200, 1));
    const pages = paginateWorksheet(sections, layout, split);
    expect(pages.length).toBeGreaterThan(5);
    checkPages(pages, layout, sections);
    const rowPieces = pages.flat().filter((p) => p.type === 'row');
    expect(rowPieces.every((p) => p.type === 'row' && !p.continued)).toBe(true);
    expect(rowPieces).toHaveLength(200);
    // A page that continues a category says so.
    const continued = pages.slice(1).map((p) => p[0]!).filter((h) => h.type === 'header' && h.continued);
    expect(continued.length).toBeGreaterThan(0);
  });

  it('a row taller than a page is split across pages, and nothing is lost', () => {
    const doc = buildExample(SUNNYDALE, 'm');
    for (let i = 0; i < 150; i++) {
      doc.nodes[`na1.x${i}`] = { id: `na1.x${i}`, kind: 'strength', label: `Strength number ${i} with a few words to wrap`, attachedTo: 'na1', x: 0, y: 0, order: 10 + i };
    }
    const sections = worksheetTableRows(doc);
    const pages = paginateWorksheet(sections, layout, split);
    checkPages(pages, layout, sections);
    const pieces = pages.flat().filter((p) => p.type === 'row' && p.id === 'na1');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.slice(1).every((p) => p.type === 'row' && p.continued)).toBe(true);
  });

  it('a category header never sits alone at the foot of a page', () => {
    const sections = worksheetTableRows(generateMap(120, 5));
    const pages = paginateWorksheet(sections, layout, split);
    for (const page of pages) expect(page[page.length - 1]!.type).toBe('row');
  });

  it('ends on a page too small for one line', () => {
    const tiny: TableLayout = { ...layout, top: 0, bottom: 30, firstPageOffset: 0 };
    const sections = worksheetTableRows(buildExample(SUNNYDALE, 'm'));
    const pages = paginateWorksheet(sections, tiny, split);
    expect(pages.length).toBeGreaterThan(10);
    for (const s of sections) for (const row of s.rows) expect(linesOf(pages, row.id)).toEqual(rowLines(row, tiny, split).map((c) => c.map((l) => l.text)));
  });

  it('prints the ledger under the name, dates in the reader’s words', () => {
    const doc = buildExample(SUNNYDALE, 'm');
    const staff = Object.values(doc.nodes).find((n) => n.kind === 'staff')!;
    Object.assign(doc.nodes.school!, { contactOwners: [staff.id], lastContact: '2026-03-14', nextStep: 'Shared calendar', nextStepDue: '2026-05-01', partnershipType: 'seasonal', seasonStart: '2026-06-01', seasonEnd: '2026-08-31', partnershipStatus: 'active' });
    const school = worksheetTableRows(doc, 'en-GB')[0]!.rows[1]!;
    expect(school.ledger).toEqual([
      `Contact owner: ${staff.label}`,
      'Last contact: 14 March 2026',
      'Next step: Shared calendar (due 1 May 2026)',
      'Seasonal (1 June 2026 – 31 August 2026) · Active',
    ]);
    expect(rowLines(school, layout, split)[0]!.map((l) => l.text).join(' ')).toContain('Last contact: 14 March 2026');
  });

  it('list items wrap under their bullet', () => {
    const lines = rowLines(
      { id: 'r', name: 'A', strengths: ['one two three four five six seven eight nine ten eleven twelve thirteen'], weaknesses: [], improvements: [], ledger: [] },
      layout,
      split,
    )[1]!;
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]!.bullet).toBe(true);
    expect(lines.slice(1).every((l) => l.indent && !l.bullet)).toBe(true);
    for (const l of lines) expect(textWidth(l.text, 9.5)).toBeLessThanOrEqual(layout.columns[1] - 2 * layout.padX - layout.bulletIndent);
  });
});

describe('worksheet pages with jsPDF', () => {
  it('draws the table after the first page and carries the map in XMP', async () => {
    const doc = sunnydale();
    const pdf = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'letter' });
    const added = addWorksheetPages(pdf, await PdfText.prepare(pdf, []), doc, 'letter');
    expect(added).toBe(1);
    expect(pdf.getNumberOfPages()).toBe(2);
    pdf.addMetadata(pdfPayload(serializeMap(doc)), PDF_MAP_NAMESPACE);
    const bytes = new Uint8Array(pdf.output('arraybuffer'));
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('(How can it be improved?)');
    expect(text).toContain('(Work with the teachers and) Tj');
    expect(text).toContain('(Partnership)');
    const opened = readMapFromPdf(bytes);
    expect(opened.ok && opened.value.doc).toEqual(doc);
  });

  it('a big map makes many pages; a PDF without a map says it cannot be opened', async () => {
    const pdf = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'a4' });
    const added = addWorksheetPages(pdf, await PdfText.prepare(pdf, []), generateMap(150, 1), 'a4');
    expect(added).toBeGreaterThan(3);
    expect(pdf.getNumberOfPages()).toBe(added + 1);
    const opened = readMapFromPdf(new Uint8Array(pdf.output('arraybuffer')));
    expect(opened).toEqual({ ok: false, error: { kind: 'no-map-in-image', format: 'PDF' } });
    if (!opened.ok) expect(describeOpenError(opened.error, 'map.pdf')).toMatch(/This PDF has no Asset Map data in it/);
  });
});
