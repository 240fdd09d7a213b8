/**
 * How a map is kept in the browser: as the same versioned envelope a file holds (format, version, map), so that
 * what the browser kept goes through the same `restore` as a file — migrated, repaired or refused in words.
 *
 * The first releases stored the document itself (`{id, doc}` for a map, `{at, doc}` in the journal,
 * `{mapId, at, doc}` for a saved version). Those are read as file version 1, and a map read that way (or from any
 * older version) is written back in the current form the first time it opens.
 *
 * A map and a saved version keep their `map` as JSON text: the browser copies a record as it stores it, and the
 * copy of a map's objects took 50–70 ms on the page for 6,500 nodes, where writing the same map as text takes a
 * fraction of that and copying the text next to nothing. Records that hold the map as objects (written before)
 * read as they are.
 */
import { CURRENT_VERSION, FORMAT, toEnvelope } from '../io/envelope';
import type { OpenError, Opened } from '../io/mapFile';
import type { Result } from '../io/result';
import type { AssetMapDoc } from '../model';

/** What loading a stored map gives: the document with what was repaired, or the reason it could not open. */
export type Loaded = Result<Opened, OpenError>;

export interface StoredEnvelope {
  format: typeof FORMAT;
  version: number;
  map: unknown;
}

/** A map in the `maps` object store. */
export interface MapRecord extends StoredEnvelope {
  id: string;
}

/** A saved version in the `versions` object store; title and asset count are kept beside it for the list. */
export interface VersionRecord extends StoredEnvelope {
  key?: number;
  mapId: string;
  at: string;
  title: string;
  assets: number;
}

/** The journal entry written when a tab closes with a change not yet saved. */
export interface JournalEntry extends StoredEnvelope {
  at: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const mapRecord = (doc: AssetMapDoc): MapRecord => {
  const { format, version, map } = toEnvelope(doc);
  return { id: doc.id, format, version, map: JSON.stringify(map) };
};

export const journalEntry = (doc: AssetMapDoc, at = new Date().toISOString()): JournalEntry => ({ at, ...toEnvelope(doc) });

/**
 * The envelope inside any stored form: the current one as it is, the first releases' `doc` as version 1.
 * Anything else is handed to `restore` as it is, which refuses it in words.
 */
export function envelopeOf(raw: unknown): unknown {
  if (isRecord(raw) && raw.format === undefined && isRecord(raw.doc)) return { format: FORMAT, version: 1, map: raw.doc };
  if (isRecord(raw) && typeof raw.map === 'string') {
    try {
      return { ...raw, map: JSON.parse(raw.map) };
    } catch {
      return { ...raw, map: undefined };
    }
  }
  return raw;
}

/** Whether a stored form is older than what this app writes (and so should be written again once read). */
export function isStale(raw: unknown): boolean {
  if (!isRecord(raw) || (raw.format === undefined && isRecord(raw.doc))) return true;
  return typeof raw.version === 'number' && raw.version < CURRENT_VERSION;
}

let reader: Promise<typeof import('../io/mapFile')> | undefined;

/**
 * The reader of maps (`restore`: checks, repairs, migrations), loaded with the first stored map read: a first
 * visit has none. Asking early (before the record is fetched) overlaps the two.
 */
export function loadReader(): Promise<typeof import('../io/mapFile')> {
  reader ??= import('../io/mapFile').catch((e: unknown) => {
    reader = undefined;
    throw e;
  });
  return reader;
}

/**
 * Reads a stored map. `id` is the key it was stored under: the document keeps it even if its own id was lost,
 * so that it is saved back in the same place.
 */
export async function readStored(raw: unknown, id?: string): Promise<Loaded> {
  const { restore } = await loadReader();
  const loaded = restore(envelopeOf(raw));
  if (loaded.ok && id !== undefined && loaded.value.doc.id !== id) loaded.value.doc.id = id;
  return loaded;
}
