/**
 * What changed between two states of a map: items added, removed, changed in content, or only moved. Items are
 * matched by id first, then — for those left over on both sides — by kind and name (and, for a strength,
 * weakness or improvement, by what it hangs from), so that a map whose ids changed (rebuilt from a spreadsheet,
 * an item deleted and typed in again) still compares item by item. A rename keeps its id and so stays one item.
 *
 * A change holds both whole items, so `applyDiff(a, diffMaps(a, b))` gives b's nodes and edges: the tests
 * prove the diff says everything that differs. Pure: no DOM; the map view, the change list and its exports all
 * read the same result.
 */
import type { AssetMapDoc, MapEdge, MapNode, NodeKind, Point } from './types';
import { KIND_NAMES, isAsset, isAttached, isImprovement } from './types';

export type ChangeStatus = 'added' | 'removed' | 'changed' | 'moved';

/** One field that differs, with both values (references already in the later map's ids). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

interface ChangeBase {
  status: ChangeStatus;
  /** The item's id in the later map (added, changed, moved) or in the earlier one (removed). */
  id: string;
  /** The item's id in the earlier map, when it differs from `id` (matched by name). */
  beforeId?: string;
  /** Content fields that differ (empty for added, removed and moved items). */
  fields: FieldChange[];
  /**
   * Added or removed with an asset (a strength of a partner deleted with it, a connection to it): the asset's
   * id. Such a change is part of the asset's and is not counted or listed on its own.
   */
  partOf?: string;
}

export interface NodeChange extends ChangeBase {
  item: 'node';
  before?: MapNode;
  after?: MapNode;
  /** Where it stood and stands, when it moved on the map. */
  moved?: { from: Point; to: Point };
}

export interface EdgeChange extends ChangeBase {
  item: 'edge';
  before?: MapEdge;
  after?: MapEdge;
}

export type ItemChange = NodeChange | EdgeChange;

export interface MapDiff {
  nodes: NodeChange[];
  edges: EdgeChange[];
  /**
   * Ids matched by name whose item did not otherwise change (earlier id → later id): nothing to tell the user,
   * but `applyDiff` needs them to give the later map exactly.
   */
  renamedIds: Record<string, string>;
  counts: Record<ChangeStatus, number>;
}

type Items = Pick<AssetMapDoc, 'nodes' | 'edges'>;

/**
 * Items that only moved are marked on the map (and its images) when they are few: past this many the map was laid
 * out again, and a mark on every item would bury the real changes (they are still listed, under Moved).
 */
export const MOVES_MARKED = 100;

/** Fields that place an item rather than say what it is: a change in them alone is a move. */
const PLACE_FIELDS = new Set(['id', 'x', 'y', 'order']);

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/** Deep equality of JSON values, whatever the order of keys. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => same(v, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Depth of a node below the assets: matched level by level, so that a child's parent is matched before it. */
function depthOf(n: MapNode, nodes: Record<string, MapNode>): number {
  let depth = 0;
  let cur: MapNode | undefined = n;
  while (cur && isAttached(cur) && depth < 4) {
    depth++;
    cur = nodes[cur.attachedTo];
  }
  return depth;
}

/** Earlier node id → later node id, for every node present in both. */
function matchNodes(a: Record<string, MapNode>, b: Record<string, MapNode>): Map<string, string> {
  const match = new Map<string, string>();
  const takenB = new Set<string>();
  for (const id of Object.keys(a)) {
    if (Object.hasOwn(b, id)) {
      match.set(id, id);
      takenB.add(id);
    }
  }
  const leftA = Object.values(a).filter((n) => !match.has(n.id));
  const leftB = Object.values(b).filter((n) => !takenB.has(n.id));
  if (!leftA.length || !leftB.length) return match;
  // Level by level: assets, then what hangs from them, then improvements of weaknesses.
  const byDepth = (list: MapNode[], nodes: Record<string, MapNode>) => {
    const out: MapNode[][] = [];
    for (const n of list) (out[depthOf(n, nodes)] ??= []).push(n);
    return out;
  };
  const levelsA = byDepth(leftA, a);
  const levelsB = byDepth(leftB, b);
  for (let level = 0; level < Math.max(levelsA.length, levelsB.length); level++) {
    const key = (n: MapNode, parent: string | undefined) => `${n.kind}\u0000${norm(n.label)}\u0000${parent ?? ''}`;
    const waiting = new Map<string, MapNode[]>();
    for (const n of (levelsB[level] ?? []).sort((x, y) => x.order - y.order)) {
      const k = key(n, isAttached(n) ? n.attachedTo : undefined);
      const list = waiting.get(k);
      if (list) list.push(n);
      else waiting.set(k, [n]);
    }
    for (const n of (levelsA[level] ?? []).sort((x, y) => x.order - y.order)) {
      const parent = isAttached(n) ? match.get(n.attachedTo) : undefined;
      if (isAttached(n) && parent === undefined) continue;
      const found = waiting.get(key(n, parent))?.shift();
      if (found) match.set(n.id, found.id);
    }
  }
  return match;
}

/** A node's references (what it hangs from, its owner, its contact owners) in the later map's ids. */
function translateNode(n: MapNode, ids: ReadonlyMap<string, string>): MapNode {
  const to = (id: string) => ids.get(id) ?? id;
  let out = n;
  const set = (patch: Partial<Record<string, unknown>>) => {
    if (out === n) out = { ...n };
    Object.assign(out, patch);
  };
  if (ids.get(n.id) !== undefined && ids.get(n.id) !== n.id) set({ id: to(n.id) });
  if (isAttached(n) && to(n.attachedTo) !== n.attachedTo) set({ attachedTo: to(n.attachedTo) });
  if (isImprovement(n) && n.owner !== undefined && to(n.owner) !== n.owner) set({ owner: to(n.owner) });
  if (isAsset(n) && n.contactOwners?.some((o) => to(o) !== o)) set({ contactOwners: n.contactOwners.map(to) });
  return out;
}

function fieldChanges(before: object, after: object, skip: ReadonlySet<string>): FieldChange[] {
  const out: FieldChange[] = [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (skip.has(field)) continue;
    if (!same(b[field], a[field])) out.push({ field, before: b[field], after: a[field] });
  }
  return out;
}

const edgeKey = (e: MapEdge, source: string, target: string) => `${e.kind}\u0000${source}\u0000${target}`;

/** What changed from `a` (earlier) to `b` (later). */
export function diffMaps(a: Items, b: Items): MapDiff {
  const match = matchNodes(a.nodes, b.nodes);
  const matchedB = new Set(match.values());
  const renamedIds: Record<string, string> = {};
  const nodes: NodeChange[] = [];

  for (const before of Object.values(a.nodes)) {
    const id = match.get(before.id);
    if (id === undefined) {
      nodes.push({ item: 'node', status: 'removed', id: before.id, before, fields: [] });
      continue;
    }
    const after = b.nodes[id]!;
    const seen = translateNode(before, match);
    const fields = fieldChanges(seen, after, PLACE_FIELDS);
    const moved = before.x !== after.x || before.y !== after.y ? { from: { x: before.x, y: before.y }, to: { x: after.x, y: after.y } } : undefined;
    const placed = moved || before.order !== after.order;
    const beforeId = before.id !== id ? before.id : undefined;
    if (fields.length || placed) {
      nodes.push({ item: 'node', status: fields.length ? 'changed' : 'moved', id, ...(beforeId && { beforeId }), before, after, fields, ...(moved && { moved }) });
    } else if (beforeId || seen !== before) {
      // Matched by name with nothing else to tell, or only its references renamed: silent.
      if (beforeId) renamedIds[beforeId] = id;
    }
  }
  for (const after of Object.values(b.nodes)) {
    if (!matchedB.has(after.id)) nodes.push({ item: 'node', status: 'added', id: after.id, after, fields: [] });
  }

  // Edges: by id, then by kind and (matched) ends.
  const to = (id: string) => match.get(id) ?? `\u0000gone:${id}`;
  const edges: EdgeChange[] = [];
  const takenB = new Set<string>();
  const edgeMatch = new Map<string, string>();
  for (const e of Object.values(a.edges)) {
    if (Object.hasOwn(b.edges, e.id)) {
      edgeMatch.set(e.id, e.id);
      takenB.add(e.id);
    }
  }
  const waiting = new Map<string, MapEdge[]>();
  for (const e of Object.values(b.edges)) {
    if (takenB.has(e.id)) continue;
    const k = edgeKey(e, e.source, e.target);
    const list = waiting.get(k);
    if (list) list.push(e);
    else waiting.set(k, [e]);
  }
  for (const e of Object.values(a.edges)) {
    if (edgeMatch.has(e.id)) continue;
    const found = waiting.get(edgeKey(e, to(e.source), to(e.target)))?.shift();
    if (found) {
      edgeMatch.set(e.id, found.id);
      takenB.add(found.id);
    }
  }
  for (const before of Object.values(a.edges)) {
    const id = edgeMatch.get(before.id);
    if (id === undefined) {
      edges.push({ item: 'edge', status: 'removed', id: before.id, before, fields: [] });
      continue;
    }
    const after = b.edges[id]!;
    const seen = { ...before, source: to(before.source), target: to(before.target) };
    const fields = fieldChanges(seen, after, PLACE_FIELDS);
    const beforeId = before.id !== id ? before.id : undefined;
    if (fields.length) edges.push({ item: 'edge', status: 'changed', id, ...(beforeId && { beforeId }), before, after, fields });
    else if (beforeId || seen.source !== before.source || seen.target !== before.target) renamedIds[before.id] = id;
  }
  for (const after of Object.values(b.edges)) {
    if (!takenB.has(after.id)) edges.push({ item: 'edge', status: 'added', id: after.id, after, fields: [] });
  }

  markParts(nodes, edges, a.nodes, b.nodes);
  const counts: Record<ChangeStatus, number> = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const c of nodes) if (!c.partOf) counts[c.status]++;
  for (const c of edges) if (!c.partOf) counts[c.status]++;
  return { nodes, edges, renamedIds, counts };
}

/** Items added or removed along with their asset become part of its change (see `partOf`). */
function markParts(nodes: NodeChange[], edges: EdgeChange[], before: Record<string, MapNode>, after: Record<string, MapNode>) {
  const added = new Set(nodes.filter((c) => c.status === 'added').map((c) => c.id));
  const removed = new Set(nodes.filter((c) => c.status === 'removed').map((c) => c.id));
  /** The topmost node, up from `id`, that went the same way. */
  const top = (id: string, same: Set<string>, all: Record<string, MapNode>) => {
    let cur = all[id];
    let found: string | undefined;
    for (let hops = 0; cur && isAttached(cur) && hops < 4; hops++) {
      if (!same.has(cur.attachedTo)) break;
      found = cur.attachedTo;
      cur = all[cur.attachedTo];
    }
    return found;
  };
  for (const c of nodes) {
    const owner = c.status === 'added' ? top(c.id, added, after) : c.status === 'removed' ? top(c.id, removed, before) : undefined;
    if (owner) c.partOf = owner;
  }
  const ownerOf = (id: string, same: Set<string>, all: Record<string, MapNode>) => (same.has(id) ? (top(id, same, all) ?? id) : undefined);
  for (const c of edges) {
    const e = c.status === 'added' ? c.after! : c.status === 'removed' ? c.before! : undefined;
    if (!e) continue;
    const [same, all] = c.status === 'added' ? [added, after] : [removed, before];
    const owner = ownerOf(e.source, same, all) ?? ownerOf(e.target, same, all);
    if (owner) c.partOf = owner;
  }
}

/** Whether two states differ in any item (moves included). */
export const isEmptyDiff = (d: MapDiff) => d.nodes.length === 0 && d.edges.length === 0;

/**
 * The later map's items from the earlier map's and the diff: every change applied, ids matched by name renamed.
 * (What the diff promises; the tests hold it to it.)
 */
export function applyDiff(a: Items, diff: MapDiff): Items {
  const ids = new Map<string, string>(Object.entries(diff.renamedIds));
  for (const c of [...diff.nodes, ...diff.edges]) if (c.beforeId) ids.set(c.beforeId, c.id);
  const nodes: Record<string, MapNode> = {};
  const edges: Record<string, MapEdge> = {};
  const nodeChanges = new Map(diff.nodes.map((c) => [c.beforeId ?? c.id, c]));
  const edgeChanges = new Map(diff.edges.map((c) => [c.beforeId ?? c.id, c]));
  for (const n of Object.values(a.nodes)) {
    const c = nodeChanges.get(n.id);
    if (c?.status === 'removed') continue;
    if (c?.after) nodes[c.id] = c.after;
    else {
      const t = translateNode(n, ids);
      nodes[t.id] = t;
    }
  }
  for (const e of Object.values(a.edges)) {
    const c = edgeChanges.get(e.id);
    if (c?.status === 'removed') continue;
    if (c?.after) edges[c.id] = c.after;
    else {
      const id = ids.get(e.id) ?? e.id;
      edges[id] = { ...e, id, source: ids.get(e.source) ?? e.source, target: ids.get(e.target) ?? e.target };
    }
  }
  for (const c of diff.nodes) if (c.status === 'added') nodes[c.id] = c.after!;
  for (const c of diff.edges) if (c.status === 'added') edges[c.id] = c.after!;
  return { nodes, edges };
}

// ---- Words -------------------------------------------------------------------------------------------------

const FIELD_NAMES: Record<string, string> = {
  label: 'name',
  kind: 'kind',
  details: 'details',
  tags: 'tags',
  fields: 'named details',
  passions: 'passions and interests',
  formality: 'formality',
  contactOwners: 'contact owner',
  lastContact: 'last contact',
  nextStep: 'next step',
  nextStepDue: 'next step due',
  partnershipType: 'partnership type',
  partnershipStatus: 'status',
  seasonStart: 'season start',
  seasonEnd: 'season end',
  attachedTo: 'what it belongs to',
  status: 'status',
  owner: 'owner',
  areas: 'areas',
  tie: 'tie',
  source: 'from',
  target: 'to',
};

const short = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A value in words: names for node ids, lists joined, nothing as "none". */
function valueWords(v: unknown, nameOf: (id: string) => string | undefined, field: string): string {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return 'none';
  if (['attachedTo', 'owner', 'source', 'target'].includes(field) && typeof v === 'string') return `“${short(nameOf(v) ?? v)}”`;
  if (field === 'contactOwners' && Array.isArray(v)) return v.map((id) => `“${short(nameOf(String(id)) ?? String(id))}”`).join(', ');
  if (field === 'passions' && Array.isArray(v)) return v.map((p) => `“${short(String((p as { text?: unknown }).text ?? ''))}”`).join(', ');
  if (field === 'kind' && typeof v === 'string') return KIND_NAMES[v as NodeKind] ?? v;
  if (Array.isArray(v)) return v.map((x) => `“${short(String(x))}”`).join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: “${short(String(x), 40)}”`)
      .join('; ');
  }
  return typeof v === 'string' ? `“${short(v)}”` : String(v);
}

/** One field's change in words: `name “Old” → “New”`, `tags added “teens”`. */
export function describeField(f: FieldChange, nameOf: (id: string) => string | undefined = () => undefined): string {
  const name = FIELD_NAMES[f.field] ?? f.field;
  if (f.field === 'label') return `renamed from ${valueWords(f.before, nameOf, f.field)} to ${valueWords(f.after, nameOf, f.field)}`;
  if (f.before === undefined || f.before === '') return `${name} set to ${valueWords(f.after, nameOf, f.field)}`;
  if (f.after === undefined || f.after === '') return `${name} cleared (was ${valueWords(f.before, nameOf, f.field)})`;
  return `${name} ${valueWords(f.before, nameOf, f.field)} → ${valueWords(f.after, nameOf, f.field)}`;
}

/** What happened to an item, in words, for the list, the map's marks and the exports. */
export function describeChange(c: ItemChange, nameOf: (id: string) => string | undefined = () => undefined): string {
  if (c.status === 'added') return 'added';
  if (c.status === 'removed') return 'removed';
  const parts = c.fields.map((f) => describeField(f, nameOf));
  if (c.item === 'node' && c.status === 'moved') parts.push(c.moved ? 'moved on the map' : 'moved in the worksheet');
  else if (c.item === 'node' && c.moved) parts.push('moved');
  return parts.join('; ');
}

/** For each asset added or removed whole: what went with it, in words ("with 3 attached items and 1 connection"). */
export function partsWords(diff: MapDiff): Map<string, string> {
  const counts = new Map<string, { items: number; links: number }>();
  for (const c of [...diff.nodes, ...diff.edges]) {
    if (!c.partOf) continue;
    let n = counts.get(c.partOf);
    if (!n) counts.set(c.partOf, (n = { items: 0, links: 0 }));
    if (c.item === 'node') n.items++;
    else n.links++;
  }
  const out = new Map<string, string>();
  for (const [id, { items, links }] of counts) {
    const parts = [items && `${items} attached ${items === 1 ? 'item' : 'items'}`, links && `${links} ${links === 1 ? 'connection' : 'connections'}`].filter(Boolean);
    out.set(id, `with ${parts.join(' and ')}`);
  }
  return out;
}

/** What an item is, in words: `“Teachers” (strength of “School Partnership”)`, `relationship “A” – “B”`. */
export function describeItem(c: ItemChange, nameOf: (id: string) => string | undefined): string {
  if (c.item === 'node') {
    const n = (c.after ?? c.before)!;
    const parent = isAttached(n) ? nameOf(n.attachedTo) : undefined;
    return `“${short(n.label, 80)}” (${KIND_NAMES[n.kind]}${parent ? ` of “${short(parent, 60)}”` : ''})`;
  }
  const e = (c.after ?? c.before)!;
  const what = e.kind === 'relationship' ? 'relationship' : 'supports';
  return `${what}: “${short(nameOf(e.source) ?? e.source, 60)}” – “${short(nameOf(e.target) ?? e.target, 60)}”`;
}

/** Names of nodes in either map, the later one first: what the words of a diff call items. */
export function namesFor(a: Items, b: Items): (id: string) => string | undefined {
  return (id) => b.nodes[id]?.label ?? a.nodes[id]?.label;
}
