/**
 * A grid of cells (from CSV, a pasted range or a workbook sheet) to worksheet rows: find the heading row, decide
 * what each column holds, and read each row. Forgiving where a spreadsheet typed by hand differs from the
 * toolkit's (headings in other words, a title row above them, blank rows, a missing Category column), strict
 * where data would land in the wrong place (more cells in a row than headings, in CSV).
 */
import { type AssetKind, type LedgerField, cleanGroupName } from '../../model';
import { ok } from '../result';
import { CATEGORY_NAMES, type ColumnRole, NAME_HEADING_HINT, DETAIL_PREFIX, matchCategory, matchHeading } from './categories';
import { columnLetter, decodeList, unguardCell } from './cells';
import { type ImportedRow, type SheetResult, isPrefixed, sheetError } from './worksheet';

export interface TableOptions {
  /** The category of rows when nothing in the table says; without it, Material resource (with a warning). */
  kind?: AssetKind;
  /** The workbook sheet, for messages; its name may also give the category. */
  sheet?: string;
  /** CSV: single cells may carry a guard apostrophe to remove. */
  unguard?: boolean;
  /** CSV: a row with more cells than headings is an error, since its cells have probably shifted. */
  strictWidth?: boolean;
  /** The spreadsheet row number of the grid's first row (0 when a heading row was made up in front). */
  firstRow?: number;
  /** What to call the source in messages; "the file" unless told. */
  subject?: string;
}

type Column = { role: Exclude<ColumnRole, 'ledger'> } | { role: 'field'; key: string } | { role: 'ledger'; field: LedgerField; key: string };

interface Plan {
  headerIndex: number;
  columns: Column[];
  /** The category a name-like heading gives ("Staffing"). */
  nameKind?: AssetKind;
  width: number;
  /** Set when the names were found in a column whose heading does not say so. */
  guessedName?: string;
}

/** How far down a title or notes above the headings may go. */
const HEADER_SEARCH_ROWS = 10;

const isBlankRow = (row: readonly string[]) => row.every((c) => c.trim() === '');
const lastFilled = (row: readonly string[]) => {
  for (let i = row.length - 1; i >= 0; i--) if (row[i]!.trim() !== '') return i;
  return -1;
};

/** The row's plan; 'no-name' for headings without a name column; undefined when no cell is a known heading. */
function planColumns(header: readonly string[], headerIndex: number, unguard: boolean): Plan | 'no-name' | undefined {
  const columns: Column[] = [];
  const taken = new Set<ColumnRole>();
  const fieldKeys = new Set<string>();
  let nameAt = -1;
  let nameKind: AssetKind | undefined;
  let nameExplicit = false;
  const headings = header.map((cell) => (unguard && cell.startsWith("'") ? cell.slice(1) : cell));

  const addField = (i: number, heading: string) => {
    let key = isPrefixed(heading) ? heading.slice(DETAIL_PREFIX.length) : heading.trim() || `Column ${columnLetter(i)}`;
    for (let n = 2; fieldKeys.has(key); n++) key = `${key.replace(/ \(\d+\)$/, '')} (${n})`;
    fieldKeys.add(key);
    columns[i] = { role: 'field', key };
  };

  headings.forEach((heading, i) => {
    const match = isPrefixed(heading) ? undefined : matchHeading(heading);
    if (!match) return addField(i, heading);
    if (match.role === 'name') {
      // "Name" wins over a category-giving heading; otherwise the first name-like column is the name.
      const explicit = match.kind === undefined;
      // A name-like heading says what its rows are even when a Name column holds the names.
      nameKind ??= match.kind;
      if (nameAt < 0 || (explicit && !nameExplicit)) {
        if (nameAt >= 0) addField(nameAt, headings[nameAt]!);
        nameAt = i;
        nameExplicit = explicit;
        columns[i] = { role: 'name' };
      } else addField(i, heading);
      return;
    }
    if (match.role === 'ledger') {
      const field = match.ledger!;
      if (columns.some((c) => c?.role === 'ledger' && c.field === field)) return addField(i, heading);
      columns[i] = { role: 'ledger', field, key: heading.trim() };
      return;
    }
    const isList = match.role === 'strengths' || match.role === 'weaknesses' || match.role === 'improvements' || match.role === 'passions';
    // Two Strengths columns both hold strengths; a second Category or Details column is only a detail.
    if (taken.has(match.role) && !isList) return addField(i, heading);
    taken.add(match.role);
    columns[i] = { role: match.role };
  });

  let guessedName: string | undefined;
  if (nameAt < 0) {
    // A worksheet whose first column has a heading of its own ("Item", "Who"): when the other columns are clearly
    // the worksheet's, the first column that is not one of them holds the names.
    if (!taken.has('strengths') && !taken.has('weaknesses') && !taken.has('improvements')) return taken.size ? 'no-name' : undefined;
    const at = columns.findIndex((c, i) => c?.role === 'field' && !isPrefixed(headings[i]!));
    if (at < 0) return 'no-name';
    guessedName = headings[at]!.trim() || `Column ${columnLetter(at)}`;
    fieldKeys.delete((columns[at] as { key: string }).key);
    columns[at] = { role: 'name' };
  }
  return { headerIndex, columns, nameKind, width: lastFilled(header) + 1, guessedName };
}

/** "row 7", "row 7 of sheet “Staff”", "rows 3, 5 and 9", "rows 3, 5, 9 and 12 others". */
function rowWords(rows: number[], sheet?: string): string {
  const shown = rows.slice(0, 3);
  const rest = rows.length - shown.length;
  let list: string;
  if (rows.length === 1) list = `row ${rows[0]}`;
  else if (rest > 0) list = `rows ${shown.join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}`;
  else list = `rows ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return sheet ? `${list} of sheet “${sheet}”` : list;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Reads the worksheet rows of a grid of cells (by default the grid's first row is spreadsheet row 1). */
export function readTable(cells: readonly (readonly string[])[], options: TableOptions = {}): SheetResult {
  const unguard = options.unguard ?? false;
  const single = (cell: string | undefined) => (cell === undefined ? '' : unguard ? unguardCell(cell) : cell.trim());

  // The heading row is the first with a heading the worksheet knows; rows above it are titles or notes.
  let plan: Plan | 'no-name' | undefined;
  let looked = 0;
  for (let i = 0; i < cells.length && looked < HEADER_SEARCH_ROWS && !plan; i++) {
    if (isBlankRow(cells[i]!)) continue;
    looked++;
    plan = planColumns(cells[i]!, i, unguard);
  }
  if (!plan || plan === 'no-name') {
    const where = options.sheet ? ` in sheet “${options.sheet}”` : '';
    return sheetError(`no column for names was found${where} (expected a column called ${NAME_HEADING_HINT})`);
  }

  const warnings: string[] = [];
  if (plan.guessedName !== undefined) warnings.push(`The column “${plan.guessedName}” was read as the names of the assets.`);
  const sheetKind = options.sheet !== undefined ? matchCategory(options.sheet) : undefined;
  const fallback: AssetKind = plan.nameKind ?? sheetKind ?? options.kind ?? 'resource';
  const hasCategory = plan.columns.some((c) => c?.role === 'category');
  if (!hasCategory && !plan.nameKind && !sheetKind && !options.kind) {
    const where = options.sheet ? `sheet “${options.sheet}”` : (options.subject ?? 'the file');
    warnings.push(`There is no Category column in ${where}, so every row was put under ${CATEGORY_NAMES[fallback]}.`);
  }

  const rows: ImportedRow[] = [];
  const nameless: number[] = [];
  const widened: number[] = [];
  const unknown = new Map<string, number[]>();
  for (let i = plan.headerIndex + 1; i < cells.length; i++) {
    const cellsOfRow = cells[i]!;
    if (isBlankRow(cellsOfRow)) continue;
    const rowNumber = i + (options.firstRow ?? 1);
    const filled = lastFilled(cellsOfRow) + 1;
    if (filled > plan.width) {
      if (options.strictWidth) {
        const where = rowWords([rowNumber], options.sheet);
        return sheetError(`${where} has ${filled} cells but the header has ${plan.width}`);
      }
      widened.push(rowNumber);
    }
    const row: ImportedRow = { row: rowNumber, kind: fallback, name: '', strengths: [], weaknesses: [], improvements: [] };
    if (options.sheet !== undefined) row.sheet = options.sheet;
    // Entries, not an object: a column called "__proto__" is a detail like any other.
    const fields: [string, string][] = [];
    const passions: string[] = [];
    for (let c = 0; c < cellsOfRow.length; c++) {
      const cell = cellsOfRow[c]!;
      const column: Column = plan.columns[c] ?? { role: 'field', key: `Column ${columnLetter(c)}` };
      switch (column.role) {
        case 'name':
          row.name = single(cell);
          break;
        case 'category': {
          const value = single(cell);
          if (!value) break;
          const kind = matchCategory(value);
          if (kind) row.kind = kind;
          else {
            unknown.set(value, [...(unknown.get(value) ?? []), rowNumber]);
            fields.push(['Category', value]);
          }
          break;
        }
        case 'strengths':
        case 'weaknesses':
        case 'improvements':
          row[column.role].push(...decodeList(cell));
          break;
        case 'passions':
          passions.push(...decodeList(cell));
          break;
        case 'details': {
          const value = single(cell);
          if (value) row.details = value;
          break;
        }
        case 'group': {
          const value = cleanGroupName(single(cell));
          if (value) row.group = value;
          break;
        }
        case 'field': {
          const value = single(cell);
          if (value) fields.push([column.key, value]);
          break;
        }
        case 'ledger': {
          const value = column.field === 'contactOwners' ? decodeList(cell) : single(cell);
          if (value.length) (row.ledger ??= {})[column.field] = { heading: column.key, value };
          break;
        }
      }
    }
    if (!row.name) {
      nameless.push(rowNumber);
      continue;
    }
    if (passions.length) row.passions = passions;
    if (fields.length) row.fields = Object.fromEntries(fields);
    rows.push(row);
  }

  // "Row 5 has" / "Rows 5 and 7 have": the subject of each warning, and its verb.
  const subject = (rows: number[]) => `${capitalize(rowWords(rows, options.sheet))} ${rows.length === 1 ? 'has' : 'have'}`;
  const they = (rows: number[]) => (rows.length === 1 ? 'it was' : 'they were');
  if (nameless.length) warnings.push(`${subject(nameless)} no name, so ${they(nameless)} left out.`);
  for (const [value, at] of unknown) {
    const kind = CATEGORY_NAMES[fallback];
    warnings.push(`${subject(at)} the category “${value}”, which is not one of the worksheet's; ${they(at)} put under ${kind}.`);
  }
  if (widened.length) warnings.push(`${subject(widened)} text in columns without a heading; it was kept as details.`);
  return ok({ rows, warnings });
}
