import { describe, expect, it } from 'vitest';
import { type ImportedRow, readCsv, sniffDelimiter } from '../../../src/io/sheets';
import { fixture } from './helpers';

function rowsOf(input: string | Uint8Array, kind?: ImportedRow['kind']) {
  const result = readCsv(input, { kind });
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
}

/** Rows without their row numbers, for comparing with what a fixture holds. */
const plain = (rows: ImportedRow[]) => rows.map(({ row: _row, sheet: _sheet, ...rest }) => rest);

describe('the Sunnydale partnerships table, as Excel saves it', () => {
  const { rows, warnings } = rowsOf(fixture('sunnydale-partnerships.excel.csv'));

  it('reads every row as a partnership, the heading giving the category', () => {
    expect(warnings).toEqual([]);
    expect(rows.map((r) => [r.row, r.kind, r.name])).toEqual([
      [2, 'partner', 'Neighborhood Association 1'],
      [3, 'partner', 'School Partnership'],
      [4, 'partner', 'Neighborhood Association 2'],
    ]);
  });

  it('keeps "bilingual - English/Farsi" as one strength and splits "Teachers; PTA; …" into three', () => {
    expect(rows[0]!.strengths).toEqual(['Many bilingual - English/Farsi Speakers']);
    expect(rows[1]!.strengths).toEqual(['Teachers', 'PTA', 'Gym and Auditorium spaces']);
    expect(rows[2]!.strengths).toEqual(['Owns a building with a large meeting space', 'Provides technology']);
    expect(rows[1]!.weaknesses).toEqual(['Busy schedule makes coordination difficult']);
    expect(rows[1]!.improvements).toEqual(['Work with the teachers and PTA to make a shared calendar that is updated weekly']);
  });
});

describe('files as spreadsheet programs write them', () => {
  it('Excel: BOM, CRLF, quoted cells with commas, quotes and line breaks, empty rows at the end', () => {
    const { rows, warnings } = rowsOf(fixture('worksheet.excel.csv'));
    expect(warnings).toEqual([]);
    expect(plain(rows)).toEqual([
      {
        kind: 'partner',
        name: 'School Partnership',
        strengths: ['Teachers', 'PTA', 'Gym and Auditorium spaces'],
        weaknesses: ['Busy schedule makes coordination difficult'],
        improvements: ['Work with the teachers and PTA to make a shared calendar that is updated weekly'],
      },
      {
        kind: 'staff',
        name: "1 Children's Services staff, part time",
        strengths: ['Knowledgeable in early literacy'],
        weaknesses: ['Large deaf community unable to access storytime, no ASL speakers'],
        improvements: ['Work with community to find an ASL speaking volunteer to translate storytime'],
      },
      {
        kind: 'space',
        name: 'Meeting Room',
        strengths: ['50 person capacity, "flexible" layout'],
        weaknesses: ['Large tables take up space, heavy to move'],
        improvements: ['Work with volunteers to move large tables to the main floor'],
      },
      {
        kind: 'resource',
        name: 'Technology acquisition',
        strengths: ['Technology partnership with Neighborhood Association 2'],
        weaknesses: ['Small budget'],
        improvements: [],
      },
    ]);
  });

  it('LibreOffice: semicolons between cells, LF, no BOM', () => {
    const { rows, warnings } = rowsOf(fixture('worksheet.libreoffice-semicolon.csv'));
    expect(warnings).toEqual([]);
    expect(rows.map((r) => [r.kind, r.name])).toEqual([
      ['partner', 'Neighborhood Association 2'],
      ['staff', 'Reference librarian'],
      ['space', 'Café corner'],
    ]);
    expect(rows[1]!.strengths).toEqual(['Loves to cook, reads a lot of fantasy']);
    expect(rows[2]!.strengths).toEqual(['Seats 12', 'near the entrance']);
    expect(rows[2]!.weaknesses).toEqual(['Noisy, busy']);
  });

  it('Google Sheets: other heading words, plural categories, extra columns kept as details', () => {
    const { rows, warnings } = rowsOf(fixture('worksheet.google-sheets.csv'));
    expect(warnings).toEqual([]);
    expect(plain(rows)).toEqual([
      {
        kind: 'partner',
        name: 'Natural History Museum',
        strengths: ['Students can get free tickets through the library or school'],
        weaknesses: ['Untapped source of expertise and activities'],
        improvements: ['Invite museum staff to a teen program', 'Plan a joint summer event'],
      },
      {
        kind: 'staff',
        name: 'Volunteers',
        strengths: [],
        weaknesses: ['Inconsistent availability, knowledge, and ability'],
        improvements: [],
        fields: { Role: 'Helpers' },
      },
      { kind: 'space', name: 'Auditorium', strengths: ['Room for 300 people'], weaknesses: [], improvements: [] },
    ]);
  });

  it('bullets typed in cells become separate items', () => {
    const { rows } = rowsOf(fixture('bullets.csv'));
    expect(rows[0]!.strengths).toEqual(['Teachers', 'PTA', 'Gym and Auditorium spaces']);
    expect(rows[0]!.weaknesses).toEqual(['Busy schedule makes coordination difficult']);
    expect(rows[1]!.strengths).toEqual(['Many bilingual - English/Farsi Speakers']);
    expect(rows[1]!.weaknesses).toEqual(['Far from the library', 'Few drivers']);
    expect(rows[2]!.strengths).toEqual(['Owns a building with a large meeting space', 'Provides technology']);
    expect(rows[2]!.improvements).toEqual(['Recruit members together', 'Share the meeting space']);
  });

  it('right-to-left text, emoji and accents', () => {
    const { rows } = rowsOf(fixture('farsi.csv'));
    expect(rows[0]!.name).toBe('انجمن محله ۱');
    expect(rows[0]!.strengths).toEqual(['دوزبانه: انگلیسی و فارسی', 'داوطلبان مشتاق 🙌']);
    expect(rows[1]!.name).toBe('Zoë Ångström-Nuñez');
    expect(rows[1]!.strengths).toEqual(['Habla español 🇪🇸']);
    expect(rows[1]!.weaknesses).toEqual(['Few hours, "part time"']);
    expect(rows[2]).toMatchObject({ kind: 'community', name: 'مسجد محله', strengths: ['سالن بزرگ 👨‍👩‍👧‍👦'] });
  });

  it('a TSV with the toolkit\'s own headings under a title row', () => {
    const { rows, warnings } = rowsOf(fixture('toolkit-staffing.tsv'));
    expect(warnings).toEqual([]);
    expect(rows.map((r) => [r.row, r.kind, r.name])).toEqual([
      [4, 'staff', "1 Children's Services staff"],
      [5, 'staff', 'IT staff'],
    ]);
    expect(rows[0]!.weaknesses).toEqual(['Large deaf community unable to access storytime, no ASL speakers']);
    expect(rows[0]!.improvements).toEqual(['Work with community to find an ASL speaking volunteer to translate storytime']);
    expect(rows[1]!.strengths).toEqual(['Fixes anything', 'Teaches coding']);
  });
});

describe('encodings', () => {
  const text = 'Space,Strengths\r\nCafé,Crème brûlée\r\n';

  it('reads Windows-1252 (Excel\'s plain CSV) and says so', () => {
    const { rows, warnings } = rowsOf(new Uint8Array(Buffer.from(text, 'latin1')));
    expect(rows[0]).toMatchObject({ kind: 'space', name: 'Café', strengths: ['Crème brûlée'] });
    expect(warnings).toEqual(['The file was not saved as UTF-8, so it was read as Windows text; check letters with accents.']);
  });

  it('reads UTF-16 with a byte-order mark (Excel\'s Unicode text)', () => {
    const tsv = 'Space\tStrengths\r\nCafé\tسالن 🙌\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(tsv, 'utf16le')]);
    expect(rowsOf(bytes).rows[0]).toMatchObject({ name: 'Café', strengths: ['سالن 🙌'] });
  });

  it('reads UTF-8 with and without a BOM, from bytes or a string', () => {
    const utf8 = new Uint8Array(Buffer.from(text, 'utf8'));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    for (const input of [utf8, withBom, text, '\uFEFF' + text, withBom.buffer]) {
      expect(rowsOf(input as Uint8Array).rows[0]).toMatchObject({ name: 'Café', strengths: ['Crème brûlée'] });
    }
  });
});

describe('reading forgivingly', () => {
  it('matches headings whatever their case, spaces and punctuation', () => {
    const { rows } = rowsOf('  CATEGORY ,name,STRENGTH,challenges,Improvement(s)\nSpace,Hall,Big,Cold,Heat it\n');
    expect(rows[0]).toMatchObject({ kind: 'space', name: 'Hall', strengths: ['Big'], weaknesses: ['Cold'], improvements: ['Heat it'] });
    const other = rowsOf('Material resource(s),Assets,Weakness,how can it be improved\n3D printer,New,Slow,Train staff\n');
    expect(other.rows[0]).toMatchObject({ kind: 'resource', name: '3D printer', strengths: ['New'], improvements: ['Train staff'] });
  });

  it('takes the category from a Category column over the name heading, and the heading for blank cells', () => {
    const { rows } = rowsOf('Category,Staff,Strengths\nPartnership,Friends group,Funds\n,Jo,Kind\n');
    expect(rows.map((r) => [r.kind, r.name])).toEqual([
      ['partner', 'Friends group'],
      ['staff', 'Jo'],
    ]);
  });

  it('uses the caller\'s category, or Material resource with a warning, when nothing says', () => {
    expect(rowsOf('Name,Strengths\nHall,Big\n', 'space').rows[0]!.kind).toBe('space');
    const { rows, warnings } = rowsOf('Name,Strengths\nHall,Big\n');
    expect(rows[0]!.kind).toBe('resource');
    expect(warnings).toEqual(['There is no Category column in the file, so every row was put under Material resource.']);
  });

  it('keeps an unknown category as a detail and says which rows had it', () => {
    const { rows, warnings } = rowsOf('Category,Name\nFurniture,Chairs\nFurniture,Tables\nSpace,Hall\n', 'space');
    expect(rows[0]).toMatchObject({ kind: 'space', name: 'Chairs', fields: { Category: 'Furniture' } });
    expect(warnings).toEqual(["Rows 2 and 3 have the category “Furniture”, which is not one of the worksheet's; they were put under Space."]);
  });

  it('skips blank rows and leaves out rows without a name, saying so', () => {
    const { rows, warnings } = rowsOf('Name,Strengths\n\n,,\nHall,Big\n,Orphan strength\n\n');
    expect(rows.map((r) => [r.row, r.name])).toEqual([[4, 'Hall']]);
    expect(warnings).toContain('Row 5 has no name, so it was left out.');
  });

  it('reads the names from an unknown first column when the other headings are the worksheet\'s', () => {
    const { rows, warnings } = rowsOf('Item,Strengths,Weaknesses\nHall,Big,Cold\n', 'space');
    expect(rows[0]).toMatchObject({ name: 'Hall', strengths: ['Big'] });
    expect(warnings).toEqual(['The column “Item” was read as the names of the assets.']);
  });

  it('prefers a column called Name over a name-like heading, which becomes a detail', () => {
    const { rows } = rowsOf('Staff,Name,Strengths\nChildren,Ana,Storytime\n');
    expect(rows[0]).toMatchObject({ kind: 'staff', name: 'Ana', fields: { Staff: 'Children' } });
  });

  it('honours Excel\'s "sep=" line', () => {
    expect(rowsOf('sep=;\nName;Strengths\nHall, east;Big, bright\n', 'space').rows[0]).toMatchObject({
      name: 'Hall, east',
      strengths: ['Big, bright'],
    });
  });

  it('ignores empty cells past the last heading', () => {
    const { rows } = rowsOf('Name,Strengths,,\r\nHall,Big,,,,\r\n', 'space');
    expect(rows[0]).toMatchObject({ name: 'Hall', strengths: ['Big'] });
  });

  it('keeps Details and Passions columns as the asset\'s details and passions', () => {
    const { rows } = rowsOf('Staff,Details,Passions and interests,Detail: Category\nAna,Part time,"Loves to cook\nFantasy",Technology\n');
    expect(rows[0]).toMatchObject({ details: 'Part time', passions: ['Loves to cook', 'Fantasy'], fields: { Category: 'Technology' } });
  });
});

describe('sniffing the delimiter', () => {
  it('picks the one used most on the first line, outside quotes', () => {
    expect(sniffDelimiter('a,b,c\n1;2;3')).toBe(',');
    expect(sniffDelimiter('a;b;c\n1,2,3')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('"a,b,c";d\n')).toBe(';');
    expect(sniffDelimiter('\n\nName;"x, y"\n')).toBe(';');
    expect(sniffDelimiter('Name')).toBe(',');
  });
});
