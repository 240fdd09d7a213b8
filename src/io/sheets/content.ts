/**
 * Worksheet rows to the nodes an import adds to a map, for the `insertContent` command (one undo step).
 *
 * In both modes a row with the category and name of an earlier row continues that row (see repeats.ts): one
 * asset, never two. 'new' adds the rows as new assets. 'merge' also treats a row with the category and name of an
 * asset already on the map as that asset, and adds only the strengths, weaknesses and improvements it does not
 * have yet, so importing the same sheet twice changes nothing.
 *
 * Positions: new assets are laid out as blocks (the asset, its items in a column below it) in a grid under
 * everything already on the map, so nothing the user arranged moves; items added to an asset already on the map
 * go in free space below its other items. The caller may run auto layout afterwards.
 */
import {
  type AssetMapDoc,
  type AssetNode,
  type ImprovementNode,
  type MapEdge,
  type MapGroup,
  type MapNode,
  type NodeKind,
  type Point,
  type TraitNode,
  findGroupByName,
  getAssets,
  getAttachmentIndex,
  groupNameKey,
  isAsset,
  newId as randomId,
  nextOrder,
} from '../../model';
import { nodeSize } from '../../look/measure';
import { BatchPlacer } from './placeBatch';
import { applyLedgerCells } from './ledger';
import { type RelationshipRow, relationshipsToEdges } from './relationships';
import type { SheetRow } from './worksheet';
import { assetKey, sameText } from './repeats';

export type ImportMode = 'merge' | 'new';

export interface ContentOptions {
  /** Makes the id of each new node; random ids unless given (tests pass a counter). */
  newId?: (kind: NodeKind) => string;
  /** Top-left corner of the first new asset; below everything on the map unless given. */
  origin?: Point;
  /** Relationships to add among the map's assets and the new ones (a relationships table). */
  relationships?: readonly RelationshipRow[];
}

export interface ImportSummary {
  /** Assets added. */
  assets: number;
  /** Rows that matched an asset already on the map, or one earlier in the file ('merge'). */
  merged: number;
  /** Strengths, weaknesses and improvements added. */
  items: number;
  /** Items left out because their asset already had them ('merge'). */
  duplicates: number;
  /** Sentences about ledger cells that could not be read (kept as details), and relationship rows left out. */
  notes?: string[];
  /** Relationships added. */
  links?: number;
}

export interface SheetContent {
  nodes: Record<string, MapNode>;
  edges: Record<string, MapEdge>;
  /** Groups the rows name that the map has not got yet. */
  groups?: Record<string, MapGroup>;
  summary: ImportSummary;
}

type ItemKind = 'strength' | 'weakness' | 'improvement';

/** What one asset gets from the import. */
interface Target {
  /** Set for an asset already on the map. */
  existing?: AssetNode;
  row?: SheetRow;
  strengths: string[];
  weaknesses: string[];
  improvements: string[];
  /** Texts the asset has, per kind, normalised: for leaving out duplicates. */
  known: Record<ItemKind, Set<string>>;
  /** The new asset made for it. */
  asset?: AssetNode;
}


const BLOCK_INDENT = 24;
const ITEM_GAP = 8;

export function rowsToContent(doc: AssetMapDoc, rows: readonly SheetRow[], mode: ImportMode, options: ContentOptions = {}): SheetContent {
  const makeId = options.newId ?? (() => randomId('n'));
  const index = getAttachmentIndex(doc);
  const summary: ImportSummary = { assets: 0, merged: 0, items: 0, duplicates: 0 };
  const targets: Target[] = [];
  const byKey = new Map<string, Target>();

  const knownOf = (asset: AssetNode): Target['known'] => {
    const attached = index.get(asset.id) ?? [];
    const of = (kind: ItemKind, list = attached) => list.filter((n) => n.kind === kind).map((n) => sameText(n.label));
    const onWeaknesses = attached.filter((n) => n.kind === 'weakness').flatMap((w) => of('improvement', index.get(w.id) ?? []));
    const improvements = [...of('improvement'), ...onWeaknesses];
    return { strength: new Set(of('strength')), weakness: new Set(of('weakness')), improvement: new Set(improvements) };
  };

  const onMap = new Map<string, AssetNode>();
  if (mode === 'merge') for (const a of getAssets(doc)) if (!onMap.has(assetKey(a.kind, a.label))) onMap.set(assetKey(a.kind, a.label), a);

  for (const row of rows) {
    const key = assetKey(row.kind, row.name);
    let target = byKey.get(key);
    const existing = mode === 'merge' && !target ? onMap.get(key) : undefined;
    if (target || existing) summary.merged++;
    if (existing) {
      target = { existing, strengths: [], weaknesses: [], improvements: [], known: knownOf(existing) };
      targets.push(target);
      byKey.set(key, target);
    }
    // A row of its own; later rows with its category and name add their items to it (not details).
    if (!target) {
      const known = { strength: new Set<string>(), weakness: new Set<string>(), improvement: new Set<string>() };
      target = { row, strengths: [], weaknesses: [], improvements: [], known };
      targets.push(target);
      byKey.set(key, target);
    }
    const add = (list: string[], kind: ItemKind, texts: readonly string[]) => {
      for (const text of texts) {
        // 'new' keeps a row's items exactly as read, repeats included; rows folded together share one list.
        const same = sameText(text);
        if (target.known[kind].has(same) && (mode === 'merge' || target.row !== row)) {
          summary.duplicates++;
          continue;
        }
        target.known[kind].add(same);
        list.push(text);
      }
    };
    add(target.strengths, 'strength', row.strengths);
    add(target.weaknesses, 'weakness', row.weaknesses);
    add(target.improvements, 'improvement', row.improvements);
  }

  const nodes: Record<string, MapNode> = {};
  const fresh = targets.filter((t) => !t.existing);
  const made = placeNewAssets(doc, fresh, nodes, makeId, options.origin, summary);
  placeOnExisting(doc, targets.filter((t) => t.existing), nodes, makeId, summary);
  // Contact owners may name colleagues the same import adds: read the ledger once every asset exists.
  const notes = applyLedgerCells(made, [...getAssets(doc), ...Object.values(nodes)]);
  let edges: Record<string, MapEdge> = {};
  if (options.relationships?.length) {
    const links = relationshipsToEdges(doc, options.relationships, () => randomId('e'), Object.values(nodes));
    edges = links.edges;
    summary.links = links.added;
    notes.push(...links.notes);
  }
  if (notes.length) summary.notes = notes;
  const groups = groupsOfRows(doc, fresh, (prefix) => randomId(prefix));
  return groups ? { nodes, edges, summary, groups } : { nodes, edges, summary };
}

/**
 * The new assets of rows that name a group join it: the map's group of that name (case and spacing forgiven),
 * or a new one the rows make. Returns the new groups.
 */
function groupsOfRows(doc: AssetMapDoc, fresh: readonly Target[], newGroupId: (prefix: string) => string): Record<string, MapGroup> | undefined {
  const made: Record<string, MapGroup> = {};
  const byName = new Map<string, string>();
  let any = false;
  for (const t of fresh) {
    const name = t.row?.group;
    if (!name || !t.asset) continue;
    const key = groupNameKey(name);
    let id = byName.get(key) ?? findGroupByName(doc, name)?.id;
    if (!id) {
      id = newGroupId('g');
      made[id] = { id, name };
      any = true;
    }
    byName.set(key, id);
    t.asset.group = id;
  }
  return any ? made : undefined;
}

/** The improvements' parent: the asset's one weakness when it has exactly one, else the asset. */
function improvementParent(assetId: string, weaknessIds: string[]): string {
  return weaknessIds.length === 1 ? weaknessIds[0]! : assetId;
}

function item(kind: ItemKind, id: string, label: string, attachedTo: string, order: number, at: Point): TraitNode | ImprovementNode {
  return kind === 'improvement'
    ? { id, kind, label, attachedTo, status: 'idea', x: at.x, y: at.y, order }
    : { id, kind, label, attachedTo, x: at.x, y: at.y, order };
}

/** New assets as blocks in a grid below the map's content. */
function placeNewAssets(
  doc: AssetMapDoc,
  fresh: Target[],
  nodes: Record<string, MapNode>,
  makeId: (kind: NodeKind) => string,
  origin: Point | undefined,
  summary: ImportSummary,
): { asset: AssetNode; row: SheetRow }[] {
  if (!fresh.length) return [];
  const made: { asset: AssetNode; row: SheetRow }[] = [];
  const gap = doc.layout.spacing;
  const start = origin ?? belowContent(doc, gap * 2);
  let order = nextOrder(doc, isAsset);

  // Each block in its own coordinates first (asset at 0,0), then moved to its cell of the grid.
  const blocks = fresh.map((t) => {
    const row = t.row!;
    const asset: AssetNode = { id: makeId(row.kind), kind: row.kind, label: row.name, x: 0, y: 0, order: order++ };
    t.asset = asset;
    if (row.details) asset.details = row.details;
    if (row.fields) asset.fields = { ...row.fields };
    if (row.passions?.length) asset.passions = row.passions.map((text) => ({ text }));
    if (row.ledger) made.push({ asset, row });
    const assetSize = nodeSize(asset);
    const members: MapNode[] = [asset];
    let y = assetSize.height + ITEM_GAP + 6;
    let width = assetSize.width;
    const put = (kind: ItemKind, label: string, parent: string, order: number, indent: number) => {
      const node = item(kind, makeId(kind), label, parent, order, { x: indent, y });
      const size = nodeSize(node);
      y += size.height + ITEM_GAP;
      width = Math.max(width, indent + size.width);
      members.push(node);
      return node;
    };
    t.strengths.forEach((label, i) => put('strength', label, asset.id, i, BLOCK_INDENT));
    const weaknessIds = t.weaknesses.map((label, i) => put('weakness', label, asset.id, i, BLOCK_INDENT).id);
    const parent = improvementParent(asset.id, weaknessIds);
    // Under the one weakness they improve, the improvements are indented one step further, as in auto layout.
    t.improvements.forEach((text, k) => put('improvement', text, parent, k, parent === asset.id ? BLOCK_INDENT : BLOCK_INDENT * 2));
    summary.assets++;
    summary.items += members.length - 1;
    return { members, width, height: y - ITEM_GAP };
  });

  const columns = Math.min(6, Math.ceil(Math.sqrt(blocks.length)));
  // reduce, not Math.max(...list): a sheet of many thousand rows would overflow the argument list.
  const pitch = blocks.reduce((w, b) => Math.max(w, b.width), 0) + gap;
  let rowTop = start.y;
  for (let first = 0; first < blocks.length; first += columns) {
    const line = blocks.slice(first, first + columns);
    line.forEach((b, i) => {
      for (const n of b.members) {
        n.x += start.x + i * pitch;
        n.y += rowTop;
        nodes[n.id] = n;
      }
    });
    rowTop += line.reduce((h, b) => Math.max(h, b.height), 0) + gap;
  }
  return made;
}

/** Top-left corner for new content: under the lowest node, at the left edge of the map. */
function belowContent(doc: AssetMapDoc, gap: number): Point {
  let left = Infinity;
  let bottom = -Infinity;
  for (const n of Object.values(doc.nodes)) {
    left = Math.min(left, n.x);
    bottom = Math.max(bottom, n.y + nodeSize(n).height);
  }
  return Number.isFinite(left) ? { x: Math.round(left), y: Math.round(bottom + gap) } : { x: 0, y: 0 };
}

/** New items of assets already on the map, each in free space below what hangs from its parent. */
function placeOnExisting(
  doc: AssetMapDoc,
  targets: Target[],
  nodes: Record<string, MapNode>,
  makeId: (kind: NodeKind) => string,
  summary: ImportSummary,
) {
  if (!targets.some((t) => t.strengths.length + t.weaknesses.length + t.improvements.length)) return;
  // Each placed node is recorded, so the next one avoids it (the new assets' blocks too).
  const placer = new BatchPlacer(doc);
  for (const n of Object.values(nodes)) placer.add(n);
  const index = getAttachmentIndex(doc);
  // After everything that hangs from the parent, as `nextOrder` would say, from the index rather than a scan.
  const nextOrderOf = new Map<string, number>();
  const orderFor = (parent: string) => {
    const next = nextOrderOf.get(parent) ?? (index.get(parent) ?? []).reduce((max, n) => Math.max(max, n.order + 1), 0);
    nextOrderOf.set(parent, next + 1);
    return next;
  };
  const put = (kind: ItemKind, label: string, parent: string) => {
    const at = placer.place({ kind, label, attachedTo: parent });
    const node = item(kind, makeId(kind), label, parent, orderFor(parent), at);
    placer.add(node);
    nodes[node.id] = node;
    summary.items++;
    return node;
  };
  for (const t of targets) {
    const asset = t.existing!;
    t.strengths.forEach((label) => put('strength', label, asset.id));
    const weaknessIds = (index.get(asset.id) ?? []).filter((n) => n.kind === 'weakness').map((n) => n.id);
    t.weaknesses.forEach((label) => weaknessIds.push(put('weakness', label, asset.id).id));
    const parent = improvementParent(asset.id, weaknessIds);
    t.improvements.forEach((label) => put('improvement', label, parent));
  }
}

/** A sentence about what an import did, for the notice after it. */
export function describeImport(summary: ImportSummary): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const parts: string[] = [];
  if (summary.assets) parts.push(n(summary.assets, 'asset', 'assets'));
  if (summary.items) parts.push(n(summary.items, 'item', 'items'));
  if (summary.links) parts.push(n(summary.links, 'relationship', 'relationships'));
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  let sentence = list ? `Added ${list}.` : 'Nothing new was added.';
  if (summary.duplicates) sentence += ` ${n(summary.duplicates, 'item was', 'items were')} already on the map.`;
  if (summary.notes?.length) sentence += ` ${summary.notes.join(' ')}`;
  return sentence;
}
