/**
 * The worksheet as CSV, written the way spreadsheets expect (UTF-8 with a byte-order mark so that Excel reads
 * it as UTF-8, CRLF between rows, RFC 4180 quoting, list items as lines inside a cell, formula-like cells
 * guarded) and read back from whatever Excel, LibreOffice, Google Sheets or a text editor made of it (comma, tab
 * or semicolon between cells, any line ends, a byte-order mark or none).
 *
 * The only module that imports papaparse.
 */
import Papa from 'papaparse';
import type { AssetMapDoc } from '../../model';
import { CATEGORY_NAMES, COLUMN_CATEGORY, COLUMN_IMPROVEMENTS, COLUMN_NAME, COLUMN_STRENGTHS, COLUMN_WEAKNESSES } from './categories';
import { encodeList, guardCell } from './cells';
import { decodeText } from './decode';
import { ok } from '../result';
import { readRelationshipTable } from './relationships';
import { type TableOptions, readTable } from './table';
import { withRepeatsMerged } from './repeats';
import { type SheetResult, getExtraColumns, getWorksheetRows, sheetError } from './worksheet';

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** Characters a spreadsheet cannot hold; they would also make the file look like binary. */
const UNSHEETABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled. Semicolons and tabs are quoted
 * too, so that no reader (this one included) can take them for the delimiter.
 */
function quote(cell: string): string {
  return /[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Header and rows of the whole worksheet as cells, guarded for CSV. */
export function worksheetCells(doc: AssetMapDoc): string[][] {
  const rows = getWorksheetRows(doc);
  const extra = getExtraColumns(rows);
  // Characters are dropped before guarding: "\u0001=cmd" must be seen as the "=cmd" it becomes.
  const clean = (text: string) => text.replace(UNSHEETABLE, '');
  const single = (text: string) => guardCell(clean(text));
  const list = (items: readonly string[]) => encodeList(items.map(clean));
  const header = [COLUMN_CATEGORY, COLUMN_NAME, COLUMN_STRENGTHS, COLUMN_WEAKNESSES, COLUMN_IMPROVEMENTS, ...extra.map((c) => c.header)];
  return [
    header.map(single),
    ...rows.map((r) => [
      CATEGORY_NAMES[r.kind],
      single(r.name),
      list(r.strengths),
      list(r.weaknesses),
      list(r.improvements),
      ...extra.map((c) => {
        const value = c.value(r);
        return Array.isArray(value) ? list(value) : single(value);
      }),
    ]),
  ];
}

/** Any table as a CSV file's text (the Due list), every cell guarded against formula injection. */
export function writeTableCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map((cell) => quote(guardCell(cell.replace(UNSHEETABLE, '')))).join(',')).join(CRLF) + CRLF;
}

/** The whole worksheet as a CSV file's text, starting with the byte-order mark. */
export function writeCsv(doc: AssetMapDoc): string {
  return BOM + worksheetCells(doc).map((row) => row.map(quote).join(',')).join(CRLF) + CRLF;
}

const DELIMITERS = ['\t', ';', ','] as const;

export interface Layout {
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
}

/**
 * How a CSV or TSV text is laid out, from its first lines outside quotes. The delimiter: the one used most on the
 * first non-blank line, with tab before semicolon before comma on a tie (a heading holds a comma more often than
 * a semicolon or a tab). The row end: the first line end outside quotes, so that line breaks inside quoted
 * cells (LF in files whose rows end in CRLF) cannot mislead it.
 */
export function sniffLayout(text: string): Layout {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let newline: Layout['newline'] | undefined;
  let quoted = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n' || ch === '\r') {
      newline ??= ch === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
      if (seen) break;
    } else {
      if (counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
      if (ch.trim()) seen = true;
    }
  }
  let delimiter: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    if (counts.get(d)! > most) {
      most = counts.get(d)!;
      delimiter = d;
    }
  }
  return { delimiter, newline: newline ?? '\r\n' };
}

export const sniffDelimiter = (text: string) => sniffLayout(text).delimiter;

/**
 * Splits delimited text into rows of cells. Excel's "sep=;" first line is honoured. A quote that is never closed
 * is an error: the rest of the file would be read into one cell.
 */
export function parseDelimited(text: string, delimiter?: string): { ok: true; cells: string[][] } | { ok: false; detail: string } {
  let body = text;
  let sep = delimiter;
  const hint = /^sep=(.)(\r\n|\n|\r)/i.exec(body);
  if (hint) {
    sep = hint[1]!;
    body = body.slice(hint[0].length);
  }
  const layout = sniffLayout(body);
  const parsed = Papa.parse<string[]>(body, {
    delimiter: sep ?? layout.delimiter,
    newline: layout.newline,
    skipEmptyLines: false,
    header: false,
  });
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) {
    const row = (unclosed.row ?? 0) + 1;
    return { ok: false, detail: `row ${row} has a quote mark that is never closed, so the rest of the file cannot be split into cells` };
  }
  // Excel hides the "sep=" line, so row numbers count from the line after it.
  return { ok: true, cells: parsed.data };
}

export interface CsvOptions {
  /** The category of rows when the file does not say. */
  kind?: TableOptions['kind'];
  /** Force a delimiter instead of sniffing it. */
  delimiter?: string;
}

/** Reads a worksheet from the text or bytes of a CSV or TSV file. Never throws. */
export function readCsv(input: string | ArrayBuffer | Uint8Array, options: CsvOptions = {}): SheetResult {
  const decoded = decodeText(input);
  if (!decoded.ok) return sheetError('the file is not text');
  const split = parseDelimited(decoded.value.text, options.delimiter);
  if (!split.ok) return sheetError(split.detail);
  const relationships = readRelationshipTable(split.cells, { unguard: true });
  if (relationships) return ok({ rows: [], warnings: [], relationships });
  const result = readTable(split.cells, { kind: options.kind, unguard: true, strictWidth: true });
  if (result.ok && decoded.value.legacy) {
    result.value.warnings.unshift('The file was not saved as UTF-8, so it was read as Windows text; check letters with accents.');
  }
  return withRepeatsMerged(result);
}
