/**
 * How a map document lies in a Y.Doc, and the two directions between them. One root Y.Map per part of the
 * document:
 *
 *   meta       title, id, created, version (the file version the map was written with) and any other top-level
 *              field, each a plain value
 *   nodes      node id -> Y.Map of the node's fields (label, x, y, attachedTo, …); a field holding a plain object
 *              (`fields`: role, priorities…) is a Y.Map of its own, so that two people editing different fields,
 *              or different named details, of one asset keep both edits
 *   edges      edge id -> Y.Map of the edge's fields, likewise
 *   routes     route key -> list of points (a plain value)
 *   layout     direction, spacing
 *   reflect    question id -> answer
 *   dismissed  suggestion key -> true
 *
 * Writes compare with what is there and only set what differs: writing a field nobody changed would overwrite
 * a concurrent edit of it by someone else.
 */
import * as Y from 'yjs';
import type { Patch } from 'immer';
import type { AssetMapDoc } from '../model';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonRecord = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: Y's own types use `any` for a type's events.
export type AnyYType = Y.AbstractType<any>;

/** Collections of records with fields of their own. */
const ENTITY_ROOTS = ['nodes', 'edges'] as const;
/** Collections of plain values. */
const VALUE_ROOTS = ['routes', 'reflect', 'dismissed', 'layout'] as const;
export const ROOT_NAMES = ['meta', ...ENTITY_ROOTS, ...VALUE_ROOTS] as const;
type RootName = (typeof ROOT_NAMES)[number];
type EntityRoot = (typeof ENTITY_ROOTS)[number];
type ValueRoot = (typeof VALUE_ROOTS)[number];

/** Top-level fields of the document that live in their own root, not in `meta`. */
const OWN_ROOTS = new Set<string>([...ENTITY_ROOTS, ...VALUE_ROOTS]);
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

/** A plain copy (no frozen objects, no undefined) that Y can store. */
const plain = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

function writeValue(target: Y.Map<unknown>, key: string, value: unknown) {
  if (value === undefined) {
    if (target.has(key)) target.delete(key);
    return;
  }
  const current = target.get(key);
  if (current instanceof Y.AbstractType || !jsonEqual(current, value)) target.set(key, plain(value));
}

/** Makes a Y.Map hold exactly the given record's fields (one level: nested objects are plain values). */
function writeRecord(target: Y.Map<unknown>, record: JsonRecord, nested: boolean) {
  for (const [key, value] of Object.entries(record)) {
    if (nested && isRecord(value)) {
      let inner = target.get(key);
      if (!(inner instanceof Y.Map)) {
        inner = new Y.Map<unknown>();
        target.set(key, inner);
      }
      writeRecord(inner as Y.Map<unknown>, value, false);
    } else writeValue(target, key, value);
  }
  for (const key of [...target.keys()]) if (!Object.hasOwn(record, key) || record[key] === undefined) target.delete(key);
}

function writeEntity(root: Y.Map<unknown>, id: string, value: unknown) {
  if (!isRecord(value)) {
    if (root.has(id)) root.delete(id);
    return;
  }
  let target = root.get(id);
  if (!(target instanceof Y.Map)) {
    target = new Y.Map<unknown>();
    root.set(id, target);
  }
  writeRecord(target as Y.Map<unknown>, value, true);
}

function writeCollection(roots: Roots, name: EntityRoot | ValueRoot, record: JsonRecord) {
  const root = roots[name];
  const entity = (ENTITY_ROOTS as readonly string[]).includes(name);
  for (const [key, value] of Object.entries(record)) {
    if (entity) writeEntity(root, key, value);
    else writeValue(root, key, value);
  }
  for (const key of [...root.keys()]) if (!Object.hasOwn(record, key)) root.delete(key);
}

function writeMeta(roots: Roots, doc: AssetMapDoc, key?: string) {
  const record = doc as unknown as JsonRecord;
  const keys = key ? [key] : Object.keys(record).filter((k) => !OWN_ROOTS.has(k));
  for (const k of keys) if (k !== VERSION_KEY) writeValue(roots.meta, k, record[k]);
}

/** Writes a whole document into Y (a map put on the server for the first time). */
export function writeDoc(roots: Roots, doc: AssetMapDoc, version: number) {
  writeMeta(roots, doc);
  roots.meta.set(VERSION_KEY, version);
  for (const name of [...ENTITY_ROOTS, ...VALUE_ROOTS]) writeCollection(roots, name, doc[name] as unknown as JsonRecord);
}

/**
 * Writes what a change touched, as its patches say, taking the values from the document after the change.
 * The patches only say where to look: whatever they did there (add, replace, remove, a change deep inside a
 * field), the field now holds what the new document holds.
 */
export function writePatches(roots: Roots, patches: readonly Patch[], doc: AssetMapDoc) {
  const whole = new Set<EntityRoot | ValueRoot>();
  const touched = new Map<EntityRoot | ValueRoot, Set<string>>();
  const meta = new Set<string>();
  for (const { path } of patches) {
    const top = String(path[0]);
    if (OWN_ROOTS.has(top)) {
      const name = top as EntityRoot | ValueRoot;
      // layout is small and its patches replace it whole or one field: write it whole.
      if (path.length < 2 || name === 'layout') whole.add(name);
      else {
        let set = touched.get(name);
        if (!set) touched.set(name, (set = new Set()));
        set.add(String(path[1]));
      }
    } else if (top !== VERSION_KEY) meta.add(top);
  }
  for (const name of whole) writeCollection(roots, name, doc[name] as unknown as JsonRecord);
  for (const [name, keys] of touched) {
    if (whole.has(name)) continue;
    const record = doc[name] as unknown as JsonRecord;
    const entity = (ENTITY_ROOTS as readonly string[]).includes(name);
    for (const key of keys) {
      const value = Object.hasOwn(record, key) ? record[key] : undefined;
      if (entity) writeEntity(roots[name], key, value);
      else writeValue(roots[name], key, value);
    }
  }
  for (const key of meta) writeMeta(roots, doc, key);
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
}

const read = (value: unknown): unknown => (value instanceof Y.AbstractType ? value.toJSON() : value);

export function readRaw(roots: Roots): RawDoc {
  return Object.fromEntries(ROOT_NAMES.map((name) => [name, roots[name].toJSON()])) as unknown as RawDoc;
}

/** The parts of the raw document a transaction changed, read again from Y (a new RawDoc; the old is kept). */
export function updateRaw(raw: RawDoc, roots: Roots, changed: Map<AnyYType, Set<string | null>>): RawDoc {
  const byRoot = new Map<AnyYType, RootName>(ROOT_NAMES.map((n) => [roots[n] as AnyYType, n]));
  const wholeRoots = new Set<RootName>();
  const keys = new Map<RootName, Set<string>>();
  const mark = (name: RootName, key: string) => {
    let set = keys.get(name);
    if (!set) keys.set(name, (set = new Set()));
    set.add(key);
  };
  for (const [type, subs] of changed) {
    const name = byRoot.get(type);
    if (name) {
      if (name === 'meta' || name === 'layout') wholeRoots.add(name);
      else for (const key of subs) if (key !== null) mark(name, key);
      continue;
    }
    // A field of a node or edge (or a field inside one of its fields): find the entity it belongs to.
    let child: AnyYType = type;
    for (let depth = 0; depth < 3; depth++) {
      const parent = child._item?.parent;
      if (!(parent instanceof Y.AbstractType)) break;
      const parentName = byRoot.get(parent);
      if (parentName) {
        const key = child._item?.parentSub;
        if (key) mark(parentName, key);
        break;
      }
      child = parent;
    }
  }
  if (wholeRoots.size === 0 && keys.size === 0) return raw;
  const next: RawDoc = { ...raw };
  for (const name of wholeRoots) next[name] = roots[name].toJSON();
  for (const [name, set] of keys) {
    if (wholeRoots.has(name)) continue;
    const record = { ...raw[name] };
    for (const key of set) {
      const value = roots[name].get(key);
      if (value === undefined) delete record[key];
      else record[key] = read(value);
    }
    next[name] = record;
  }
  return next;
}

/** The raw document as a map object for `restoreMap` (which checks it and drops what hangs from nothing). */
export function rawToMap(raw: RawDoc): JsonRecord {
  const { [VERSION_KEY]: _version, ...meta } = raw.meta;
  return { ...meta, nodes: raw.nodes, edges: raw.edges, routes: raw.routes, layout: raw.layout, reflect: raw.reflect, dismissed: raw.dismissed };
}

export function readVersion(roots: Roots): number | undefined {
  const v = roots.meta.get(VERSION_KEY);
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}
