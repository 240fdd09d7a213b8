/**
 * Whether two versions of a map get the same auto layout: the layout reads only what `packInput` sends (each
 * node's kind, label, attachment, order and group; the links; the groups), never where nodes stand. A map moved
 * by hand, or laid out already, lays out as it did. Unchanged parts are the same objects (immer keeps them), so
 * this is a pass of identity checks over the nodes, with a field check for those that changed.
 */
import type { AssetMapDoc, MapNode } from '../model';

const sameForLayout = (a: MapNode, b: MapNode) =>
  a.kind === b.kind &&
  a.label === b.label &&
  a.order === b.order &&
  ('attachedTo' in a ? a.attachedTo : '') === ('attachedTo' in b ? b.attachedTo : '') &&
  ('group' in a ? a.group : undefined) === ('group' in b ? b.group : undefined);

export function sameLayoutInput(a: AssetMapDoc, b: AssetMapDoc): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.groups !== b.groups) return false;
  if (a.nodes === b.nodes) return true;
  const ids = Object.keys(a.nodes);
  const others = Object.keys(b.nodes);
  if (ids.length !== others.length) return false;
  for (let i = 0; i < ids.length; i++) {
    // The layout goes through the nodes in this order.
    if (ids[i] !== others[i]) return false;
    const x = a.nodes[ids[i]!]!;
    const y = b.nodes[ids[i]!]!;
    if (x !== y && !sameForLayout(x, y)) return false;
  }
  return true;
}
