/**
 * Relationships as a table: who knows whom, one row each, with columns From, To, Tie (strong, regular, weak) and
 * Label — a CSV of its own, or a sheet named "Relationships" in a workbook. Reading matches the names to assets
 * (case and spacing forgiven); a row whose names are not assets of the map, or name two assets at once, is left
 * out whole and listed, so no relationship is half-made. Writing makes the same table, so that the round trip is
 * exact.
 */
import { type AssetMapDoc, type MapEdge, type MapNode, TIE_STRENGTHS, type TieStrength, canLink, getAssets, isAsset } from '../../model';
import { headerKey } from './categories';

export interface RelationshipRow {
  from: string;
  to: string;
  /** As written; empty when the cell was. */
  tie: string;
  label: string;
  /** The spreadsheet's row number. */
  row: number;
}

export const RELATIONSHIP_HEADINGS = ['From', 'To', 'Tie', 'Label'] as const;
export const RELATIONSHIPS_SHEET = 'Relationships';

const isBlank = (row: readonly string[]) => row.every((c) => !c.trim());

/**
 * The relationships of a grid of cells whose heading row has From and To columns; undefined for any other table
 * (a worksheet). `unguard` drops the apostrophe a CSV writer puts before a cell that looks like a formula.
 */
export function readRelationshipTable(cells: readonly (readonly string[])[], options: { unguard?: boolean } = {}): RelationshipRow[] | undefined {
  const clean = (c: string | undefined) => {
    const t = (c ?? '').trim();
    return options.unguard && t.startsWith("'") && /^'[=+\-@\t\r]/.test(t) ? t.slice(1) : t;
  };
  const headerAt = cells.findIndex((r) => !isBlank(r));
  if (headerAt < 0) return undefined;
  const keys = cells[headerAt]!.map((c) => headerKey(c));
  const col = (name: string) => keys.indexOf(name);
  const [from, to, tie, label] = [col('from'), col('to'), col('tie'), col('label')];
  if (from < 0 || to < 0) return undefined;
  const rows: RelationshipRow[] = [];
  for (let i = headerAt + 1; i < cells.length; i++) {
    const r = cells[i]!;
    if (isBlank(r)) continue;
    rows.push({ from: clean(r[from]), to: clean(r[to]), tie: tie < 0 ? '' : clean(r[tie]), label: label < 0 ? '' : clean(r[label]), row: i + 1 });
  }
  return rows;
}

/** The map's relationships as a table: heading row first, then one row per relationship, in the map's order. */
export function relationshipCells(doc: AssetMapDoc): string[][] {
  const out: string[][] = [[...RELATIONSHIP_HEADINGS]];
  for (const e of Object.values(doc.edges)) {
    if (e.kind !== 'relationship') continue;
    const a = doc.nodes[e.source];
    const b = doc.nodes[e.target];
    if (a && b) out.push([a.label, b.label, e.tie ?? 'regular', e.label ?? '']);
  }
  return out;
}

const sameName = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

export interface RelationshipImport {
  edges: Record<string, MapEdge>;
  added: number;
  /** Plain sentences about rows left out or read differently. */
  notes: string[];
}

/**
 * The relationship edges the rows add to a map, among its assets and `more` (assets the same import adds).
 * A relationship the map already has, either way round, is not added again.
 */
export function relationshipsToEdges(doc: AssetMapDoc, rows: readonly RelationshipRow[], makeId: () => string, more: readonly MapNode[] = []): RelationshipImport {
  const byName = new Map<string, string[]>();
  for (const a of [...getAssets(doc), ...more.filter(isAsset)]) {
    const key = sameName(a.label);
    byName.set(key, [...(byName.get(key) ?? []), a.id]);
  }
  const nodeOf = (id: string) => doc.nodes[id] ?? more.find((n) => n.id === id);
  const existing = new Set(Object.values(doc.edges).filter((e) => e.kind === 'relationship').flatMap((e) => [`${e.source}\n${e.target}`, `${e.target}\n${e.source}`]));
  const edges: Record<string, MapEdge> = {};
  const unknown = new Map<string, number[]>();
  const ambiguous = new Map<string, number[]>();
  const notes: string[] = [];
  let already = 0;
  let added = 0;
  for (const r of rows) {
    const ends = [r.from, r.to].map((name) => {
      const ids = byName.get(sameName(name)) ?? [];
      if (ids.length === 0) unknown.set(name, [...(unknown.get(name) ?? []), r.row]);
      if (ids.length > 1) ambiguous.set(name, [...(ambiguous.get(name) ?? []), r.row]);
      return ids.length === 1 ? ids[0]! : undefined;
    });
    const [source, target] = ends;
    if (!source || !target) continue;
    if (source === target || !canLink('relationship', nodeOf(source), nodeOf(target))) {
      notes.push(`Row ${r.row} joins “${r.from}” to itself, so it was left out.`);
      continue;
    }
    if (existing.has(`${source}\n${target}`)) {
      already++;
      continue;
    }
    const tieWord = r.tie.toLocaleLowerCase();
    let tie: TieStrength = 'regular';
    if ((TIE_STRENGTHS as readonly string[]).includes(tieWord)) tie = tieWord as TieStrength;
    else if (r.tie) notes.push(`Row ${r.row} has the tie “${r.tie}”, which is not strong, regular or weak; it was read as regular.`);
    const id = makeId();
    edges[id] = { id, kind: 'relationship', source, target, tie, ...(r.label ? { label: r.label } : {}) };
    existing.add(`${source}\n${target}`).add(`${target}\n${source}`);
    added++;
  }
  const rowList = (at: number[]) => (at.length === 1 ? `row ${at[0]}` : `rows ${at.slice(0, -1).join(', ')} and ${at[at.length - 1]}`);
  for (const [name, at] of unknown) notes.push(`“${name}” (${rowList(at)}) is not an asset on the map, so ${at.length === 1 ? 'that relationship was' : 'those relationships were'} left out.`);
  for (const [name, at] of ambiguous) notes.push(`More than one asset is called “${name}” (${rowList(at)}), so ${at.length === 1 ? 'that relationship was' : 'those relationships were'} left out.`);
  if (already) notes.push(`${already} ${already === 1 ? 'relationship was' : 'relationships were'} already on the map.`);
  return { edges, added, notes };
}
