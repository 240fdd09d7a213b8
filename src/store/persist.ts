/**
 * Saving maps in the browser (IndexedDB, through `idb`). Each map is stored whole under its id, with a small
 * summary beside it so that the Maps list never loads every map.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { type AssetMapDoc, isAsset } from '../model';

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

interface Schema extends DBSchema {
  maps: { key: string; value: { id: string; doc: AssetMapDoc } };
  summaries: { key: string; value: MapSummary };
  meta: { key: string; value: unknown };
  versions: { key: number; value: { key?: number; mapId: string; at: string; doc: AssetMapDoc }; indexes: { byMap: string } };
}

/** How many saved versions of each map are kept. */
export const VERSIONS_KEPT = 20;

export const DB_NAME = 'asset-map';

export interface MapStorage {
  list(): Promise<MapSummary[]>;
  load(id: string): Promise<AssetMapDoc | undefined>;
  save(doc: AssetMapDoc): Promise<void>;
  remove(id: string): Promise<void>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Keeps a copy of the map as a version, dropping the oldest past VERSIONS_KEPT. */
  addVersion(doc: AssetMapDoc): Promise<void>;
  listVersions(mapId: string): Promise<VersionSummary[]>;
  loadVersion(key: number): Promise<AssetMapDoc | undefined>;
}

const versionSummary = (key: number, v: { mapId: string; at: string; doc: AssetMapDoc }): VersionSummary => ({
  key,
  mapId: v.mapId,
  at: v.at,
  title: v.doc.title,
  assets: summarize(v.doc).assets,
});

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
    return (await (await this.db).get('maps', id))?.doc;
  }

  async save(doc: AssetMapDoc) {
    const tx = (await this.db).transaction(['maps', 'summaries'], 'readwrite');
    await Promise.all([tx.objectStore('maps').put({ id: doc.id, doc }), tx.objectStore('summaries').put(summarize(doc)), tx.done]);
  }

  async remove(id: string) {
    const tx = (await this.db).transaction(['maps', 'summaries'], 'readwrite');
    await Promise.all([tx.objectStore('maps').delete(id), tx.objectStore('summaries').delete(id), tx.done]);
  }

  async addVersion(doc: AssetMapDoc) {
    const tx = (await this.db).transaction('versions', 'readwrite');
    await tx.store.add({ mapId: doc.id, at: new Date().toISOString(), doc });
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
    return (await (await this.db).get('versions', key))?.doc;
  }

  async getMeta<T>(key: string) {
    return (await (await this.db).get('meta', key)) as T | undefined;
  }

  async setMeta(key: string, value: unknown) {
    await (await this.db).put('meta', value, key);
  }
}

/** Keeps maps in memory only: when IndexedDB is unavailable, and in tests. */
export class MemoryStorage implements MapStorage {
  private maps = new Map<string, AssetMapDoc>();
  private summaries = new Map<string, MapSummary>();
  private meta = new Map<string, unknown>();
  private versions: { key: number; mapId: string; at: string; doc: AssetMapDoc }[] = [];
  private versionSeq = 0;
  async list() {
    return [...this.summaries.values()].sort((a, b) => (a.updated < b.updated ? 1 : -1));
  }
  async load(id: string) {
    return this.maps.get(id);
  }
  async save(doc: AssetMapDoc) {
    this.maps.set(doc.id, doc);
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
    this.versions.push({ key: ++this.versionSeq, mapId: doc.id, at: new Date().toISOString(), doc });
    const mine = this.versions.filter((v) => v.mapId === doc.id);
    const drop = new Set(mine.slice(0, Math.max(0, mine.length - VERSIONS_KEPT)));
    this.versions = this.versions.filter((v) => !drop.has(v));
  }
  async listVersions(mapId: string) {
    return this.versions.filter((v) => v.mapId === mapId).map((v) => versionSummary(v.key, v)).reverse();
  }
  async loadVersion(key: number) {
    return this.versions.find((v) => v.key === key)?.doc;
  }
}
