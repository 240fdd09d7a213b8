/**
 * The one way into the app for a file: whatever it is — a map file, a map image (PNG, SVG, PDF with the map
 * inside) or a spreadsheet (CSV, TSV, Excel) — `openBytes` finds out from its bytes and name, reads it through
 * the matching parser, and returns a typed outcome with a sentence for every failure. It never throws.
 * Image, PDF and Excel code loads only when such a file is opened.
 */
import type { AssetMapDoc } from '../model';
import { type OpenError, type Opened, describeOpenError, parseMapFile } from './mapFile';
import type { Result } from './result';
import { type SheetRow, readCsv, readXlsx } from './sheets';
import type { RelationshipRow } from './sheets/relationships';

export type OpenOutcome =
  | { ok: true; type: 'map'; doc: AssetMapDoc; repairs: string[] }
  | { ok: true; type: 'sheet'; rows: SheetRow[]; warnings: string[]; relationships?: RelationshipRow[] }
  | {
      ok: false;
      error: OpenError;
      message: string;
      /**
       * Set when a reader threw instead of answering: a bug, not a bad file. The user gets the same kind of
       * sentence; tests and the console can tell the two apart.
       */
      crashed?: { name: string; message: string; stack?: string };
    };

/** The sentence for each way opening can fail, for callers that refuse a file before opening it. */
export { describeOpenError };

/** Files above this are refused before they are read: a bigger one would freeze the page. */
export const MAX_OPEN_BYTES = 20 * 1024 * 1024;
/** Spreadsheets with more rows than this are refused: a map that size cannot be drawn smoothly. */
export const MAX_SHEET_ROWS = 5000;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const SVG_HEAD = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i;

const fail = (error: OpenError, name: string): OpenOutcome => ({ ok: false, error, message: describeOpenError(error, name) });

const fromMap = (r: Result<Opened, OpenError>, name: string): OpenOutcome =>
  r.ok ? { ok: true, type: 'map', doc: r.value.doc, repairs: r.value.repairs } : fail(r.error, name);

const fromSheet = (r: Result<{ rows: SheetRow[]; warnings: string[]; relationships?: RelationshipRow[] }, OpenError>, name: string): OpenOutcome => {
  if (!r.ok) return fail(r.error, name);
  if (r.value.rows.length > MAX_SHEET_ROWS) {
    return fail(
      { kind: 'spreadsheet', detail: `it has ${r.value.rows.length.toLocaleString('en')} rows, and Asset Map opens up to ${MAX_SHEET_ROWS.toLocaleString('en')} rows at a time; split it into smaller files` },
      name,
    );
  }
  return { ok: true, type: 'sheet', rows: r.value.rows, warnings: r.value.warnings, ...(r.value.relationships ? { relationships: r.value.relationships } : {}) };
};

export async function openBytes(name: string, bytes: Uint8Array): Promise<OpenOutcome> {
  try {
    if (bytes.length > MAX_OPEN_BYTES) return fail({ kind: 'too-big', bytes: bytes.length, limit: MAX_OPEN_BYTES }, name);
    if (startsWith(bytes, PNG_MAGIC)) return fromMap((await import('./export/readers')).readMapFromPng(bytes), name);
    if (startsWith(bytes, PDF_MAGIC)) return fromMap((await import('./export/readers')).readMapFromPdf(bytes), name);
    if (startsWith(bytes, ZIP_MAGIC)) {
      if (!/\.xlsx$/i.test(name)) return fail({ kind: 'unsupported', name }, name);
      return fromSheet(await readXlsx(bytes), name);
    }
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = undefined;
    }
    const head = (text ?? '').replace(/^\uFEFF/, '').trimStart();
    if (text !== undefined && (head.startsWith('{') || head.startsWith('[') || /\.json$/i.test(name))) return fromMap(parseMapFile(text), name);
    if (text !== undefined && (/\.svg$/i.test(name) || SVG_HEAD.test(head.slice(0, 4096)))) {
      return fromMap((await import('./export/readers')).readMapFromSvg(text), name);
    }
    if (/\.(csv|tsv|txt|tab)$/i.test(name) || (text !== undefined && /[,;\t]/.test(head.slice(0, 2000)))) return fromSheet(readCsv(bytes), name);
    return fail({ kind: 'unsupported', name }, name);
  } catch (e) {
    // A reader that throws is a bug, but the user still gets a sentence and keeps their map.
    const crashed = e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: 'Error', message: String(e) };
    const error: OpenError = { kind: 'invalid', detail: `it could not be read (${crashed.message})` };
    return { ok: false, error, message: describeOpenError(error, name), crashed };
  }
}
