/**
 * The worksheet as an Excel workbook: a sheet per category, with the toolkit's columns, wrapped text and the
 * heading row frozen. Reading takes a sheet per category (the sheet's name gives the category) or one sheet with
 * a Category column, or both.
 *
 * exceljs is large, so it is loaded only when a workbook is read or written (`import()`, its own chunk).
 * Workbook cells are typed, so a name starting with "=" is text and needs no guard; list cells use the same
 * one-item-per-line form as CSV.
 */
import { ASSET_KIND_ORDER, type AssetKind, type AssetMapDoc } from '../../model';
import { ok } from '../result';
import { CATEGORY_NAMES, CATEGORY_PLURALS, COLUMN_IMPROVEMENTS, COLUMN_STRENGTHS, COLUMN_WEAKNESSES } from './categories';
import { encodeList } from './cells';
import { readTable } from './table';
import { withRepeatsMerged } from './repeats';
import { RELATIONSHIPS_SHEET, RELATIONSHIP_HEADINGS, type RelationshipRow, readRelationshipTable, relationshipCells } from './relationships';
import { type ImportedRow, type SheetResult, getExtraColumns, getWorksheetRows, sheetError } from './worksheet';

type ExcelModule = typeof import('exceljs');

async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  // exceljs is CommonJS: bundlers and Node put its exports on `default`.
  return mod.default ?? mod;
}

/** Characters XML cannot hold; exceljs would write them and Excel would call the file damaged. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (text: string) => text.replace(NOT_XML, '');

const WIDTHS = { name: 32, list: 44, extra: 28 };

/** The whole worksheet as the bytes of an .xlsx file. */
export async function writeXlsx(doc: AssetMapDoc): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const book = new Excel.Workbook();
  book.creator = 'Asset Map';
  book.title = clean(doc.title);
  const rows = getWorksheetRows(doc);
  const kinds = ASSET_KIND_ORDER.filter((k) => rows.some((r) => r.kind === k));
  // A workbook needs a sheet; an empty map gets the first category's, headings only.
  for (const kind of kinds.length ? kinds : ASSET_KIND_ORDER.slice(0, 1)) {
    const ofKind = rows.filter((r) => r.kind === kind);
    const extra = getExtraColumns(ofKind);
    const sheet = book.addWorksheet(CATEGORY_PLURALS[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      { header: CATEGORY_NAMES[kind], width: WIDTHS.name },
      { header: COLUMN_STRENGTHS, width: WIDTHS.list },
      { header: COLUMN_WEAKNESSES, width: WIDTHS.list },
      { header: COLUMN_IMPROVEMENTS, width: WIDTHS.list },
      ...extra.map((c) => ({ header: clean(c.header), width: WIDTHS.extra })),
    ];
    // Characters are dropped before a list is encoded, so that its guards see the text as it will be.
    const list = (items: readonly string[]) => encodeList(items.map(clean), false);
    for (const r of ofKind) {
      sheet.addRow([
        clean(r.name),
        list(r.strengths),
        list(r.weaknesses),
        list(r.improvements),
        ...extra.map((c) => {
          const v = c.value(r);
          return Array.isArray(v) ? list(v) : clean(v);
        }),
      ]);
    }
    sheet.eachRow((row) => {
      row.alignment = { wrapText: true, vertical: 'top' };
    });
    sheet.getRow(1).font = { bold: true };
  }
  // Who knows whom, as a table the import reads back (relationships.ts).
  const links = relationshipCells(doc);
  if (links.length > 1) {
    const sheet = book.addWorksheet(RELATIONSHIPS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = RELATIONSHIP_HEADINGS.map((header) => ({ header, width: header === 'Tie' ? 10 : WIDTHS.name }));
    for (const row of links.slice(1)) sheet.addRow(row.map(clean));
    sheet.getRow(1).font = { bold: true };
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** A cell's value as the text a user sees in it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => cellText(part.text)).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export interface XlsxOptions {
  /** The category of rows when neither the sheet's name nor its columns say. */
  kind?: AssetKind;
}

/** Reads the worksheet from the bytes of an .xlsx file. Never throws. */
export async function readXlsx(input: ArrayBuffer | Uint8Array, options: XlsxOptions = {}): Promise<SheetResult> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (startsWith(bytes, OLE)) return sheetError('the file is an older Excel workbook (.xls); save it as .xlsx or CSV and open that');
  if (!startsWith(bytes, ZIP)) return sheetError('the file is not an Excel workbook (.xlsx)');
  const Excel = await loadExcel();
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return sheetError('the file is not an Excel workbook (.xlsx), or it is damaged');
  }

  const rows: ImportedRow[] = [];
  const warnings: string[] = [];
  const relationships: RelationshipRow[] = [];
  let firstError: string | undefined;
  let read = 0;
  for (const sheet of book.worksheets) {
    const grid: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    const filled = Array.from(grid, (r) => r ?? []);
    if (!filled.some((r) => r.some((c) => c.trim()))) continue;
    // A sheet of relationships (From, To, Tie, Label), such as the one this app writes.
    const links = readRelationshipTable(filled);
    if (links) {
      relationships.push(...links);
      read++;
      continue;
    }
    const result = readTable(filled, { kind: options.kind, sheet: sheet.name });
    if (!result.ok) {
      firstError ??= result.error.detail;
      warnings.push(`Sheet “${sheet.name}” was left out: it has no column for names.`);
      continue;
    }
    read++;
    rows.push(...result.value.rows);
    warnings.push(...result.value.warnings);
  }
  if (!read) return sheetError(firstError ?? 'the workbook has no rows');
  // A name repeated on another sheet of the same category is the same asset too.
  return withRepeatsMerged(ok({ rows, warnings, ...(relationships.length ? { relationships } : {}) }));
}
