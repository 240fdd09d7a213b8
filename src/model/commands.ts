/**
 * Every change to a document is one of these commands: a named recipe that mutates an immer draft.
 * The store runs them with produceWithPatches, so each one is one undo step. Recipes must be deterministic
 * given their payload (ids and positions are chosen by the caller or filled in before the recipe runs).
 */
import {
  type Area,
  type AssetKind,
  type AssetMapDoc,
  type AssetNode,
  type EdgeKind,
  type ImprovementNode,
  type ImprovementStatus,
  LEDGER_FIELDS,
  type LedgerField,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  isIsoDate,
  type LayoutSettings,
  type MapEdge,
  type MapGroup,
  type Passion,
  type Point,
  type Review,
  type SavedView,
  type TieStrength,
  type TraitKind,
  type TraitNode,
  isAsset,
  isAttached,
  isImprovement,
} from './types';
import { isDraft, original } from 'immer';
import { getAttachmentIndex, getSubtreeIds, nextOrder, writeLayout } from './doc';
import { type AttachedKind, canAttach, canLink, canOwn } from './rules';
import { cleanGroupName, getGroupContents } from './groups';

/**
 * Read-only scans of a whole document go to the draft's base, not through immer's proxies: touching every
 * node of a 5,000-node draft would create 5,000 proxies for one moved node. Only use it for data the recipe
 * has not changed yet.
 */
const base = <T extends object>(draft: T): T => (isDraft(draft) ? (original(draft as never) as T) : draft);

type Recipe<P> = (draft: AssetMapDoc, payload: P) => void;

export interface AddAssetPayload {
  id: string;
  kind: AssetKind;
  label: string;
  x: number;
  y: number;
  order?: number;
  details?: string;
  fields?: Record<string, string>;
  passions?: Passion[];
  formality?: 'formal' | 'informal';
}

export interface AddAttachmentPayload {
  id: string;
  kind: TraitKind | 'improvement';
  attachedTo: string;
  label: string;
  x: number;
  y: number;
  order?: number;
  status?: ImprovementStatus;
  owner?: string;
  areas?: Area[];
}

/** The fields of a node a user can edit; `undefined` removes an optional field. */
export interface NodePatch extends Partial<Pick<AssetNode, LedgerField>> {
  label?: string;
  details?: string;
  tags?: string[];
  kind?: AssetKind;
  fields?: Record<string, string>;
  passions?: Passion[];
  formality?: 'formal' | 'informal';
  areas?: Area[];
  status?: ImprovementStatus;
  owner?: string;
  attachedTo?: string;
}

export interface LinkPayload {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  tie?: TieStrength;
  label?: string;
}

export interface EdgePatch {
  kind?: EdgeKind;
  tie?: TieStrength;
  label?: string;
}

const OPTIONAL_NODE_FIELDS = ['details', 'tags', 'fields', 'passions', 'formality', 'areas', 'owner', ...LEDGER_FIELDS] as const;

/** A ledger value that may be stored: owners are colleagues on the map, dates are real ISO dates. */
function isValidLedgerValue(draft: AssetMapDoc, key: LedgerField, value: unknown): boolean {
  switch (key) {
    case 'contactOwners':
      return Array.isArray(value) && value.every((id) => typeof id === 'string' && canOwn(draft.nodes[id]));
    case 'lastContact':
    case 'nextStepDue':
    case 'seasonStart':
    case 'seasonEnd':
      return isIsoDate(value);
    case 'nextStep':
      return typeof value === 'string';
    case 'partnershipType':
      return (PARTNERSHIP_TYPES as readonly unknown[]).includes(value);
    case 'partnershipStatus':
      return (PARTNERSHIP_STATUSES as readonly unknown[]).includes(value);
  }
}

function dropRoutesTouching(draft: AssetMapDoc, ids: Set<string>) {
  if (ids.size === 0) return;
  const doc = base(draft);
  for (const key of Object.keys(doc.routes)) {
    const edge = doc.edges[key];
    // Attachment edges ("a:<id>") run between a node and what it is attached to.
    const attached = edge ? undefined : doc.nodes[key.slice(2)];
    const [a, b] = edge ? [edge.source, edge.target] : attached && isAttached(attached) ? [attached.id, attached.attachedTo] : [key.slice(2), ''];
    if (ids.has(a) || ids.has(b)) delete draft.routes[key];
  }
}

const addAsset: Recipe<AddAssetPayload> = (draft, p) => {
  if (draft.nodes[p.id]) return;
  const node: AssetNode = {
    id: p.id,
    kind: p.kind,
    label: p.label,
    x: p.x,
    y: p.y,
    order: p.order ?? nextOrder(base(draft), isAsset),
  };
  if (p.details !== undefined) node.details = p.details;
  if (p.fields !== undefined) node.fields = p.fields;
  if (p.passions !== undefined) node.passions = p.passions;
  if (p.formality !== undefined) node.formality = p.formality;
  draft.nodes[p.id] = node;
};

const addAttachment: Recipe<AddAttachmentPayload> = (draft, p) => {
  if (draft.nodes[p.id] || !canAttach(p.kind, draft.nodes[p.attachedTo])) return;
  const order = p.order ?? nextOrder(base(draft), (n) => isAttached(n) && n.attachedTo === p.attachedTo);
  if (p.kind === 'improvement') {
    const node: ImprovementNode = {
      id: p.id,
      kind: 'improvement',
      label: p.label,
      attachedTo: p.attachedTo,
      status: p.status ?? 'idea',
      x: p.x,
      y: p.y,
      order,
    };
    if (p.owner !== undefined && canOwn(draft.nodes[p.owner])) node.owner = p.owner;
    draft.nodes[p.id] = node;
  } else {
    const node: TraitNode = { id: p.id, kind: p.kind, label: p.label, attachedTo: p.attachedTo, x: p.x, y: p.y, order };
    if (p.areas !== undefined) node.areas = p.areas;
    draft.nodes[p.id] = node;
  }
};

const updateNode: Recipe<{ id: string; patch: NodePatch }> = (draft, { id, patch }) => {
  const node = draft.nodes[id] as unknown as Record<string, unknown> | undefined;
  if (!node) return;
  if (patch.label !== undefined) node.label = patch.label;
  if (patch.kind !== undefined && isAsset(draft.nodes[id])) node.kind = patch.kind;
  if (patch.status !== undefined && isImprovement(draft.nodes[id])) node.status = patch.status;
  if ('attachedTo' in patch && patch.attachedTo && isAttached(draft.nodes[id])) {
    const self = draft.nodes[id]!;
    if (canAttach(self.kind as AttachedKind, draft.nodes[patch.attachedTo]) && patch.attachedTo !== id) {
      dropRoutesTouching(draft, new Set([id]));
      node.attachedTo = patch.attachedTo;
    }
  }
  for (const key of OPTIONAL_NODE_FIELDS) {
    if (!(key in patch)) continue;
    const value = patch[key];
    if (key === 'owner' && value !== undefined && !canOwn(draft.nodes[value as string])) continue;
    if ((LEDGER_FIELDS as readonly string[]).includes(key) && value !== undefined) {
      if (!isAsset(draft.nodes[id]) || !isValidLedgerValue(draft, key as LedgerField, value)) continue;
    }
    if (value === undefined) delete node[key];
    else node[key] = value;
  }
};

const moveNodes: Recipe<{ positions: Record<string, Point> }> = (draft, { positions }) => {
  const moved = new Set<string>();
  for (const [id, p] of Object.entries(positions)) {
    const node = draft.nodes[id];
    if (!node || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    if (node.x === p.x && node.y === p.y) continue;
    node.x = p.x;
    node.y = p.y;
    moved.add(id);
  }
  dropRoutesTouching(draft, moved);
};

/** Deletes nodes with everything attached to them and every edge that touches them. */
const deleteNodes: Recipe<{ ids: string[] }> = (draft, { ids }) => {
  const doc = base(draft);
  const doomed = getSubtreeIds(doc, ids);
  if (doomed.size === 0) return;
  dropRoutesTouching(draft, doomed);
  for (const edge of Object.values(doc.edges)) {
    if (doomed.has(edge.source) || doomed.has(edge.target)) delete draft.edges[edge.id];
  }
  for (const node of Object.values(doc.nodes)) {
    if (isImprovement(node) && node.owner && doomed.has(node.owner) && !doomed.has(node.id)) {
      delete (draft.nodes[node.id] as ImprovementNode).owner;
    }
    // A colleague who leaves the map no longer holds a relationship.
    if (isAsset(node) && node.contactOwners?.some((o) => doomed.has(o)) && !doomed.has(node.id)) {
      const left = node.contactOwners.filter((o) => !doomed.has(o));
      const target = draft.nodes[node.id] as AssetNode;
      if (left.length) target.contactOwners = left;
      else delete target.contactOwners;
    }
  }
  for (const id of doomed) delete draft.nodes[id];
  dropEmptyGroups(draft, doomed);
};

/**
 * Groups nobody is in any more are not kept. `touched`: the nodes this recipe changed, read from the draft; the
 * rest are read from its base, so that no node is drafted for nothing.
 */
function dropEmptyGroups(draft: AssetMapDoc, touched: Iterable<string>) {
  if (!draft.groups) return;
  const changed = new Set(touched);
  const used = new Set<string>();
  for (const n of Object.values(base(draft).nodes)) if (!changed.has(n.id) && isAsset(n) && n.group) used.add(n.group);
  for (const id of changed) {
    const n = draft.nodes[id];
    if (isAsset(n) && n.group) used.add(n.group);
  }
  for (const id of Object.keys(draft.groups)) if (!used.has(id)) delete draft.groups[id];
  if (Object.keys(draft.groups).length === 0) delete draft.groups;
}

/**
 * Puts assets into a group, the new one given or one the map has (an item given stands for its asset). A
 * collapsed group opens, so that what was put in it shows.
 */
const groupAssets: Recipe<{ ids: string[]; group: string; newGroup?: { id: string; name: string } }> = (draft, { ids, group, newGroup }) => {
  if (newGroup && newGroup.id === group && !draft.groups?.[group]) {
    const name = cleanGroupName(newGroup.name);
    if (!name) return;
    (draft.groups ??= {})[group] = { id: group, name };
  }
  const target = draft.groups?.[group];
  if (!target) return;
  const doc = base(draft);
  const assets = new Set<string>();
  for (const id of ids) {
    const owner = getOwningAssetId(doc, id) ?? (draft.nodes[id] && isAsset(draft.nodes[id]) ? id : undefined);
    if (owner) assets.add(owner);
  }
  const moved: string[] = [];
  for (const id of assets) {
    const node = draft.nodes[id];
    if (!isAsset(node) || node.group === group) continue;
    node.group = group;
    moved.push(id);
  }
  if (!moved.length) {
    dropEmptyGroups(draft, []);
    return;
  }
  if (target.collapsed) delete target.collapsed;
  dropEmptyGroups(draft, moved);
};

function getOwningAssetId(doc: AssetMapDoc, id: string): string | undefined {
  let node = doc.nodes[id];
  for (let hops = 0; node && hops < 4; hops++) {
    if (isAsset(node)) return node.id;
    node = isAttached(node) ? doc.nodes[node.attachedTo] : undefined;
  }
  return undefined;
}

/** Takes assets out of their groups (an item given stands for its asset). */
const ungroupAssets: Recipe<{ ids: string[] }> = (draft, { ids }) => {
  const doc = base(draft);
  const touched: string[] = [];
  for (const id of ids) {
    const owner = getOwningAssetId(doc, id);
    if (!owner || !isAsset(doc.nodes[owner]) || (doc.nodes[owner] as AssetNode).group === undefined) continue;
    delete (draft.nodes[owner] as AssetNode).group;
    touched.push(owner);
  }
  dropEmptyGroups(draft, touched);
};

const renameGroup: Recipe<{ id: string; name: string }> = (draft, { id, name }) => {
  const group = draft.groups?.[id];
  const clean = cleanGroupName(name);
  if (group && clean && group.name !== clean) group.name = clean;
};

/** Collapses a group to one node (its members hidden; edges to them run to it), or opens it. */
const setGroupCollapsed: Recipe<{ id: string; collapsed: boolean }> = (draft, { id, collapsed }) => {
  const group: MapGroup | undefined = draft.groups?.[id];
  if (!group || !!group.collapsed === collapsed) return;
  if (collapsed) group.collapsed = true;
  else delete group.collapsed;
  // Routes that cross the frame were made for the other state; those inside it stay.
  const doc = base(draft);
  const members = Object.values(doc.nodes).filter((n): n is AssetNode => isAsset(n) && n.group === id);
  const inside = new Set(getGroupContents(doc, members));
  for (const key of Object.keys(doc.routes)) {
    const edge = doc.edges[key];
    if (edge && inside.has(edge.source) !== inside.has(edge.target)) delete draft.routes[key];
  }
};

/** Ungroups every member and forgets the group. */
const deleteGroup: Recipe<{ id: string }> = (draft, { id }) => {
  if (!draft.groups?.[id]) return;
  for (const n of Object.values(base(draft).nodes)) {
    if (isAsset(n) && n.group === id) delete (draft.nodes[n.id] as AssetNode).group;
  }
  delete draft.groups[id];
  if (Object.keys(draft.groups).length === 0) delete draft.groups;
};

const linkAssets: Recipe<LinkPayload> = (draft, p) => {
  if (draft.edges[p.id] || !canLink(p.kind, draft.nodes[p.source], draft.nodes[p.target])) return;
  const duplicate = Object.values(base(draft).edges).some(
    (e) =>
      e.kind === p.kind &&
      ((e.source === p.source && e.target === p.target) ||
        (p.kind === 'relationship' && e.source === p.target && e.target === p.source)),
  );
  if (duplicate) return;
  const edge: MapEdge = { id: p.id, kind: p.kind, source: p.source, target: p.target };
  if (p.kind === 'relationship') edge.tie = p.tie ?? 'regular';
  if (p.label) edge.label = p.label;
  draft.edges[p.id] = edge;
};

const updateEdge: Recipe<{ id: string; patch: EdgePatch }> = (draft, { id, patch }) => {
  const edge = draft.edges[id];
  if (!edge) return;
  if (patch.kind !== undefined && patch.kind !== edge.kind) {
    if (!canLink(patch.kind, draft.nodes[edge.source], draft.nodes[edge.target])) return;
    edge.kind = patch.kind;
    if (patch.kind === 'supports') delete edge.tie;
    else edge.tie ??= 'regular';
  }
  if (patch.tie !== undefined && edge.kind === 'relationship') edge.tie = patch.tie;
  if ('label' in patch) {
    if (patch.label) edge.label = patch.label;
    else delete edge.label;
  }
};

const deleteEdges: Recipe<{ ids: string[] }> = (draft, { ids }) => {
  for (const id of ids) {
    delete draft.edges[id];
    delete draft.routes[id];
  }
};

const applyLayout: Recipe<{
  positions: Record<string, Point>;
  routes: Record<string, Point[]>;
  settings?: LayoutSettings;
}> = (draft, { positions, routes, settings }) => writeLayout(draft, { positions, routes }, settings);

const setTitle: Recipe<{ title: string }> = (draft, { title }) => {
  draft.title = title;
};

const setReflectAnswer: Recipe<{ question: string; text: string }> = (draft, { question, text }) => {
  if (text) draft.reflect[question] = text;
  else delete draft.reflect[question];
};

const dismissSuggestion: Recipe<{ key: string }> = (draft, { key }) => {
  draft.dismissed[key] = true;
};

const restoreSuggestion: Recipe<{ key: string }> = (draft, { key }) => {
  delete draft.dismissed[key];
};

/** Moves an asset (worksheet row) or attached item before another of its kind, or to the end. */
const reorderNode: Recipe<{ id: string; before?: string }> = (draft, { id, before }) => {
  const node = draft.nodes[id];
  if (!node) return;
  const siblings = Object.values(draft.nodes)
    .filter((n) => n.id !== id && (isAttached(node) ? isAttached(n) && n.attachedTo === node.attachedTo : isAsset(n)))
    .sort((a, b) => a.order - b.order);
  const at = before ? siblings.findIndex((n) => n.id === before) : -1;
  siblings.splice(at < 0 ? siblings.length : at, 0, node);
  siblings.forEach((n, i) => {
    if (n.order !== i) n.order = i;
  });
};

/**
 * Replaces the strengths, weaknesses or improvements of an asset with a list of texts (a worksheet cell):
 * items are matched by position, so editing one line keeps the others' ids, areas and positions. An asset's
 * improvements are those of its weaknesses (in the weaknesses' order) and then its own, as the worksheet shows
 * them; a new improvement goes to the asset's weakness when it has exactly one, else to the asset.
 */
const setAttachmentList: Recipe<{
  assetId: string;
  kind: TraitKind | 'improvement';
  labels: string[];
  newIds: string[];
  newPositions: Point[];
}> = (draft, { assetId, kind, labels, newIds, newPositions }) => {
  if (!isAsset(draft.nodes[assetId])) return;
  const index = getAttachmentIndex(base(draft));
  const own = index.get(assetId) ?? [];
  const weaknesses = own.filter((n) => n.kind === 'weakness');
  const current =
    kind === 'improvement'
      ? [...weaknesses.flatMap((w) => index.get(w.id) ?? []), ...own].filter((n) => n.kind === 'improvement')
      : own.filter((n) => n.kind === kind);
  const newParent = kind === 'improvement' && weaknesses.length === 1 ? weaknesses[0]!.id : assetId;
  labels.forEach((label, i) => {
    const existing = current[i];
    if (existing) {
      const node = draft.nodes[existing.id]!;
      if (node.label !== label) node.label = label;
      if (node.order !== i) node.order = i;
    } else {
      const id = newIds[i - current.length] ?? `${assetId}_${kind}_${i}`;
      const p = newPositions[i - current.length] ?? { x: 0, y: 0 };
      addAttachment(draft, { id, kind, attachedTo: newParent, label, x: p.x, y: p.y, order: i });
    }
  });
  const extra = current.slice(labels.length).map((n) => n.id);
  if (extra.length) deleteNodes(draft, { ids: extra });
};

/**
 * Adds many nodes and edges at once (an import, a paste): one undo step. Groups the import names come with it;
 * an asset in a group the map has not got (pasted from another map) comes in with no group.
 */
const insertContent: Recipe<{ nodes: AssetMapDoc['nodes']; edges: AssetMapDoc['edges']; groups?: Record<string, MapGroup> }> = (draft, p) => {
  for (const group of Object.values(p.groups ?? {})) {
    const name = cleanGroupName(group.name);
    if (name && !draft.groups?.[group.id]) (draft.groups ??= {})[group.id] = { id: group.id, name };
  }
  const added: string[] = [];
  for (const node of Object.values(p.nodes)) {
    if (draft.nodes[node.id]) continue;
    added.push(node.id);
    if (isAsset(node) && node.group !== undefined && !draft.groups?.[node.group]) {
      const { group: _gone, ...rest } = node;
      draft.nodes[node.id] = rest;
    } else draft.nodes[node.id] = node;
  }
  dropEmptyGroups(draft, added);
  for (const edge of Object.values(p.edges)) {
    if (!draft.edges[edge.id] && draft.nodes[edge.source] && draft.nodes[edge.target]) draft.edges[edge.id] = edge;
  }
};

/** The same edit on several nodes at once (a selection): one undo step. What does not apply to a node is skipped. */
const updateNodes: Recipe<{ ids: string[]; patch: NodePatch }> = (draft, { ids, patch }) => {
  for (const id of ids) updateNode(draft, { id, patch });
};

/** Adds a tag to each of the nodes that has not got it yet. */
const tagNodes: Recipe<{ ids: string[]; tag: string }> = (draft, { ids, tag }) => {
  const clean = tag.trim();
  if (!clean) return;
  for (const id of ids) {
    const node = draft.nodes[id];
    if (!node || node.tags?.includes(clean)) continue;
    node.tags = [...(node.tags ?? []), clean];
  }
};

const setStaleAfter: Recipe<{ months: number | undefined }> = (draft, { months }) => {
  if (months === undefined) delete draft.staleAfterMonths;
  else if (Number.isInteger(months) && months >= 1 && months <= 60) draft.staleAfterMonths = months;
};

/** Puts back an earlier version of the map (from its history): one undo step like any other change. */
const restoreVersion: Recipe<{ version: AssetMapDoc }> = (draft, { version }) => {
  draft.title = version.title;
  draft.nodes = version.nodes;
  draft.edges = version.edges;
  draft.routes = version.routes;
  draft.layout = version.layout;
  draft.reflect = version.reflect;
  draft.dismissed = version.dismissed;
  if (version.groups) draft.groups = version.groups;
  else delete draft.groups;
  // Reviews are kept beside the map's content: a version brings back the reviews it holds (a file's), never
  // takes away those saved since.
  if (version.reviews?.length) {
    const have = new Set((draft.reviews ?? []).map((r) => r.id));
    const more = version.reviews.filter((r) => !have.has(r.id));
    if (more.length) draft.reviews = [...(draft.reviews ?? []), ...more].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
};

/** The map as it stands now, kept under a name: what `saveReview` stores (no reviews inside a review). */
export function reviewOf(doc: AssetMapDoc, id: string, name: string, at = new Date().toISOString()): Review {
  const { reviews: _reviews, ...map } = doc;
  return { id, name: name.trim() || 'Review', at, map };
}

const saveReview: Recipe<{ review: Review }> = (draft, { review }) => {
  const name = review.name.trim();
  if (!name || draft.reviews?.some((r) => r.id === review.id)) return;
  (draft.reviews ??= []).push({ ...review, name });
};

const renameReview: Recipe<{ id: string; name: string }> = (draft, { id, name }) => {
  const review = draft.reviews?.find((r) => r.id === id);
  if (review && name.trim()) review.name = name.trim();
};

const deleteReview: Recipe<{ id: string }> = (draft, { id }) => {
  if (!draft.reviews) return;
  draft.reviews = draft.reviews.filter((r) => r.id !== id);
  if (!draft.reviews.length) delete draft.reviews;
};

/** Keeps what the map shows now under a name; a view with that id already kept is left as it is. */
const saveView: Recipe<{ view: SavedView }> = (draft, { view }) => {
  const name = view.name.trim();
  if (!name || draft.views?.[view.id]) return;
  const order = Math.max(-1, ...Object.values(base(draft).views ?? {}).map((v) => v.order)) + 1;
  (draft.views ??= {})[view.id] = { ...view, name, order };
};

const renameView: Recipe<{ id: string; name: string }> = (draft, { id, name }) => {
  const view = draft.views?.[id];
  if (view && name.trim()) view.name = name.trim();
};

const deleteView: Recipe<{ id: string }> = (draft, { id }) => {
  if (!draft.views?.[id]) return;
  delete draft.views[id];
  if (Object.keys(draft.views).length === 0) delete draft.views;
};

/** The saved views in their order. */
export function getViews(doc: Pick<AssetMapDoc, 'views'>): SavedView[] {
  return Object.values(doc.views ?? {}).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const commands = {
  addAsset,
  addAttachment,
  updateNode,
  moveNodes,
  deleteNodes,
  linkAssets,
  updateEdge,
  deleteEdges,
  applyLayout,
  setTitle,
  setReflectAnswer,
  dismissSuggestion,
  restoreSuggestion,
  reorderNode,
  setAttachmentList,
  insertContent,
  restoreVersion,
  setStaleAfter,
  updateNodes,
  tagNodes,
  saveReview,
  renameReview,
  deleteReview,
  saveView,
  renameView,
  deleteView,
  groupAssets,
  ungroupAssets,
  renameGroup,
  setGroupCollapsed,
  deleteGroup,
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type PayloadOf<K extends CommandName> = Parameters<Commands[K]>[1];

/** Words for the undo and redo buttons ("Undo add asset"). */
export const COMMAND_LABELS: Record<CommandName, string> = {
  addAsset: 'add asset',
  addAttachment: 'add item',
  updateNode: 'edit',
  moveNodes: 'move',
  deleteNodes: 'delete',
  linkAssets: 'connect',
  updateEdge: 'edit connection',
  deleteEdges: 'delete connection',
  applyLayout: 'auto layout',
  setTitle: 'rename map',
  setReflectAnswer: 'answer',
  dismissSuggestion: 'dismiss suggestion',
  restoreSuggestion: 'restore suggestion',
  reorderNode: 'reorder',
  setAttachmentList: 'edit list',
  insertContent: 'import',
  restoreVersion: 'restore version',
  setStaleAfter: 'change when ties go stale',
  updateNodes: 'edit selection',
  tagNodes: 'tag selection',
  saveReview: 'save review',
  renameReview: 'rename review',
  deleteReview: 'delete review',
  saveView: 'save view',
  renameView: 'rename view',
  deleteView: 'delete view',
  groupAssets: 'put in group',
  ungroupAssets: 'take out of group',
  renameGroup: 'rename group',
  setGroupCollapsed: 'collapse or expand group',
  deleteGroup: 'ungroup',
};

