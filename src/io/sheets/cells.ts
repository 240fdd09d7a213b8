/**
 * What goes into one spreadsheet cell, and back out of it.
 *
 * Single cells: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so
 * such a cell is written with a leading apostrophe, the usual guard; a cell that already starts with an apostrophe,
 * or has spaces at either end, gets one too. Reading removes exactly one leading apostrophe, so the round trip is
 * exact.
 *
 * List cells (strengths, weaknesses, improvements): one item per line. People also type lists as "a; b" or as
 * bullets ("-Teachers -PTA"), so reading splits on semicolons and bullets as well. An item that would be misread
 * that way (it starts with a bullet or a formula character, holds a semicolon, has spaces at either end, or is
 * empty) is written with a leading apostrophe, and a line that starts with one is taken verbatim.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters that start a bullet when they begin a line. */
const BULLET_CHARS = '-•*–◦▪‣';
const BULLET_START = new RegExp(`^[${BULLET_CHARS}]`);
const EDGE_SPACE = /^\s|\s$/;

/** A single cell's text for a CSV file: guarded when a spreadsheet would run it or trim it. */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) || text.startsWith("'") || EDGE_SPACE.test(text) ? `'${text}` : text;
}

/** A single CSV cell back to its text: one guard apostrophe removed, else surrounding spaces trimmed. */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell.trim();
}

/** List items never hold line breaks (lines separate items); any that slipped in become spaces. */
export const oneLine = (text: string) => text.replace(/\r\n|[\r\n]/g, ' ');

function needsGuard(item: string, formulaGuard: boolean): boolean {
  return (
    item === '' ||
    item.startsWith("'") ||
    BULLET_START.test(item) ||
    item.includes(';') ||
    EDGE_SPACE.test(item) ||
    (formulaGuard && FORMULA_START.test(item))
  );
}

/**
 * A list as one cell, one item per line (LF, as spreadsheets write line breaks inside a cell).
 * `formulaGuard` is for CSV; a workbook cell is typed as text, so it needs only the guard against misreading.
 */
export function encodeList(items: readonly string[], formulaGuard = true): string {
  return items
    .map((raw) => {
      const item = oneLine(raw);
      return needsGuard(item, formulaGuard) ? `'${item}` : item;
    })
    .join('\n');
}

/** "-Teachers -PTA" and "• a • b": after a leading bullet, the same bullet after a space starts the next item. */
function splitBulletLine(line: string): string[] {
  const bullet = line[0]!;
  const escaped = bullet.replace(/[-*]/g, '\\$&');
  // A hyphen or star is a bullet only when text follows it directly ("a -b"), so "bilingual - English" and
  // "5 * 3" stay whole; the other bullet characters never occur inside ordinary text.
  const next = bullet === '-' || bullet === '*' ? new RegExp(`\\s+${escaped}(?=\\S)`) : new RegExp(`\\s*${escaped}`);
  return line
    .slice(1)
    .split(next)
    .map((piece) => piece.trim());
}

/** A list cell back to its items: lines, semicolons and bullets separate items; blank items are dropped. */
export function decodeList(cell: string): string[] {
  const items: string[] = [];
  for (const rawLine of cell.split(/\r\n|\r|\n/)) {
    if (rawLine.startsWith("'")) {
      items.push(rawLine.slice(1));
      continue;
    }
    const line = rawLine.trim();
    if (!line) continue;
    const pieces = BULLET_START.test(line) ? splitBulletLine(line) : [line];
    for (const piece of pieces) {
      for (const part of piece.split(';')) {
        const item = part.trim();
        if (item) items.push(item);
      }
    }
  }
  return items;
}

/** Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
