/**
 * Continuation rows: spreadsheets typed by hand often carry on an asset on the next row, repeating its name
 * ("Riverbend Boys & Girls Club" / "Gym for events" under Strengths). A row with the category and name of an
 * earlier row is that asset: its items join the first row's and it never becomes an asset of its own.
 */
import { CATEGORY_NAMES } from './categories';
import { ok } from '../result';
import type { ImportedRow, SheetResult } from './worksheet';

/** Same text for matching: case, surrounding and repeated spaces, and Unicode forms do not matter. */
export const sameText = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
/** What makes two rows, or a row and an asset, the same asset. */
export const assetKey = (kind: string, name: string) => `${kind}\u0000${sameText(name)}`;

/** How many repeated names a warning lists before summing up the rest. */
const LISTED = 3;

/**
 * The rows with every repeat folded into the first row of its category and name (items it already has are not
 * repeated), and a sentence about each repeated name.
 */
export function mergeRepeatedRows(rows: readonly ImportedRow[]): { rows: ImportedRow[]; warnings: string[] } {
  const firsts = new Map<string, { row: ImportedRow; from: ImportedRow[] }>();
  const out: ImportedRow[] = [];
  for (const row of rows) {
    const key = assetKey(row.kind, row.name);
    const first = firsts.get(key);
    if (!first) {
      const copy = copyRow(row);
      firsts.set(key, { row: copy, from: [row] });
      out.push(copy);
      continue;
    }
    first.from.push(row);
    foldInto(first.row, row);
  }
  const repeated = [...firsts.values()].filter((f) => f.from.length > 1);
  const warnings = repeated.slice(0, LISTED).map(
    ({ row, from }) =>
      `${capitalize(where(from))} name the same ${CATEGORY_NAMES[row.kind].toLowerCase()}, “${row.name}”, so they were read as one, with the items of all of them.`,
  );
  const more = repeated.length - LISTED;
  if (more > 0) warnings.push(`${more} more ${more === 1 ? 'name was' : 'names were'} repeated on later rows and read the same way.`);
  return { rows: out, warnings };
}

function copyRow(row: ImportedRow): ImportedRow {
  const copy: ImportedRow = { ...row, strengths: [...row.strengths], weaknesses: [...row.weaknesses], improvements: [...row.improvements] };
  if (row.passions) copy.passions = [...row.passions];
  if (row.fields) copy.fields = { ...row.fields };
  return copy;
}

/** Adds a later row's items, passions and details to the first row; what the first row says stays. */
function foldInto(first: ImportedRow, later: ImportedRow) {
  const append = (list: string[], more: readonly string[]) => {
    const known = new Set(list.map(sameText));
    for (const text of more) {
      if (known.has(sameText(text))) continue;
      known.add(sameText(text));
      list.push(text);
    }
  };
  append(first.strengths, later.strengths);
  append(first.weaknesses, later.weaknesses);
  append(first.improvements, later.improvements);
  if (later.passions?.length) append((first.passions ??= []), later.passions);
  if (later.details && !first.details) first.details = later.details;
  for (const [key, value] of Object.entries(later.fields ?? {})) {
    first.fields ??= {};
    if (!Object.hasOwn(first.fields, key)) first.fields[key] = value;
  }
}

/** "rows 2, 3 and 6", "rows 2 and 9 of sheet “Partners”", "rows 2 and 3 of sheet “A” and row 4 of sheet “B”". */
function where(rows: readonly ImportedRow[]): string {
  const bySheet = new Map<string | undefined, number[]>();
  for (const r of rows) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r.row]);
  const parts = [...bySheet].map(([sheet, numbers]) => {
    const list = numbers.length === 1 ? `row ${numbers[0]}` : `rows ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
    return sheet === undefined ? list : `${list} of sheet “${sheet}”`;
  });
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A reader's result with its repeated rows merged and the merge told in its warnings. */
export function withRepeatsMerged(result: SheetResult): SheetResult {
  if (!result.ok) return result;
  const merged = mergeRepeatedRows(result.value.rows);
  return ok({ ...result.value, rows: merged.rows, warnings: [...result.value.warnings, ...merged.warnings] });
}
