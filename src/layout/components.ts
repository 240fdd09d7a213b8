/**
 * The first stages of layoutMap: blocks (each asset with what hangs off it), the links between blocks, and the
 * connected components they make, in the order they are packed onto the page.
 */
import { type AssetMapDoc, type AssetNode, type LayoutDirection, type MapNode, getAttachmentIndex, isAsset } from '../model';
import { type Block, type Placed, buildBlock } from './blocks';
import type { LinkEdge, Pair } from './engines';
import type { Size } from '../look/measure';

export interface Blocks {
  /** By asset id. */
  blocks: Map<string, Block>;
  /** Every item of every block, in its block's coordinates. */
  itemAt: Map<string, Placed>;
}

export function buildBlocks(doc: AssetMapDoc, assets: readonly AssetNode[], size: (n: MapNode) => Size, direction: LayoutDirection): Blocks {
  const index = getAttachmentIndex(doc);
  const blocks = new Map<string, Block>();
  const itemAt = new Map<string, Placed>();
  for (const a of assets) {
    const b = buildBlock(a, index, size, direction);
    blocks.set(a.id, b);
    for (const it of b.items) itemAt.set(it.id, it);
  }
  return { blocks, itemAt };
}

/** The asset whose block holds a node: itself, or what it hangs off (a weakness's improvement: two steps). */
function ownerOf(doc: AssetMapDoc, id: string): string | undefined {
  let n = doc.nodes[id];
  for (let hops = 0; n && hops < 4; hops++) {
    if (isAsset(n)) return n.id;
    n = 'attachedTo' in n ? doc.nodes[n.attachedTo] : undefined;
  }
  return undefined;
}

/** Whether a link end is a node the layout places (an asset, or an item of that asset's block). */
const isPlaced = (id: string, assetId: string, itemAt: ReadonlyMap<string, Placed>) => id === assetId || itemAt.has(id);

/** The document's links between blocks, and those inside one block; by edge id, so the order never depends on the file. */
export function linksOf(doc: AssetMapDoc, itemAt: ReadonlyMap<string, Placed>): { between: LinkEdge[]; inner: LinkEdge[] } {
  const between: LinkEdge[] = [];
  const inner: LinkEdge[] = [];
  for (const e of Object.values(doc.edges).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const fromAsset = ownerOf(doc, e.source);
    const toAsset = ownerOf(doc, e.target);
    if (!fromAsset || !toAsset || !isPlaced(e.source, fromAsset, itemAt) || !isPlaced(e.target, toAsset, itemAt)) continue;
    if (e.source === e.target) continue;
    (fromAsset === toAsset ? inner : between).push({ id: e.id, from: e.source, to: e.target, fromAsset, toAsset });
  }
  return { between, inner };
}

/** Union-find over asset ids, with path compression. */
function unionFind(ids: readonly string[]) {
  const parent = new Map<string, string>(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(x) !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  return { find, union: (a: string, b: string) => parent.set(find(a), find(b)) };
}

export interface Component {
  blocks: Block[];
  /** One channel per pair of blocks, however many links join them; its direction is the first link's. */
  pairs: Pair[];
}

/** Kinds in the order lone assets are packed, so that the packed rows read by category. */
const KIND_ORDER = ['partner', 'staff', 'space', 'resource', 'program', 'community'];

/** The connected components of blocks under the links, larger first, lone assets grouped by kind. */
export function componentsOf(assets: readonly AssetNode[], blocks: ReadonlyMap<string, Block>, links: readonly LinkEdge[]): Component[] {
  const sets = unionFind(assets.map((a) => a.id));
  for (const l of links) sets.union(l.fromAsset, l.toAsset);
  const groups = new Map<string, Block[]>();
  for (const a of assets) {
    const root = sets.find(a.id);
    let list = groups.get(root);
    if (!list) groups.set(root, (list = []));
    list.push(blocks.get(a.id)!);
  }
  const pairsByGroup = new Map<string, Map<string, Pair>>();
  for (const l of links) {
    const root = sets.find(l.fromAsset);
    let pairs = pairsByGroup.get(root);
    if (!pairs) pairsByGroup.set(root, (pairs = new Map()));
    const [a, b] = l.fromAsset < l.toAsset ? [l.fromAsset, l.toAsset] : [l.toAsset, l.fromAsset];
    const key = `${a}\u0000${b}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { tail: l.fromAsset, head: l.toAsset, links: [] }));
    pair.links.push(l);
  }
  const kindRank = new Map(KIND_ORDER.map((k, i) => [k, i]));
  const roots = [...groups.keys()].sort((a, b) => {
    const ga = groups.get(a)!;
    const gb = groups.get(b)!;
    if (ga.length !== gb.length) return gb.length - ga.length;
    const ka = kindRank.get(ga[0]!.asset.kind)! - kindRank.get(gb[0]!.asset.kind)!;
    return ka || ga[0]!.asset.order - gb[0]!.asset.order;
  });
  return roots.map((r) => ({ blocks: groups.get(r)!, pairs: [...(pairsByGroup.get(r)?.values() ?? [])] }));
}
