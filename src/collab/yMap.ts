/**
 * How a map document lies in a Y.Doc, and the two directions between them. Root Y.Maps:
 *
 *   meta        title, id, created, version (the file version the map was written with) and any other
 *               top-level field, each a plain value
 *   nodes       node id -> the node as it was created (one plain value)
 *   nodeFields  '["<id>","<field>"]' -> the field's value since (null: removed), and for a field holding a
 *               record (`fields`: role, priorities…) '["<id>","<field>","<key>"]' -> one entry of it
 *   edges, edgeFields   likewise for edges
 *   routes      route key -> list of points
 *   layout      direction, spacing
 *   reflect     question id -> answer
 *   dismissed   suggestion key -> true
 *   views       view id -> the saved view (one plain value: two people saving, renaming or deleting different
 *               views keep both changes)
 *
 * A node is its created value with its later field values on top. So two people editing different fields of
 * one asset (or different named details) write different keys and keep both edits; the same field edited
 * twice at once is one key, and one edit wins on every replica. A node costs Y one entry until it is edited:
 * a Y.Map per node would cost some 3 KB of server memory per node, 6 MB per 300-asset map.
 *
 * A field entry whose node is gone (deleted while someone edited it) reads as nothing; it comes back to life
 * only if the deletion is undone. Writes compare with what Y holds and only set what differs: writing a
 * field nobody changed would overwrite someone else's concurrent edit of it.
 */
import * as Y from 'yjs';
import type { Patch } from 'immer';
import type { AssetMapDoc } from '../model';

type JsonRecord = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: Y's own types use `any` for a type's events.
export type AnyYType = Y.AbstractType<any>;

const ENTITIES = ['nodes', 'edges'] as const;
const VALUES = ['routes', 'reflect', 'dismissed', 'layout', 'views'] as const;
type Entity = (typeof ENTITIES)[number];
type ValueName = (typeof VALUES)[number];
const FIELDS_OF: Record<Entity, 'nodeFields' | 'edgeFields'> = { nodes: 'nodeFields', edges: 'edgeFields' };
export const ROOT_NAMES = ['meta', 'nodes', 'nodeFields', 'edges', 'edgeFields', ...VALUES] as const;
type RootName = (typeof ROOT_NAMES)[number];

/** Top-level fields of the document that live in roots of their own, not in `meta`. */
const OWN_ROOTS = new Set<string>([...ENTITIES, ...VALUES]);
/** The key in `meta` for the file version; not a field of the document. */
export const VERSION_KEY = 'version';

export type Roots = Record<RootName, Y.Map<unknown>>;

export function getRoots(ydoc: Y.Doc): Roots {
  return Object.fromEntries(ROOT_NAMES.map((name) => [name, ydoc.getMap(name)])) as Roots;
}

const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of JSON values, whatever the order of keys. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !jsonEqual((a as JsonRecord)[k], (b as JsonRecord)[k])) return false;
  }
  return true;
}

/** A plain copy (no frozen objects, no undefined inside) that Y can store. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

function writeValue(target: Y.Map<unknown>, key: string, value: unknown) {
  if (value === undefined) {
    if (target.has(key)) target.delete(key);
    return;
  }
  if (!jsonEqual(target.get(key), value)) target.set(key, plain(value));
}

/** The key of a field entry; JSON, so that no id or field name can be mistaken for another. */
const fieldKey = (path: string[]) => JSON.stringify(path);

function parseFieldKey(key: string): string[] | undefined {
  try {
    const path: unknown = JSON.parse(key);
    return Array.isArray(path) && (path.length === 2 || path.length === 3) && path.every((p) => typeof p === 'string') ? (path as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The document as Y holds it, before any check: kept between changes and updated from what each transaction
 * touched, so that a remote edit of one field re-reads one node, not the map.
 */
export interface RawDoc {
  meta: JsonRecord;
  nodes: JsonRecord;
  edges: JsonRecord;
  routes: JsonRecord;
  layout: JsonRecord;
  reflect: JsonRecord;
  dismissed: JsonRecord;
  views: JsonRecord;
}

/** A collection of the document as a record; `views` may be absent (a map without saved views). */
const recordOf = (doc: AssetMapDoc, name: Entity | ValueName): JsonRecord => (doc[name] ?? {}) as unknown as JsonRecord;

/** One shared map's Y roots, with an index of the field entries of each node and edge. */
export class SharedMapDoc {
  readonly roots: Roots;
  /** Per entity collection: id -> keys of its field entries. */
  private readonly fieldKeys: Record<Entity, Map<string, Set<string>>> = { nodes: new Map(), edges: new Map() };
  private readonly rootNames: Map<AnyYType, RootName>;

  constructor(readonly ydoc: Y.Doc) {
    this.roots = getRoots(ydoc);
    this.rootNames = new Map(ROOT_NAMES.map((n) => [this.roots[n] as AnyYType, n]));
    for (const entity of ENTITIES) for (const key of this.roots[FIELDS_OF[entity]].keys()) this.indexKey(entity, key);
  }

  version(): number | undefined {
    const v = this.roots.meta.get(VERSION_KEY);
    return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
  }

  private indexKey(entity: Entity, key: string) {
    const path = parseFieldKey(key);
    if (!path) return;
    const map = this.fieldKeys[entity];
    let set = map.get(path[0]!);
    if (this.roots[FIELDS_OF[entity]].has(key)) {
      if (!set) map.set(path[0]!, (set = new Set()));
      set.add(key);
    } else if (set) {
      set.delete(key);
      if (set.size === 0) map.delete(path[0]!);
    }
  }

  /** A node or edge as Y holds it now: its created value with its field entries on top (entries by two, then by three). */
  readEntity(entity: Entity, id: string): JsonRecord | undefined {
    const base = this.roots[entity].get(id);
    if (!isRecord(base)) return undefined;
    const keys = this.fieldKeys[entity].get(id);
    if (!keys) return base;
    const out: JsonRecord = { ...base };
    const entries = [...keys].map((k) => [parseFieldKey(k)!, this.roots[FIELDS_OF[entity]].get(k)] as const);
    const emptied = new Set<string>();
    for (const [path, value] of entries) {
      if (path.length !== 2) continue;
      if (value === null || value === undefined) delete out[path[1]!];
      else out[path[1]!] = value;
    }
    for (const [path, value] of entries) {
      if (path.length !== 3) continue;
      const [, field, key] = path as [string, string, string];
      const record = isRecord(out[field]) ? { ...(out[field] as JsonRecord) } : {};
      if (value === null || value === undefined) delete record[key];
      else record[key] = value;
      out[field] = record;
      emptied.add(field);
    }
    // A record whose every entry was removed reads as no record at all.
    for (const field of emptied) if (Object.keys(out[field] as JsonRecord).length === 0) delete out[field];
    return out;
  }

  private writeEntity(entity: Entity, id: string, value: unknown) {
    const root = this.roots[entity];
    const fields = this.roots[FIELDS_OF[entity]];
    const keys = [...(this.fieldKeys[entity].get(id) ?? [])];
    if (!isRecord(value)) {
      if (root.has(id)) root.delete(id);
      for (const k of keys) fields.delete(k);
      return;
    }
    const current = this.readEntity(entity, id);
    if (!current) {
      // New (or new again): entries left from an earlier node of this id must not fall on this one.
      for (const k of keys) fields.delete(k);
      root.set(id, plain(value));
      return;
    }
    for (const field of new Set([...Object.keys(current), ...Object.keys(value)])) {
      const before = current[field];
      const after = value[field];
      if (jsonEqual(before, after)) continue;
      if (isRecord(after) && (isRecord(before) || before === undefined)) {
        const old = (before ?? {}) as JsonRecord;
        for (const key of new Set([...Object.keys(old), ...Object.keys(after)])) {
          if (!jsonEqual(old[key], after[key])) fields.set(fieldKey([id, field, key]), after[key] === undefined ? null : plain(after[key]));
        }
      } else {
        fields.set(fieldKey([id, field]), after === undefined ? null : plain(after));
        // Entries of the record this field held would otherwise land on top of its new value.
        for (const k of keys) {
          const path = parseFieldKey(k);
          if (path?.length === 3 && path[1] === field) fields.delete(k);
        }
      }
    }
  }

  private writeCollection(name: Entity | ValueName, record: JsonRecord) {
    const root = this.roots[name];
    const entity = (ENTITIES as readonly string[]).includes(name);
    for (const [key, value] of Object.entries(record)) {
      if (entity) this.writeEntity(name as Entity, key, value);
      else writeValue(root, key, value);
    }
    for (const key of [...root.keys()]) {
      if (Object.hasOwn(record, key)) continue;
      if (entity) this.writeEntity(name as Entity, key, undefined);
      else root.delete(key);
    }
  }

  private writeMeta(doc: AssetMapDoc, key?: string) {
    const record = doc as unknown as JsonRecord;
    const keys = key ? [key] : Object.keys(record).filter((k) => !OWN_ROOTS.has(k));
    for (const k of keys) if (k !== VERSION_KEY) writeValue(this.roots.meta, k, record[k]);
  }

  /** Writes a whole document (a map put on the server for the first time). Call inside a transaction. */
  writeDoc(doc: AssetMapDoc, version: number) {
    this.writeMeta(doc);
    this.roots.meta.set(VERSION_KEY, version);
    for (const name of [...ENTITIES, ...VALUES]) this.writeCollection(name, recordOf(doc, name));
  }

  /**
   * Writes what a change touched, as its patches say, taking the values from the document after the change.
   * The patches only say where to look: whatever they did there (add, replace, remove, a change deep inside a
   * field), Y ends up holding what the new document holds. Call inside a transaction.
   */
  writePatches(patches: readonly Patch[], doc: AssetMapDoc) {
    const whole = new Set<Entity | ValueName>();
    const touched = new Map<Entity | ValueName, Set<string>>();
    const meta = new Set<string>();
    for (const { path } of patches) {
      const top = String(path[0]);
      if (OWN_ROOTS.has(top)) {
        const name = top as Entity | ValueName;
        // layout is small and its patches replace it whole or one field: write it whole.
        if (path.length < 2 || name === 'layout') whole.add(name);
        else {
          let set = touched.get(name);
          if (!set) touched.set(name, (set = new Set()));
          set.add(String(path[1]));
        }
      } else if (top !== VERSION_KEY) meta.add(top);
    }
    for (const name of whole) this.writeCollection(name, recordOf(doc, name));
    for (const [name, keys] of touched) {
      if (whole.has(name)) continue;
      const record = recordOf(doc, name);
      const entity = (ENTITIES as readonly string[]).includes(name);
      for (const key of keys) {
        const value = Object.hasOwn(record, key) ? record[key] : undefined;
        if (entity) this.writeEntity(name as Entity, key, value);
        else writeValue(this.roots[name], key, value);
      }
    }
    for (const key of meta) this.writeMeta(doc, key);
  }

  readRaw(): RawDoc {
    const entities = (entity: Entity) => {
      const out: JsonRecord = {};
      for (const id of this.roots[entity].keys()) {
        const value = this.readEntity(entity, id);
        if (value) out[id] = value;
      }
      return out;
    };
    return {
      meta: this.roots.meta.toJSON(),
      nodes: entities('nodes'),
      edges: entities('edges'),
      routes: this.roots.routes.toJSON(),
      layout: this.roots.layout.toJSON(),
      reflect: this.roots.reflect.toJSON(),
      dismissed: this.roots.dismissed.toJSON(),
      views: this.roots.views.toJSON(),
    };
  }

  /**
   * The raw document after a transaction: the index of field entries brought up to date, and the parts the
   * transaction changed read again from Y (a new RawDoc; the old one is not changed).
   */
  update(raw: RawDoc, changed: Map<AnyYType, Set<string | null>>): RawUpdate {
    const whole = new Set<'meta' | 'layout'>();
    const ids = new Map<Exclude<keyof RawDoc, 'meta' | 'layout'>, Set<string>>();
    const mark = (name: Exclude<keyof RawDoc, 'meta' | 'layout'>, key: string) => {
      let set = ids.get(name);
      if (!set) ids.set(name, (set = new Set()));
      set.add(key);
    };
    for (const [type, subs] of changed) {
      const name = this.rootNames.get(type);
      if (!name) continue;
      if (name === 'meta' || name === 'layout') whole.add(name);
      else if (name === 'nodeFields' || name === 'edgeFields') {
        const entity: Entity = name === 'nodeFields' ? 'nodes' : 'edges';
        for (const key of subs) {
          if (key === null) continue;
          this.indexKey(entity, key);
          const path = parseFieldKey(key);
          if (path) mark(entity, path[0]!);
        }
      } else for (const key of subs) if (key !== null) mark(name, key);
    }
    const touched = { nodes: ids.get('nodes') ?? new Set<string>(), edges: ids.get('edges') ?? new Set<string>() };
    const others = whole.size > 0 || [...ids.keys()].some((name) => name !== 'nodes' && name !== 'edges');
    if (whole.size === 0 && ids.size === 0) return { raw, touched, others };
    const next: RawDoc = { ...raw };
    for (const name of whole) next[name] = this.roots[name].toJSON();
    for (const [name, set] of ids) {
      const record = { ...raw[name] };
      for (const key of set) {
        const value = name === 'nodes' || name === 'edges' ? this.readEntity(name, key) : this.roots[name].get(key);
        if (value === undefined) delete record[key];
        else record[key] = value;
      }
      next[name] = record;
    }
    return { raw: next, touched, others };
  }
}

/** A raw document after a transaction, with which nodes and edges it touched and whether it touched anything else. */
export interface RawUpdate {
  raw: RawDoc;
  touched: { nodes: Set<string>; edges: Set<string> };
  others: boolean;
}

/** The raw document as a map object for `restoreMap` (which checks it and drops what hangs from nothing). */
export function rawToMap(raw: RawDoc): JsonRecord {
  const { [VERSION_KEY]: _version, ...meta } = raw.meta;
  const views = Object.keys(raw.views).length ? { views: raw.views } : {};
  return { ...meta, nodes: raw.nodes, edges: raw.edges, routes: raw.routes, layout: raw.layout, reflect: raw.reflect, dismissed: raw.dismissed, ...views };
}
