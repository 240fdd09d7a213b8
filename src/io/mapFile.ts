/**
 * The native file: `<title>.assetmap.json`, an envelope `{format, version, map}`. Parsing returns a typed result;
 * the UI turns each error into a sentence with `describeOpenError`. Opening repairs what is safe to repair
 * (an edge to a missing node is dropped) and says so; unknown fields survive a round trip.
 */
import {
  type AssetMapDoc,
  type EdgeKind,
  type MapEdge,
  type MapGroup,
  type MapNode,
  type Review,
  type SavedView,
  cleanGroupName,
  AREAS,
  DEFAULT_LAYOUT,
  EDGE_KINDS,
  IMPROVEMENT_STATUSES,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  TIE_STRENGTHS,
  canAttach,
  canLink,
  canOwn,
  isAssetKind,
  isAttachedKind,
  isIsoDate,
  newId,
} from '../model';
import { type Result, err, ok } from './result';
import { CURRENT_VERSION, migrate } from './migrations';
import { FORMAT } from './envelope';

export { CURRENT_VERSION, type Envelope, FORMAT, fileNameFor, serializeMap, toEnvelope } from './envelope';

export type OpenError =
  | { kind: 'not-json'; detail: string }
  | { kind: 'not-asset-map'; what?: string }
  | { kind: 'too-new'; version: number }
  | { kind: 'migration-failed'; version: number; detail: string }
  | { kind: 'invalid'; detail: string }
  | { kind: 'no-map-in-image'; format: 'PNG' | 'SVG' | 'PDF' }
  | { kind: 'unsupported'; name: string }
  | { kind: 'too-big'; bytes: number; limit: number }
  | { kind: 'spreadsheet'; detail: string };

export interface Opened {
  doc: AssetMapDoc;
  /** Plain sentences about what was repaired while opening. */
  repairs: string[];
}

export function parseMapFile(text: string): Result<Opened, OpenError> {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return err({ kind: 'not-json', detail: e instanceof Error ? e.message : String(e) });
  }
  return restore(data);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The one way a saved map becomes a document, whatever held it (a file, an image, the browser's storage, the
 * journal, a saved version, another tab, the team's server): check the envelope, migrate it forward, repair what
 * is safe to repair, and refuse the rest with a typed error.
 */
export function restore(data: unknown): Result<Opened, OpenError> {
  if (!isRecord(data) || data.format !== FORMAT) {
    const what = isRecord(data) && typeof data.format === 'string' ? data.format : undefined;
    return err({ kind: 'not-asset-map', what });
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err({ kind: 'invalid', detail: 'its version number is missing or not a whole number' });
  }
  if (version > CURRENT_VERSION) return err({ kind: 'too-new', version });
  let map: unknown;
  try {
    // Each review is a map of the same version: it is migrated as a map of its own, so that no step has to know
    // about reviews.
    const raw = data.map;
    const reviews = isRecord(raw) && Array.isArray(raw.reviews) ? raw.reviews : undefined;
    map = migrate(reviews && isRecord(raw) ? { ...raw, reviews: undefined } : raw, version);
    if (reviews && isRecord(map)) {
      map = { ...map, reviews: reviews.map((r) => (isRecord(r) && isRecord(r.map) ? { ...r, map: migrate(r.map, version) } : r)) };
    }
  } catch (e) {
    return err({ kind: 'migration-failed', version, detail: e instanceof Error ? e.message : String(e) });
  }
  return restoreMap(map);
}

/** The reviews kept in a map, each restored as a map; those that cannot be are left out, and counted. */
function restoreReviews(raw: unknown): { reviews: Review[]; dropped: number } {
  const reviews: Review[] = [];
  let dropped = 0;
  const seen = new Set<string>();
  for (const r of Array.isArray(raw) ? raw : []) {
    const opened = isRecord(r) && isRecord(r.map) ? restoreMap({ ...r.map, reviews: undefined }) : undefined;
    if (!opened?.ok || !isRecord(r) || typeof r.id !== 'string' || !r.id || seen.has(r.id)) {
      dropped++;
      continue;
    }
    seen.add(r.id);
    const { reviews: _none, ...map } = opened.value.doc;
    const at = typeof r.at === 'string' && !Number.isNaN(Date.parse(r.at)) ? r.at : new Date(0).toISOString();
    reviews.push({ id: r.id, name: text(r.name).trim().slice(0, 200) || 'Review', at, map });
  }
  return { reviews, dropped };
}

/**
 * The saved views kept in a map: a view without a name or a part of the map to show is left out (and counted);
 * what it says about kinds, a tag or a focus is kept as far as it makes sense. A focus may name items since
 * deleted (here or by someone else on a shared map): they are passed over when the view is shown.
 */
function restoreViews(raw: unknown): { views: Record<string, SavedView>; dropped: number } {
  const views: Record<string, SavedView> = {};
  let dropped = 0;
  const entries = isRecord(raw) ? Object.entries(raw) : [];
  if (!isRecord(raw)) dropped++;
  for (const [key, v] of entries) {
    const r = isRecord(v) && isRecord(v.region) ? v.region : undefined;
    const region = r && [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n)) ? { x: finite(r.x, 0), y: finite(r.y, 0), width: finite(r.width, 0), height: finite(r.height, 0) } : undefined;
    const name = isRecord(v) ? text(v.name).trim().slice(0, 200) : '';
    if (!isRecord(v) || key === '__proto__' || !name || !region || region.width <= 0 || region.height <= 0) {
      dropped++;
      continue;
    }
    const view: SavedView = { ...v, id: key, name, order: finite(v.order, 0), region };
    const kinds = Array.isArray(v.hiddenKinds) ? [...new Set(v.hiddenKinds.filter((k): k is string => typeof k === 'string' && isAssetKind(k)))] : [];
    if (kinds.length) view.hiddenKinds = kinds as SavedView['hiddenKinds'];
    else delete view.hiddenKinds;
    if (typeof v.tag !== 'string' || !v.tag) delete view.tag;
    const f = isRecord(v.focus) ? v.focus : undefined;
    const ids = f && Array.isArray(f.ids) ? [...new Set(f.ids.filter((id): id is string => typeof id === 'string' && id !== ''))] : [];
    if (f && ids.length && (f.steps === 1 || f.steps === 2 || f.steps === 3)) view.focus = { ids, steps: f.steps };
    else delete view.focus;
    views[key] = view;
  }
  return { views, dropped };
}

const finite = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(-1e7, Math.min(1e7, v)) : fallback);
const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** Checks and repairs a map object into a valid document. Unknown fields are kept. */
export function restoreMap(raw: unknown): Result<Opened, OpenError> {
  if (!isRecord(raw)) return err({ kind: 'invalid', detail: 'it has no map in it' });
  if (!isRecord(raw.nodes)) return err({ kind: 'invalid', detail: 'its list of nodes is missing' });
  const repairs: string[] = [];
  const count = { nodes: 0, edges: 0, fixed: 0 };

  const nodes: Record<string, MapNode> = {};
  const entries = Object.entries(raw.nodes);
  for (const [key, value] of entries) {
    // "__proto__" cannot be a key of a plain object; such a node cannot be kept.
    if (!isRecord(value) || typeof value.kind !== 'string' || key === '__proto__') {
      count.nodes++;
      continue;
    }
    const kind = value.kind;
    if (!isAssetKind(kind) && !isAttachedKind(kind)) {
      count.nodes++;
      continue;
    }
    const node = { ...value, id: key, kind, label: text(value.label), x: finite(value.x, 0), y: finite(value.y, 0), order: finite(value.order, 0) } as Record<string, unknown>;
    if (node.details !== undefined && typeof node.details !== 'string') node.details = text(node.details);
    if (node.tags !== undefined && !(Array.isArray(node.tags) && node.tags.every((t) => typeof t === 'string'))) delete node.tags;
    if (node.fields !== undefined && !(isRecord(node.fields) && Object.values(node.fields).every((f) => typeof f === 'string'))) {
      delete node.fields;
      count.fixed++;
    }
    if (node.passions !== undefined) {
      node.passions = Array.isArray(node.passions)
        ? node.passions.filter((p) => isRecord(p) && typeof p.text === 'string').map((p) => cleanAreas(p as Record<string, unknown>))
        : undefined;
      if (!node.passions) delete node.passions;
    }
    if (node.areas !== undefined) {
      const c = cleanAreas(node);
      if (c.areas === undefined) delete node.areas;
      else node.areas = c.areas;
    }
    if (kind === 'improvement' && !(IMPROVEMENT_STATUSES as readonly unknown[]).includes(node.status)) node.status = 'idea';
    if (node.formality !== undefined && node.formality !== 'formal' && node.formality !== 'informal') delete node.formality;
    nodes[key] = node as unknown as MapNode;
  }
  // Attached nodes need something valid to hang from; drop the ones that have not (and what hangs from them).
  let changed = true;
  while (changed) {
    changed = false;
    for (const node of Object.values(nodes)) {
      if (isAssetKind(node.kind)) continue;
      const to = (node as { attachedTo?: unknown }).attachedTo;
      const parent = typeof to === 'string' && Object.hasOwn(nodes, to) ? nodes[to] : undefined;
      if (!(parent && parent.id !== node.id && canAttach(node.kind, parent))) {
        delete nodes[node.id];
        count.nodes++;
        changed = true;
      }
    }
  }
  for (const node of Object.values(nodes)) {
    if (isAssetKind(node.kind)) count.fixed += repairLedger(node as unknown as Record<string, unknown>, nodes);
    if (node.kind === 'improvement' && node.owner !== undefined && (typeof node.owner !== 'string' || !Object.hasOwn(nodes, node.owner) || !canOwn(nodes[node.owner]))) {
      delete (node as { owner?: string }).owner;
      count.fixed++;
    }
  }

  const edges: Record<string, MapEdge> = {};
  for (const [key, value] of Object.entries(isRecord(raw.edges) ? raw.edges : {})) {
    if (!isRecord(value) || !(EDGE_KINDS as readonly unknown[]).includes(value.kind) || key === '__proto__') {
      count.edges++;
      continue;
    }
    const own = (k: string) => (Object.hasOwn(nodes, k) ? nodes[k] : undefined);
    const source = own(text(value.source));
    const target = own(text(value.target));
    if (!source || !target || !canLink(value.kind as EdgeKind, source, target)) {
      count.edges++;
      continue;
    }
    const edge = { ...value, id: key, source: source.id, target: target.id } as MapEdge;
    if (edge.kind === 'relationship' && !(TIE_STRENGTHS as readonly unknown[]).includes(edge.tie)) edge.tie = 'regular';
    if (edge.label !== undefined && typeof edge.label !== 'string') delete edge.label;
    edges[key] = edge;
  }

  const routes: Record<string, { x: number; y: number }[]> = {};
  if (isRecord(raw.routes)) {
    for (const [key, pts] of Object.entries(raw.routes)) {
      if (Array.isArray(pts) && pts.length >= 2 && pts.every((p) => isRecord(p) && Number.isFinite(p.x) && Number.isFinite(p.y))) {
        const ends = Object.hasOwn(edges, key) || (key.startsWith('a:') && Object.hasOwn(nodes, key.slice(2)));
        if (ends) routes[key] = pts.map((p) => ({ x: p.x as number, y: p.y as number }));
      }
    }
  }

  const layout = isRecord(raw.layout) ? raw.layout : {};
  const stringRecord = (v: unknown) =>
    Object.fromEntries(Object.entries(isRecord(v) ? v : {}).filter(([k, s]) => typeof s === 'string' && k !== '__proto__')) as Record<string, string>;
  const doc: AssetMapDoc = {
    ...raw,
    id: typeof raw.id === 'string' && raw.id ? raw.id : newId('map'),
    title: text(raw.title) || 'Untitled map',
    created: typeof raw.created === 'string' ? raw.created : new Date().toISOString(),
    nodes,
    edges,
    routes,
    layout: {
      direction: layout.direction === 'TB' ? 'TB' : DEFAULT_LAYOUT.direction,
      spacing: Math.max(10, Math.min(400, finite(layout.spacing, DEFAULT_LAYOUT.spacing))),
    },
    reflect: stringRecord(raw.reflect),
    dismissed: Object.fromEntries(Object.keys(isRecord(raw.dismissed) ? raw.dismissed : {}).filter((k) => k !== '__proto__').map((k) => [k, true as const])),
  };
  delete doc.views;
  if (raw.views !== undefined) {
    const { views, dropped } = restoreViews(raw.views);
    if (Object.keys(views).length) doc.views = views;
    if (dropped) repairs.push(`${dropped} saved ${dropped === 1 ? 'view was' : 'views were'} damaged, and left out.`);
  }
  delete doc.groups;
  const groups = restoreGroups(raw.groups, nodes);
  count.fixed += groups.fixed;
  if (groups.groups) doc.groups = groups.groups;
  delete doc.reviews;
  if (raw.reviews !== undefined) {
    const { reviews, dropped } = restoreReviews(raw.reviews);
    if (reviews.length) doc.reviews = reviews;
    if (dropped) repairs.push(`${dropped} saved ${dropped === 1 ? 'review was' : 'reviews were'} damaged, and left out.`);
  }
  const stale = raw.staleAfterMonths;
  if (stale !== undefined && !(typeof stale === 'number' && Number.isInteger(stale) && stale >= 1 && stale <= 60)) {
    delete doc.staleAfterMonths;
    count.fixed++;
  }
  if (count.nodes) repairs.push(`${count.nodes} ${count.nodes === 1 ? 'item was' : 'items were'} damaged or belonged to nothing, and left out.`);
  if (count.edges) repairs.push(`${count.edges} ${count.edges === 1 ? 'connection pointed' : 'connections pointed'} to missing items, and ${count.edges === 1 ? 'was' : 'were'} left out.`);
  if (count.fixed) repairs.push(`${count.fixed} damaged ${count.fixed === 1 ? 'detail was' : 'details were'} cleared.`);
  return ok({ doc, repairs });
}

/**
 * The map's groups, and each asset's place in one: a group needs a name, and an asset in a group the map has
 * not got is in none. Groups nobody is in are not kept. Returns how many details were cleared.
 */
function restoreGroups(raw: unknown, nodes: Record<string, MapNode>): { groups?: Record<string, MapGroup>; fixed: number } {
  let fixed = 0;
  const groups: Record<string, MapGroup> = {};
  for (const [key, value] of Object.entries(isRecord(raw) ? raw : {})) {
    const name = isRecord(value) ? cleanGroupName(text(value.name)) : '';
    if (key === '__proto__' || !key || !name) {
      fixed++;
      continue;
    }
    const group: MapGroup = { ...(value as object), id: key, name };
    if ((value as { collapsed?: unknown }).collapsed !== true) delete group.collapsed;
    groups[key] = group;
  }
  const used = new Set<string>();
  for (const node of Object.values(nodes)) {
    const n = node as { group?: unknown };
    if (n.group === undefined) continue;
    if (isAssetKind(node.kind) && typeof n.group === 'string' && Object.hasOwn(groups, n.group)) used.add(n.group);
    else {
      delete n.group;
      fixed++;
    }
  }
  for (const id of Object.keys(groups)) if (!used.has(id)) delete groups[id];
  return Object.keys(groups).length ? { groups, fixed } : { fixed };
}

/** Clears ledger values that cannot be right (a date that is not a date, an owner who is not a colleague); returns how many. */
function repairLedger(node: Record<string, unknown>, nodes: Record<string, MapNode>): number {
  let fixed = 0;
  const drop = (key: string) => {
    delete node[key];
    fixed++;
  };
  for (const key of ['lastContact', 'nextStepDue', 'seasonStart', 'seasonEnd'] as const) if (node[key] !== undefined && !isIsoDate(node[key])) drop(key);
  if (node.nextStep !== undefined && typeof node.nextStep !== 'string') drop('nextStep');
  if (node.partnershipType !== undefined && !(PARTNERSHIP_TYPES as readonly unknown[]).includes(node.partnershipType)) drop('partnershipType');
  if (node.partnershipStatus !== undefined && !(PARTNERSHIP_STATUSES as readonly unknown[]).includes(node.partnershipStatus)) drop('partnershipStatus');
  if (node.contactOwners !== undefined) {
    const owners = Array.isArray(node.contactOwners) ? node.contactOwners.filter((o): o is string => typeof o === 'string' && Object.hasOwn(nodes, o) && canOwn(nodes[o])) : [];
    if (!Array.isArray(node.contactOwners) || owners.length !== node.contactOwners.length) fixed++;
    if (owners.length) node.contactOwners = [...new Set(owners)];
    else delete node.contactOwners;
  }
  return fixed;
}

function cleanAreas<T extends Record<string, unknown>>(o: T): T {
  if (!Array.isArray(o.areas)) {
    const { areas: _drop, ...rest } = o;
    return rest as T;
  }
  return { ...o, areas: [...new Set(o.areas.filter((a) => (AREAS as readonly unknown[]).includes(a)))] };
}

/** A sentence for each way opening can fail. */
export function describeOpenError(e: OpenError, fileName?: string): string {
  const name = fileName ? `“${fileName}”` : 'This file';
  switch (e.kind) {
    case 'not-json':
      return `${name} could not be opened: it is not a map file (its text is not valid JSON). Your current map was not changed.`;
    case 'not-asset-map':
      return `${name} is not an Asset Map file${e.what ? ` (it says it is “${e.what}”)` : ''}. Your current map was not changed.`;
    case 'too-new':
      return `${name} was saved by a newer version of Asset Map (file version ${e.version}; this app reads up to ${CURRENT_VERSION}). Update the app to open it. Your current map was not changed.`;
    case 'migration-failed':
      return `${name} is an older map file (version ${e.version}) that could not be upgraded: ${e.detail}. Your current map was not changed.`;
    case 'invalid':
      return `${name} is damaged: ${e.detail}. Your current map was not changed.`;
    case 'no-map-in-image':
      return e.format === 'PDF'
        ? `This PDF has no Asset Map data in it, so it cannot be opened as a map. Only PDFs exported by Asset Map can. Your current map was not changed.`
        : `This image has no Asset Map data in it, so it cannot be opened as a map. Only ${e.format} images exported by Asset Map can. Your current map was not changed.`;
    case 'unsupported':
      return `${name} is not a kind of file Asset Map can open. Open an .assetmap.json file, a map image exported by Asset Map (PNG or SVG), or a spreadsheet (CSV or TSV).`;
    case 'too-big':
      return `${name} is too big to open (${(e.bytes / 1048576).toFixed(1)} MB; the limit is ${Math.round(e.limit / 1048576)} MB). Your current map was not changed.`;
    case 'spreadsheet':
      return `${name} could not be read as a worksheet: ${e.detail}. Your current map was not changed.`;
  }
}
