/** The nodes of a document in a stable reading order: each asset, then what hangs from it, depth first. */
import { type AssetMapDoc, type MapNode, getAssets, getAttachmentIndex } from '../../model';

export function getNodesInOrder(doc: AssetMapDoc): MapNode[] {
  const index = getAttachmentIndex(doc);
  const out: MapNode[] = [];
  const seen = new Set<string>();
  const visit = (node: MapNode) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    out.push(node);
    for (const child of index.get(node.id) ?? []) visit(child);
  };
  for (const asset of getAssets(doc)) visit(asset);
  // Anything left (an item whose owner is missing) still goes out, by id.
  const rest = Object.values(doc.nodes).filter((n) => !seen.has(n.id));
  rest.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...out, ...rest];
}
