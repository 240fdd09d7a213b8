/**
 * Saving maps in the browser (IndexedDB, through `idb`). Each map is stored whole under its id as a versioned
 * envelope (see records.ts), with a small summary beside it so that the Maps list never loads every map.
 * Loading goes through `restore`: a stored map is migrated, repaired or refused in words, like a file.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { type AssetMapDoc, isAsset } from '../model';
import { type Loaded, type MapRecord, type VersionRecord, isStale, loadReader, mapRecord, readStored } from './records';

export interface MapSummary {
  id: string;
  title: string;
  created: string;
  updated: string;
  assets: number;
}

export interface VersionSummary {
  key: number;
  mapId: string;
  at: string;
  title: string;
  assets: number;
}

/** Records are typed loosely on the way in: older releases wrote other shapes, and a record can be damaged. */
interface Schema extends DBSchema {
  maps: { key: string; value: MapRecord | { id: string; doc?: unknown } };
  summaries: { key: string; value: MapSummary };
  meta: { key: string; value: unknown };
  versions: { key: number; value: VersionRecord | { key?: number; mapId: string; at: string; doc?: unknown }; indexes: { byMap: string } };
}

/** How many saved versions of each map are kept. */
export const VERSIONS_KEPT = 20;

export const DB_NAME = 'asset-map';

export interface MapStorage {
  list(): Promise<MapSummary[]>;
  /** The map stored under `id`, restored; undefined when there is none. */
  load(id: string): Promise<Loaded | undefined>;
  save(doc: AssetMapDoc): Promise<void>;
  remove(id: string): Promise<void>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Keeps a copy of the map as a version, dropping the oldest past VERSIONS_KEPT. */
  addVersion(doc: AssetMapDoc): Promise<void>;
  listVersions(mapId: string): Promise<VersionSummary[]>;
  loadVersion(key: number): Promise<Loaded | undefined>;
}

/**
 * A saved version holds the map's content without its reviews: they are kept in the map itself, and twenty
 * copies of them would fill the browser's storage. Restoring a version leaves the reviews as they are.
 */
const versionRecord = (doc: AssetMapDoc, at = new Date().toISOString()): VersionRecord => {
  const { reviews: _reviews, ...content } = doc;
  const { id: mapId, ...envelope } = mapRecord(content);
  return { mapId, at, title: doc.title, assets: summarize(doc).assets, ...envelope };
};

/** A version's line in the list, read without restoring the whole map (the first releases kept no summary). */
function versionSummary(key: number, v: Schema['versions']['value']): VersionSummary {
  if ('title' in v && typeof v.title === 'string') return { key, mapId: v.mapId, at: v.at, title: v.title, assets: v.assets };
  const doc = ('doc' in v ? v.doc : undefined) as Partial<AssetMapDoc> | undefined;
  const nodes = doc && typeof doc.nodes === 'object' && doc.nodes ? Object.values(doc.nodes) : [];
  return { key, mapId: v.mapId, at: v.at, title: typeof doc?.title === 'string' ? doc.title : 'Untitled map', assets: nodes.filter((n) => isAsset(n)).length };
}

export function summarize(doc: AssetMapDoc): MapSummary {
  let assets = 0;
  for (const n of Object.values(doc.nodes)) if (isAsset(n)) assets++;
  return { id: doc.id, title: doc.title, created: doc.created, updated: new Date().toISOString(), assets };
}

export class IdbStorage implements MapStorage {
  private db: Promise<IDBPDatabase<Schema>>;

  constructor(name = DB_NAME) {
    this.db = openDB<Schema>(name, 2, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('maps', { keyPath: 'id' });
          db.createObjectStore('summaries', { keyPath: 'id' });
          db.createObjectStore('meta');
        }
        if (oldVersion < 2) {
          db.createObjectStore('versions', { keyPath: 'key', autoIncrement: true }).createIndex('byMap', 'mapId');
        }
      },
    });
  }

  async list() {
    const all = await (await this.db).getAll('summaries');
    return all.sort((a, b) => (a.updated < b.updated ? 1 : -1));
  }

  async load(id: string) {
    const db = await this.db;
    void loadReader().catch(() => undefined);
    const raw = await db.get('maps', id);
    if (raw === undefined) return undefined;
    const loaded = await readStored(raw, id);
    // Written by an older release: keep it in the current form from now on (the summary stays as it was).
    if (loaded.ok && isStale(raw)) await db.put('maps', mapRecord(loaded.value.doc)).catch(() => undefined);
    return loaded;
  }

  async save(doc: AssetMapDoc) {
    const tx = (await this.db).transaction(['maps', 'summaries'], 'readwrite');
    await Promise.all([tx.objectStore('maps').put(mapRecord(doc)), tx.objectStore('summaries').put(summarize(doc)), tx.done]);
  }

  async remove(id: string) {
    const tx = (await this.db).transaction(['maps', 'summaries'], 'readwrite');
    await Promise.all([tx.objectStore('maps').delete(id), tx.objectStore('summaries').delete(id), tx.done]);
  }

  async addVersion(doc: AssetMapDoc) {
    const tx = (await this.db).transaction('versions', 'readwrite');
    await tx.store.add(versionRecord(doc));
    const keys = await tx.store.index('byMap').getAllKeys(doc.id);
    for (const key of keys.slice(0, Math.max(0, keys.length - VERSIONS_KEPT))) await tx.store.delete(key);
    await tx.done;
  }

  async listVersions(mapId: string) {
    const db = await this.db;
    const all = await db.getAllFromIndex('versions', 'byMap', mapId);
    return all.map((v) => versionSummary(v.key!, v)).reverse();
  }

  async loadVersion(key: number) {
    const raw = await (await this.db).get('versions', key);
    return raw === undefined ? undefined : await readStored(raw, raw.mapId);
  }

  async getMeta<T>(key: string) {
    return (await (await this.db).get('meta', key)) as T | undefined;
  }

  async setMeta(key: string, value: unknown) {
    await (await this.db).put('meta', value, key);
  }
}

/**
 * Keeps maps in memory only: when IndexedDB is unavailable, and in tests. It keeps the same records IndexedDB
 * does, and can start from records written by an older release.
 */
export class MemoryStorage implements MapStorage {
  private maps = new Map<string, Schema['maps']['value']>();
  private summaries = new Map<string, MapSummary>();
  private meta = new Map<string, unknown>();
  private versions: (Schema['versions']['value'] & { key: number })[] = [];
  private versionSeq = 0;

  constructor(records: { maps?: Schema['maps']['value'][]; summaries?: MapSummary[] } = {}) {
    for (const r of records.maps ?? []) this.maps.set(r.id, r);
    for (const r of records.summaries ?? []) this.summaries.set(r.id, r);
  }

  /** The record as stored, for tests of what is written. */
  raw(id: string): unknown {
    return this.maps.get(id);
  }
  async list() {
    return [...this.summaries.values()].sort((a, b) => (a.updated < b.updated ? 1 : -1));
  }
  async load(id: string) {
    const raw = this.maps.get(id);
    if (raw === undefined) return undefined;
    const loaded = await readStored(structuredClone(raw), id);
    if (loaded.ok && isStale(raw)) this.maps.set(id, mapRecord(loaded.value.doc));
    return loaded;
  }
  async save(doc: AssetMapDoc) {
    this.maps.set(doc.id, structuredClone(mapRecord(doc)));
    this.summaries.set(doc.id, summarize(doc));
  }
  async remove(id: string) {
    this.maps.delete(id);
    this.summaries.delete(id);
  }
  async getMeta<T>(key: string) {
    return this.meta.get(key) as T | undefined;
  }
  async setMeta(key: string, value: unknown) {
    this.meta.set(key, value);
  }
  async addVersion(doc: AssetMapDoc) {
    this.versions.push({ key: ++this.versionSeq, ...structuredClone(versionRecord(doc)) });
    const mine = this.versions.filter((v) => v.mapId === doc.id);
    const drop = new Set(mine.slice(0, Math.max(0, mine.length - VERSIONS_KEPT)));
    this.versions = this.versions.filter((v) => !drop.has(v));
  }
  async listVersions(mapId: string) {
    return this.versions.filter((v) => v.mapId === mapId).map((v) => versionSummary(v.key, v)).reverse();
  }
  async loadVersion(key: number) {
    const raw = this.versions.find((v) => v.key === key);
    return raw === undefined ? undefined : await readStored(structuredClone(raw), raw.mapId);
  }
}
