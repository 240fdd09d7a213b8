/** Pure queries over a document that every layer uses. */
import {
  type AssetMapDoc,
  type AssetNode,
  type AttachedNode,
  type LayoutSettings,
  type MapNode,
  type Point,
  isAsset,
  isAttached,
} from './types';
import { newId } from './ids';

export const DEFAULT_LAYOUT: LayoutSettings = { direction: 'LR', spacing: 60 };

export function emptyDoc(title = 'Untitled map', id = newId('map')): AssetMapDoc {
  return {
    id,
    title,
    created: new Date().toISOString(),
    nodes: {},
    edges: {},
    routes: {},
    layout: { ...DEFAULT_LAYOUT },
    reflect: {},
    dismissed: {},
  };
}

const byOrder = (a: MapNode, b: MapNode) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Assets in worksheet order. */
export function getAssets(doc: AssetMapDoc): AssetNode[] {
  return Object.values(doc.nodes).filter(isAsset).sort(byOrder);
}

const attachmentIndexes = new WeakMap<AssetMapDoc, Map<string, AttachedNode[]>>();

/**
 * Index: node id -> the nodes attached to it, in order. Documents do not change (each edit makes a new one), so
 * the index is built once per document and shared: read it, never change it. Drafts being edited are not
 * cached.
 */
export function getAttachmentIndex(doc: AssetMapDoc): Map<string, AttachedNode[]> {
  const frozen = Object.isFrozen(doc);
  const cached = frozen ? attachmentIndexes.get(doc) : undefined;
  if (cached) return cached;
  const index = buildAttachmentIndex(doc);
  if (frozen) attachmentIndexes.set(doc, index);
  return index;
}

function buildAttachmentIndex(doc: AssetMapDoc): Map<string, AttachedNode[]> {
  const index = new Map<string, AttachedNode[]>();
  for (const node of Object.values(doc.nodes)) {
    if (!isAttached(node)) continue;
    let list = index.get(node.attachedTo);
    if (!list) index.set(node.attachedTo, (list = []));
    list.push(node);
  }
  for (const list of index.values()) list.sort(byOrder);
  return index;
}

/** The asset a node belongs to (itself for an asset; the asset of the weakness for an improvement on one). */
export function getOwningAsset(doc: AssetMapDoc, id: string): AssetNode | undefined {
  let node = doc.nodes[id];
  for (let hops = 0; node && hops < 4; hops++) {
    if (isAsset(node)) return node;
    node = isAttached(node) ? doc.nodes[node.attachedTo] : undefined;
  }
  return undefined;
}

/** Every node attached, directly or through a weakness, to the given nodes, including them. */
export function getSubtreeIds(doc: AssetMapDoc, ids: Iterable<string>): Set<string> {
  const index = getAttachmentIndex(doc);
  const out = new Set<string>();
  const stack = [...ids];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id) || !doc.nodes[id]) continue;
    out.add(id);
    for (const child of index.get(id) ?? []) stack.push(child.id);
  }
  return out;
}

export function nextOrder(doc: AssetMapDoc, filter: (n: MapNode) => boolean = () => true): number {
  let max = -1;
  for (const n of Object.values(doc.nodes)) if (filter(n) && n.order > max) max = n.order;
  return max + 1;
}

/** The view's id of the edge that ties an attached node to what it belongs to. */
export const attachmentEdgeId = (nodeId: string) => `a:${nodeId}`;

/** What an auto layout gives a document: a top-left corner per node and a route per drawn edge. */
export interface LayoutOutput {
  positions: Record<string, Point>;
  routes: Record<string, Point[]>;
}

/**
 * Writes a layout into a document (or an immer draft of one): the one way layout output enters a map, whether
 * as an undoable command or into a map no one is editing yet. Nodes the layout does not know keep their place;
 * a node already where the layout puts it is not written, so an undo step records only what moved. The routes
 * replace the old ones whole, and `settings`, when given, become the map's layout settings.
 */
export function writeLayout(doc: AssetMapDoc, layout: LayoutOutput, settings?: LayoutSettings): void {
  for (const [id, p] of Object.entries(layout.positions)) {
    const node = doc.nodes[id];
    if (node && (node.x !== p.x || node.y !== p.y)) {
      node.x = p.x;
      node.y = p.y;
    }
  }
  doc.routes = layout.routes;
  if (settings) doc.layout = settings;
}

/**
 * Whether a map has never been laid out: most of its nodes stand on the very spot of another node (a file
 * written by a script or another tool, every node at 0,0). Such a map shows nothing readable and has no
 * arrangement of the user's to keep, so it is laid out when it opens.
 */
export function needsLayout(doc: AssetMapDoc): boolean {
  const nodes = Object.values(doc.nodes);
  if (nodes.length < 2) return false;
  const seen = new Map<string, number>();
  for (const n of nodes) {
    const key = `${n.x},${n.y}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  let stacked = 0;
  for (const count of seen.values()) if (count > 1) stacked += count;
  return stacked * 2 > nodes.length;
}
