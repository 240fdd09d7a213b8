/** A row that repeats the category and name of an earlier row continues that row: one asset, never two. */
import { describe, expect, it } from 'vitest';
import { parsePastedCells, readCsv, rowsToContent, rowsToNewMap } from '../../../src/io/sheets';
import { emptyDoc, getAssets, getAttachmentIndex } from '../../../src/model';

const CSV =
  'Category,Name,Strengths,Weaknesses,How can it be improved?\r\n' +
  'Partnership,Riverbend Boys & Girls Club,After-school programs,Far from the branch,Share a van\r\n' +
  'Partnership,Riverbend Boys & Girls Club,Gym for events,,\r\n' +
  'Space,Riverbend Boys & Girls Club,Meeting room,,\r\n' +
  'Partnership,Food Bank,Reaches families,,\r\n' +
  'Partnership, riverbend  boys & girls club ,After-school programs,,Ask about summer\r\n';

function read() {
  const result = readCsv(CSV);
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
}

describe('continuation rows', () => {
  it('reads a repeated name in the same category as one row with the items of both, and says so', () => {
    const { rows, warnings } = read();
    expect(rows.map((r) => [r.kind, r.name])).toEqual([
      ['partner', 'Riverbend Boys & Girls Club'],
      ['space', 'Riverbend Boys & Girls Club'],
      ['partner', 'Food Bank'],
    ]);
    expect(rows[0]!.strengths).toEqual(['After-school programs', 'Gym for events']);
    expect(rows[0]!.improvements).toEqual(['Share a van', 'Ask about summer']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/rows 2, 3 and 6 .*“Riverbend Boys & Girls Club”.*one/i);
  });

  it('makes one partner of them in a new map, with every strength on it', () => {
    const doc = rowsToNewMap(read().rows, 'Riverbend');
    const partners = getAssets(doc).filter((a) => a.kind === 'partner');
    expect(partners.map((a) => a.label)).toEqual(['Riverbend Boys & Girls Club', 'Food Bank']);
    const strengths = (getAttachmentIndex(doc).get(partners[0]!.id) ?? []).filter((n) => n.kind === 'strength').map((n) => n.label);
    expect(strengths).toEqual(['After-school programs', 'Gym for events']);
  });

  it('merges rows handed over unmerged, in a new map as when adding to a map', () => {
    const rows = [
      { kind: 'partner' as const, name: 'Riverbend', strengths: ['Gym'], weaknesses: [], improvements: [] },
      { kind: 'partner' as const, name: 'Riverbend', strengths: ['Vans'], weaknesses: [], improvements: [] },
    ];
    const fresh = rowsToContent(emptyDoc('x'), rows, 'new');
    expect(Object.values(fresh.nodes).filter((n) => n.kind === 'partner')).toHaveLength(1);
    expect(fresh.summary).toMatchObject({ assets: 1, merged: 1, items: 2 });
  });

  it('pasted cells too', () => {
    const pasted = parsePastedCells('Riverbend\tGym for events\nRiverbend\tAfter-school programs\nFood Bank\tReaches families', 'partner');
    if (!pasted.ok) throw new Error(pasted.error.detail);
    expect(pasted.value.rows.map((r) => r.name)).toEqual(['Riverbend', 'Food Bank']);
    expect(pasted.value.rows[0]!.strengths).toEqual(['Gym for events', 'After-school programs']);
    expect(pasted.value.warnings.join(' ')).toMatch(/Rows 1 and 2 .*“Riverbend”/);
  });
});

describe('continuation rows in a workbook', () => {
  it('a name repeated on the next row, and on another sheet of the same category, is one asset', async () => {
    const mod = await import('exceljs');
    const Excel = (mod as unknown as { default?: typeof mod }).default ?? mod;
    const book = new Excel.Workbook();
    const first = book.addWorksheet('Partnerships');
    first.addRow(['Partnership', 'Strengths', 'Weaknesses']);
    first.addRow(['Riverbend Boys & Girls Club', 'After-school programs', 'Far away']);
    first.addRow(['Riverbend Boys & Girls Club', 'Gym for events', '']);
    const second = book.addWorksheet('More partners');
    second.addRow(['Partnership', 'Strengths']);
    second.addRow(['Riverbend Boys & Girls Club', 'Vans']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const { readXlsx } = await import('../../../src/io/sheets');
    const read = await readXlsx(bytes);
    if (!read.ok) throw new Error(read.error.detail);
    expect(read.value.rows.map((r) => r.name)).toEqual(['Riverbend Boys & Girls Club']);
    expect(read.value.rows[0]!.strengths).toEqual(['After-school programs', 'Gym for events', 'Vans']);
    expect(read.value.warnings.join(' ')).toContain('Rows 2 and 3 of sheet “Partnerships” and row 2 of sheet “More partners” name the same partnership');
  });
});
