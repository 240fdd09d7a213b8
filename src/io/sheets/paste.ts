/**
 * Cells pasted from a spreadsheet. Excel, LibreOffice and Google Sheets all put a copied range on the clipboard
 * as tab-separated text, quoting cells with line breaks. The range may start with the heading row or not; without
 * one, the columns are the worksheet's own: Name, Strengths, Weaknesses, How can it be improved?
 */
import type { AssetKind } from '../../model';
import { COLUMN_IMPROVEMENTS, COLUMN_NAME, COLUMN_STRENGTHS, COLUMN_WEAKNESSES, matchHeading } from './categories';
import { parseDelimited } from './csv';
import { isText } from './decode';
import { readTable } from './table';
import { withRepeatsMerged } from './repeats';
import { type SheetResult, sheetError } from './worksheet';

/** A first row is headings when two of its cells are headings the worksheet knows (a lone name is just a name). */
function isHeadingRow(row: readonly string[]): boolean {
  return row.filter((cell) => matchHeading(cell) !== undefined).length >= 2;
}

/**
 * Reads pasted cells as worksheet rows. `kind` is the category of the section pasted into; a Category column in
 * a pasted heading row wins over it. Cells are taken as they are: a clipboard carries values, not CSV guards.
 */
export function parsePastedCells(text: string, kind?: AssetKind): SheetResult {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!isText(clean)) return sheetError('the pasted text is not spreadsheet cells');
  const split = parseDelimited(clean, '\t');
  if (!split.ok) return sheetError(split.detail);
  const first = split.cells.find((row) => row.some((c) => c.trim()));
  if (!first) return { ok: true, value: { rows: [], warnings: [] } };
  const subject = 'the pasted cells';
  if (isHeadingRow(first)) return withRepeatsMerged(readTable(split.cells, { kind, subject }));
  const header = [COLUMN_NAME, COLUMN_STRENGTHS, COLUMN_WEAKNESSES, COLUMN_IMPROVEMENTS];
  return withRepeatsMerged(readTable([header, ...split.cells], { kind, subject, firstRow: 0 }));
}
