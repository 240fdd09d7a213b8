import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample, commands, emptyDoc } from '../../../src/model';
import { EXAMPLES } from '../../../src/model/moreExamples';
import { type ImportedRow, getWorksheetRows, readXlsx, rowsToNewMap, writeXlsx } from '../../../src/io/sheets';
import { summarize } from './helpers';

async function loadBook(bytes: Uint8Array) {
  const mod = await import('exceljs');
  const Excel = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const book = new Excel.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

async function rowsOf(bytes: Uint8Array) {
  const read = await readXlsx(bytes);
  if (!read.ok) throw new Error(read.error.detail);
  return read.value;
}

const plain = (rows: ImportedRow[]) => rows.map(({ row: _r, sheet: _s, ...rest }) => rest);

describe('Excel workbooks', () => {
  it('writes a sheet per category with the toolkit\'s columns, wrapped text and a bold heading row', async () => {
    const bytes = await writeXlsx(buildExample(SUNNYDALE, 'map_s'));
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const book = await loadBook(bytes);
    // A sheet per category, then who knows whom (Sunnydale's colleague has two relationships).
    expect(book.worksheets.map((s) => s.name)).toEqual(['Partnerships', 'Staff', 'Spaces', 'Material resources', 'Relationships']);
    const partners = book.getWorksheet('Partnerships')!;
    expect((partners.getRow(1).values as unknown[]).slice(1)).toEqual(['Partnership', 'Strengths', 'Weaknesses', 'How can it be improved?']);
    expect(partners.getCell('B3').value).toBe('Teachers\nPTA\nGym and Auditorium spaces');
    expect(partners.getCell('B3').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(partners.getRow(1).font).toMatchObject({ bold: true });
  });

  for (const [key, spec] of Object.entries(EXAMPLES)) {
    it(`round trip of the ${key} example keeps every row`, async () => {
      const doc = buildExample(spec, `map_${key}`);
      const { rows, warnings } = await rowsOf(await writeXlsx(doc));
      expect(warnings).toEqual([]);
      const expected = getWorksheetRows(doc).map((r) =>
        // A named detail with no text has no cell to come back from.
        r.fields ? { ...r, fields: Object.fromEntries(Object.entries(r.fields).filter(([, v]) => v)) } : r,
      );
      expect(plain(rows)).toEqual(expected);
      expect(summarize(rowsToNewMap(rows, doc.title))).toEqual(summarize(doc));
    });
  }

  it('keeps formula-like text, quotes, bullets, right-to-left text and emoji exactly', async () => {
    const doc = emptyDoc('Tricky', 'map_t');
    commands.addAsset(doc, { id: 'a', kind: 'community', label: '=SUM(A1) "quoted"', x: 0, y: 0 });
    const items = ['-Teachers', '=1+1', 'a; b', ' padded ', "'apostrophe", 'انجمن محله ۱ 🙌', 'Zoë'];
    items.forEach((label, i) => commands.addAttachment(doc, { id: `s${i}`, kind: 'strength', attachedTo: 'a', label, x: 0, y: 0 }));
    const { rows } = await rowsOf(await writeXlsx(doc));
    expect(rows[0]).toMatchObject({ kind: 'community', name: '=SUM(A1) "quoted"', strengths: items, sheet: 'Community assets', row: 2 });
  });

  it('reads one sheet with a Category column', async () => {
    const mod = await import('exceljs');
    const Excel = (mod as unknown as { default?: typeof mod }).default ?? mod;
    const book = new Excel.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow(['Worksheet #2, Sunnydale']);
    sheet.addRow([]);
    sheet.addRow(['Name', 'Category', 'Strengths', 'Challenges', 'Improvements', 'Budget']);
    sheet.addRow(['Meeting Room', 'Spaces', '50 person capacity', 'Heavy tables', 'Move tables', 1200]);
    sheet.addRow(['Friends group', 'Partnership', { richText: [{ text: 'Raises ' }, { text: 'funds', font: { bold: true } }] }, null, null, { formula: '1+1', result: 2 }]);
    sheet.addRow(['Website', 'Material resources', { text: 'Online catalog', hyperlink: 'https://example.org' }, '', '', true]);
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const { rows, warnings } = await rowsOf(bytes);
    expect(warnings).toEqual([]);
    expect(plain(rows)).toEqual([
      { kind: 'space', name: 'Meeting Room', strengths: ['50 person capacity'], weaknesses: ['Heavy tables'], improvements: ['Move tables'], fields: { Budget: '1200' } },
      { kind: 'partner', name: 'Friends group', strengths: ['Raises funds'], weaknesses: [], improvements: [], fields: { Budget: '2' } },
      { kind: 'resource', name: 'Website', strengths: ['Online catalog'], weaknesses: [], improvements: [], fields: { Budget: 'TRUE' } },
    ]);
    expect(rows.map((r) => r.row)).toEqual([4, 5, 6]);
  });

  it('skips a sheet without names, saying so, and reads the others', async () => {
    const mod = await import('exceljs');
    const Excel = (mod as unknown as { default?: typeof mod }).default ?? mod;
    const book = new Excel.Workbook();
    book.addWorksheet('Instructions').addRow(['Fill in one sheet per category.']);
    const staff = book.addWorksheet('Staffing');
    staff.addRow(['Name', 'Strengths']);
    staff.addRow(['IT staff', 'Fixes anything']);
    book.addWorksheet('Empty');
    const { rows, warnings } = await rowsOf(new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
    expect(rows).toEqual([{ row: 2, sheet: 'Staffing', kind: 'staff', name: 'IT staff', strengths: ['Fixes anything'], weaknesses: [], improvements: [] }]);
    expect(warnings).toEqual(['Sheet “Instructions” was left out: it has no column for names.']);
  });

  it('an empty map makes a workbook with one sheet of headings', async () => {
    const book = await loadBook(await writeXlsx(emptyDoc('Empty', 'map_e')));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Partnerships']);
  });
});
