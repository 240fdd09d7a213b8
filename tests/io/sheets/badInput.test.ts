/** Files that cannot be read as a worksheet: the right sentence, and nothing thrown. */
import { importSheetAsNewMap } from '../../../src/io/sheets/importSheet';
import { describe, expect, it } from 'vitest';
import { describeOpenError } from '../../../src/io/mapFile';
import { readCsv, readXlsx } from '../../../src/io/sheets';

function detailOf(input: string | Uint8Array): string {
  const result = readCsv(input);
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.kind).toBe('spreadsheet');
  return result.error.detail;
}

/** Bytes that look like nothing: a fixed pseudo-random sequence, so the test is the same every run. */
function garbage(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('bad input', () => {
  it('no column for names', () => {
    expect(detailOf('Foo,Bar\n1,2\n')).toBe(
      'no column for names was found (expected a column called Name, Partnership, Staff, Space, Technology or Material resource)',
    );
    expect(detailOf('Category,Strengths\nSpace,Big\n')).toMatch(/^no column for names was found/);
    expect(detailOf('')).toMatch(/^no column for names was found/);
  });

  it('a row with more cells than the header, naming the row', () => {
    const csv = ['Name,Strengths,Weaknesses,How can it be improved?,Category', 'a,,,,Space', '', 'b,,,,Space', 'c,,,,Space', 'd,,,,Space', 'e,1,000 books,,,Space'].join('\r\n');
    expect(detailOf(csv)).toBe('row 7 has 6 cells but the header has 5');
  });

  it('binary garbage is not text', () => {
    expect(detailOf(garbage(4096))).toBe('the file is not text');
    expect(detailOf(garbage(64, 99))).toBe('the file is not text');
    expect(detailOf('Name\u0000\u0001\u0002\u0003,x\n')).toBe('the file is not text');
    // A PNG's first bytes.
    expect(detailOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))).toBe(
      'the file is not text',
    );
  });

  it('a quote that is never closed', () => {
    expect(detailOf('Name,Strengths\r\nHall,"Big\r\nRoom,Small\r\n')).toBe(
      'row 2 has a quote mark that is never closed, so the rest of the file cannot be split into cells',
    );
  });

  it('the sentence the app shows', () => {
    const result = importSheetAsNewMap('Foo,Bar\n1,2\n', 'x');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(describeOpenError(result.error, 'assets.csv')).toBe(
        '“assets.csv” could not be read as a worksheet: no column for names was found (expected a column called Name, Partnership, Staff, Space, Technology or Material resource). Your current map was not changed.',
      );
    }
  });

  it('a workbook that is not one', async () => {
    const notZip = await readXlsx(new TextEncoder().encode('Name,Strengths\n'));
    expect(notZip).toEqual({ ok: false, error: { kind: 'spreadsheet', detail: 'the file is not an Excel workbook (.xlsx)' } });
    const brokenZip = await readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...garbage(300)]));
    expect(brokenZip).toEqual({ ok: false, error: { kind: 'spreadsheet', detail: 'the file is not an Excel workbook (.xlsx), or it is damaged' } });
    const xls = await readXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...garbage(100)]));
    expect(!xls.ok && xls.error.detail).toBe('the file is an older Excel workbook (.xls); save it as .xlsx or CSV and open that');
  });
});
