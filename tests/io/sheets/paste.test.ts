import { describe, expect, it } from 'vitest';
import { parsePastedCells } from '../../../src/io/sheets';

function rowsOf(text: string, kind?: Parameters<typeof parsePastedCells>[1]) {
  const result = parsePastedCells(text, kind);
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
}

describe('pasting cells copied from a spreadsheet', () => {
  it('without a heading row: Name, Strengths, Weaknesses, Improvements, in the section\'s category', () => {
    // As Excel puts a copied range on the clipboard: tabs, CRLF, a cell with line breaks quoted, a final CRLF.
    const text = 'Meeting Room\t50 person capacity\tLarge tables take up space, heavy to move\tWork with volunteers to move large tables to the main floor\r\nStudy room\t"Quiet\nBookable"\t\t\r\n';
    const { rows, warnings } = rowsOf(text, 'space');
    expect(warnings).toEqual([]);
    expect(rows).toEqual([
      {
        row: 1,
        kind: 'space',
        name: 'Meeting Room',
        strengths: ['50 person capacity'],
        weaknesses: ['Large tables take up space, heavy to move'],
        improvements: ['Work with volunteers to move large tables to the main floor'],
      },
      { row: 2, kind: 'space', name: 'Study room', strengths: ['Quiet', 'Bookable'], weaknesses: [], improvements: [] },
    ]);
  });

  it('with a heading row, including a Category column that wins over the section', () => {
    const text = 'Category\tName\tStrengths\tChallenges\nPartnership\tFriends group\tRaises funds\tFew members\nStaff\tAna\tStorytime\t\n';
    const { rows } = rowsOf(text, 'space');
    expect(rows.map((r) => [r.kind, r.name, r.weaknesses])).toEqual([
      ['partner', 'Friends group', ['Few members']],
      ['staff', 'Ana', []],
    ]);
  });

  it('with the toolkit\'s heading row (Google Sheets copies LF between rows)', () => {
    const { rows } = rowsOf('Partnership\tStrengths\tWeaknesses\tHow can it be improved?\nSchool Partnership\tTeachers; PTA\tBusy\tShared calendar\n');
    expect(rows[0]).toMatchObject({ kind: 'partner', name: 'School Partnership', strengths: ['Teachers', 'PTA'] });
  });

  it('a single column of names, and a lone name that happens to be a heading word', () => {
    expect(rowsOf('Hall\nGarden\n', 'space').rows.map((r) => r.name)).toEqual(['Hall', 'Garden']);
    expect(rowsOf('Staff', 'staff').rows.map((r) => r.name)).toEqual(['Staff']);
  });

  it('cells are taken as they are: a clipboard has no CSV guards', () => {
    expect(rowsOf("'Tis the season\t=1+1", 'program').rows[0]).toMatchObject({ name: "'Tis the season", strengths: ['=1+1'] });
  });

  it('extra columns become details named by their letter', () => {
    expect(rowsOf('Hall\tBig\t\t\tEast wing', 'space').rows[0]!.fields).toEqual({ 'Column E': 'East wing' });
  });

  it('nothing pasted is no rows; binary is refused', () => {
    expect(rowsOf('\r\n\t\t\r\n').rows).toEqual([]);
    const bad = parsePastedCells('\u0000\u0001\u0002garbage\u0003');
    expect(bad).toEqual({ ok: false, error: { kind: 'spreadsheet', detail: 'the pasted text is not spreadsheet cells' } });
  });
});
