/**
 * A piece of a map to copy, paste or duplicate: the chosen assets with everything that hangs off them, and the
 * connections among what was chosen. Plain data (it travels through the clipboard, between maps and tabs);
 * pasting gives every node and edge a new id and moves the piece by an offset.
 */
import { getSubtreeIds } from './doc';
import { type AssetMapDoc, type MapEdge, type MapNode, type Point, isAsset, isAttached, isImprovement } from './types';

export const FRAGMENT_FORMAT = 'asset-map-fragment';

export interface Fragment {
  format: typeof FRAGMENT_FORMAT;
  nodes: MapNode[];
  edges: MapEdge[];
}

/** The chosen nodes (an attached item alone is taken with nothing else) and what hangs off them, with the edges among them. */
export function copyFragment(doc: AssetMapDoc, ids: Iterable<string>): Fragment | undefined {
  const chosen = [...ids].filter((id) => doc.nodes[id]);
  const taken = getSubtreeIds(doc, chosen.filter((id) => isAsset(doc.nodes[id])));
  // An item chosen without its asset is copied only when its asset comes too (an item needs something to hang from).
  if (!taken.size) return undefined;
  const nodes = [...taken].map((id) => structuredClone(doc.nodes[id]!));
  const edges = Object.values(doc.edges)
    .filter((e) => taken.has(e.source) && taken.has(e.target))
    .map((e) => structuredClone(e));
  return { format: FRAGMENT_FORMAT, nodes, edges };
}

/** A fragment read back from the clipboard, or undefined when the text is not one. */
export function readFragment(text: string): Fragment | undefined {
  try {
    const data = JSON.parse(text) as Partial<Fragment>;
    if (data?.format !== FRAGMENT_FORMAT || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) return undefined;
    return data as Fragment;
  } catch {
    return undefined;
  }
}

/** The box the fragment's nodes take (their top-left corners and a typical card size). */
export function fragmentBounds(f: Fragment, sizeOf: (n: MapNode) => { width: number; height: number }): { x: number; y: number; width: number; height: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of f.nodes) {
    const s = sizeOf(n);
    x0 = Math.min(x0, n.x);
    y0 = Math.min(y0, n.y);
    x1 = Math.max(x1, n.x + s.width);
    y1 = Math.max(y1, n.y + s.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The fragment as new nodes and edges for `insertContent`: new ids, moved by `offset`. Owners and contact owners
 * that were not copied along are kept when the map has them (pasting into the same map), dropped otherwise.
 */
export function pasteFragment(doc: AssetMapDoc, f: Fragment, offset: Point, makeId: (kind: string) => string): { nodes: Record<string, MapNode>; edges: Record<string, MapEdge> } {
  const idOf = new Map(f.nodes.map((n) => [n.id, makeId(n.kind)]));
  const keep = (id: string) => idOf.get(id) ?? (doc.nodes[id] ? id : undefined);
  const nodes: Record<string, MapNode> = {};
  for (const n of f.nodes) {
    const copy = { ...structuredClone(n), id: idOf.get(n.id)!, x: n.x + offset.x, y: n.y + offset.y } as MapNode;
    if (isAttached(copy)) copy.attachedTo = idOf.get(copy.attachedTo)!;
    if (isImprovement(copy) && copy.owner) {
      const owner = keep(copy.owner);
      if (owner) copy.owner = owner;
      else delete copy.owner;
    }
    if (isAsset(copy) && copy.contactOwners) {
      const owners = copy.contactOwners.map(keep).filter((o): o is string => !!o);
      if (owners.length) copy.contactOwners = owners;
      else delete copy.contactOwners;
    }
    nodes[copy.id] = copy;
  }
  const edges: Record<string, MapEdge> = {};
  for (const e of f.edges) {
    const id = makeId('e');
    edges[id] = { ...structuredClone(e), id, source: idOf.get(e.source)!, target: idOf.get(e.target)! };
  }
  return { nodes, edges };
}
