import { describe, expect, it } from 'vitest';
import { decodeList, encodeList, guardCell, unguardCell } from '../../../src/io/sheets';
import { columnLetter } from '../../../src/io/sheets/cells';

describe('single cells', () => {
  it('guards what a spreadsheet would run as a formula, and only that', () => {
    expect(guardCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(guardCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(guardCell('-Teachers')).toBe("'-Teachers");
    expect(guardCell('@mention')).toBe("'@mention");
    expect(guardCell('\tindented')).toBe("'\tindented");
    expect(guardCell('\rcarriage')).toBe("'\rcarriage");
    expect(guardCell("'Tis the season")).toBe("''Tis the season");
    expect(guardCell(' padded ')).toBe("' padded ");
    expect(guardCell('Meeting Room')).toBe('Meeting Room');
    expect(guardCell('1 + 1 = 2')).toBe('1 + 1 = 2');
  });

  it('undoes the guard exactly and trims unguarded cells', () => {
    for (const text of ['=SUM(A1)', '-Teachers', "'Tis", ' padded ', '@x', '\tx', 'plain']) {
      expect(unguardCell(guardCell(text))).toBe(text);
    }
    expect(unguardCell('  Meeting Room ')).toBe('Meeting Room');
  });
});

describe('list cells', () => {
  it('writes one item per line and reads them back', () => {
    const items = ['Teachers', 'PTA', 'Gym and Auditorium spaces'];
    expect(encodeList(items)).toBe('Teachers\nPTA\nGym and Auditorium spaces');
    expect(decodeList(encodeList(items))).toEqual(items);
  });

  it('splits on semicolons, CRLF and CR as well as LF', () => {
    expect(decodeList('Teachers; PTA; Gym and Auditorium spaces')).toEqual(['Teachers', 'PTA', 'Gym and Auditorium spaces']);
    expect(decodeList('a\r\nb\rc\n\n d ')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads typed bullets, but not a dash inside text', () => {
    expect(decodeList('-Teachers -PTA -Gym and Auditorium spaces')).toEqual(['Teachers', 'PTA', 'Gym and Auditorium spaces']);
    expect(decodeList('Many bilingual - English/Farsi Speakers')).toEqual(['Many bilingual - English/Farsi Speakers']);
    expect(decodeList('- Busy schedule - hard to plan')).toEqual(['Busy schedule - hard to plan']);
    expect(decodeList('• Far away • Few drivers')).toEqual(['Far away', 'Few drivers']);
    expect(decodeList('* one\n* two *three')).toEqual(['one', 'two', 'three']);
    expect(decodeList('Open 9-5, Mon-Fri')).toEqual(['Open 9-5, Mon-Fri']);
  });

  it('guards items that would be misread, and restores them exactly', () => {
    const tricky = ['-5 degrees', '=1+1', '@home', '+44', "'quoted'", 'a; b', ' padded ', '', '• dot', '* star', '–dash', 'plain'];
    const cell = encodeList(tricky);
    expect(cell.split('\n')[0]).toBe("'-5 degrees");
    expect(decodeList(cell)).toEqual(tricky);
    // A single item that starts with a dash is guarded too, so it is neither a formula nor a bullet.
    expect(encodeList(['-Teachers'])).toBe("'-Teachers");
    expect(decodeList(encodeList(['-Teachers']))).toEqual(['-Teachers']);
  });

  it('leaves formula characters alone inside a workbook cell, but still guards bullets', () => {
    expect(encodeList(['=1+1', '@home'], false)).toBe('=1+1\n@home');
    expect(encodeList(['-5 degrees'], false)).toBe("'-5 degrees");
  });

  it('turns line breaks inside an item into spaces', () => {
    expect(encodeList(['two\nlines', 'three\r\nmore\rlines'])).toBe('two lines\nthree more lines');
  });
});

it('names columns as spreadsheets do', () => {
  expect([0, 4, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'E', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});
