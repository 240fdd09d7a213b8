/**
 * The worksheet as rows: what every spreadsheet format writes (one row per asset, its lists as cells) and what
 * every reader returns. Also the typed result the readers share.
 */
import {
  type AssetKind,
  type AssetMapDoc,
  type AssetNode,
  type AttachedNode,
  LEDGER_FIELDS,
  type LedgerField,
  type PartnershipStatus,
  type PartnershipType,
  getAssets,
  getAttachmentIndex,
  groupOf,
  ASSET_KIND_ORDER,
} from '../../model';
import type { OpenError } from '../mapFile';
import { type Result, err } from '../result';
import type { RelationshipRow } from './relationships';
import { COLUMN_DETAILS, COLUMN_GROUP, COLUMN_PASSIONS, DETAIL_PREFIX, LEDGER_COLUMNS, matchHeading } from './categories';

/** One asset as a worksheet row. */
export interface SheetRow {
  kind: AssetKind;
  name: string;
  strengths: string[];
  weaknesses: string[];
  /** "How can it be improved?": those of the asset's weaknesses first, in order, then the asset's own. */
  improvements: string[];
  details?: string;
  passions?: string[];
  /** Named details: extra spreadsheet columns, a colleague's role or stories. */
  fields?: Record<string, string>;
  /** The name of the group the asset is in. */
  group?: string;
  /**
   * The ledger as cells: contact owners by name, dates as ISO dates, type and status in words. Read from a file,
   * each keeps the heading it came under, so that a value that cannot be read is kept as a detail under it.
   */
  ledger?: Partial<Record<LedgerField, { heading: string; value: string | string[] }>>;
}

/** A row as read from a file, with where it came from. */
export interface ImportedRow extends SheetRow {
  /** The spreadsheet's row number (the first row of the file or sheet is 1). */
  row: number;
  /** The workbook sheet it came from. */
  sheet?: string;
}

export interface SheetImport {
  rows: ImportedRow[];
  /** A relationships table (a CSV of its own, or a workbook's "Relationships" sheet). */
  relationships?: RelationshipRow[];
  /** Plain sentences about what was read differently from how it was written, or left out. */
  warnings: string[];
}

export type SheetError = Extract<OpenError, { kind: 'spreadsheet' }>;
export type SheetResult = Result<SheetImport, SheetError>;

/** A failed read; the detail is a lower-case clause the UI puts into a sentence ("… could not be read: <detail>."). */
export const sheetError = (detail: string) => err<SheetError>({ kind: 'spreadsheet', detail });

/** The document's assets as worksheet rows, by category in the worksheet's order, then in worksheet order. */
export function getWorksheetRows(doc: AssetMapDoc): SheetRow[] {
  const index = getAttachmentIndex(doc);
  const labels = (list: AttachedNode[], kind: AttachedNode['kind']) => list.filter((n) => n.kind === kind).map((n) => n.label);
  const rows: SheetRow[] = [];
  const assets = getAssets(doc);
  for (const kind of ASSET_KIND_ORDER) {
    for (const asset of assets) {
      if (asset.kind !== kind) continue;
      const attached = index.get(asset.id) ?? [];
      const weaknesses = attached.filter((n) => n.kind === 'weakness');
      const row: SheetRow = {
        kind,
        name: asset.label,
        strengths: labels(attached, 'strength'),
        weaknesses: weaknesses.map((n) => n.label),
        improvements: [
          ...weaknesses.flatMap((w) => labels(index.get(w.id) ?? [], 'improvement')),
          ...labels(attached, 'improvement'),
        ],
      };
      if (asset.details) row.details = asset.details;
      const group = groupOf(doc, asset);
      if (group) row.group = group.name;
      if (asset.passions?.length) row.passions = asset.passions.map((p) => p.text);
      if (asset.fields && Object.keys(asset.fields).length) row.fields = { ...asset.fields };
      const ledger = ledgerCells(doc, asset);
      if (ledger) row.ledger = ledger;
      rows.push(row);
    }
  }
  return rows;
}

/** Words for the ledger's choices, as the side panel and the spreadsheets show them. */
export const PARTNERSHIP_TYPE_WORDS: Record<PartnershipType, string> = { ongoing: 'Ongoing', seasonal: 'Seasonal', 'one-time': 'One-time' };
export const PARTNERSHIP_STATUS_WORDS: Record<PartnershipStatus, string> = { active: 'Active', dormant: 'Dormant', ended: 'Ended' };

/** An asset's ledger as worksheet cells, or undefined when it has none. */
function ledgerCells(doc: AssetMapDoc, asset: AssetNode): SheetRow['ledger'] {
  const out: NonNullable<SheetRow['ledger']> = {};
  for (const field of LEDGER_FIELDS) {
    const v = asset[field];
    if (v === undefined) continue;
    const heading = LEDGER_COLUMNS[field].heading;
    if (field === 'contactOwners') {
      const names = (v as string[]).map((id) => doc.nodes[id]?.label).filter((n): n is string => !!n);
      if (names.length) out[field] = { heading, value: names };
    } else if (field === 'partnershipType') out[field] = { heading, value: PARTNERSHIP_TYPE_WORDS[v as PartnershipType] };
    else if (field === 'partnershipStatus') out[field] = { heading, value: PARTNERSHIP_STATUS_WORDS[v as PartnershipStatus] };
    else out[field] = { heading, value: v as string };
  }
  return Object.keys(out).length ? out : undefined;
}

/** Whether a heading is "Detail: <name>"; the name after the prefix is taken verbatim. */
export const isPrefixed = (heading: string) => heading.slice(0, DETAIL_PREFIX.length).toLowerCase() === DETAIL_PREFIX.toLowerCase();

/** A column after the worksheet's own four or five: group, details, passions, then one per named detail. */
export interface ExtraColumn {
  header: string;
  /** The cell's text; lists are returned as items. */
  value: (row: SheetRow) => string | string[];
}

/**
 * The extra columns the rows need, in a stable order (details, passions, then detail names as first met).
 * A detail whose name would be read back as one of the worksheet's own columns ("Category", "Staff") is written
 * under "Detail: <name>", which the readers undo.
 */
export function getExtraColumns(rows: readonly SheetRow[]): ExtraColumn[] {
  const columns: ExtraColumn[] = [];
  if (rows.some((r) => r.group)) columns.push({ header: COLUMN_GROUP, value: (r) => r.group ?? '' });
  if (rows.some((r) => r.details)) columns.push({ header: COLUMN_DETAILS, value: (r) => r.details ?? '' });
  if (rows.some((r) => r.passions?.length)) columns.push({ header: COLUMN_PASSIONS, value: (r) => r.passions ?? [] });
  for (const field of LEDGER_FIELDS) {
    if (rows.some((r) => r.ledger?.[field])) columns.push({ header: LEDGER_COLUMNS[field].heading, value: (r) => r.ledger?.[field]?.value ?? '' });
  }
  const names = new Set<string>();
  for (const r of rows) for (const key of Object.keys(r.fields ?? {})) names.add(key);
  for (const key of names) {
    // Headings are trimmed when read, so a name with spaces at either end (or none at all) needs the prefix too.
    const clash = matchHeading(key) !== undefined || isPrefixed(key) || !key.trim() || key !== key.trim();
    // Own properties only: a detail called "toString" must not find the prototype's.
    const value = (r: SheetRow) => (r.fields && Object.hasOwn(r.fields, key) ? r.fields[key]! : '');
    columns.push({ header: clash ? DETAIL_PREFIX + key : key, value });
  }
  return columns;
}
