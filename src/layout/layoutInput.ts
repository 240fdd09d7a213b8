/**
 * Whether two versions of a map get the same auto layout: the layout reads only what `packInput` sends (each
 * node's kind, label, attachment, order and group; the links; the groups), never where nodes stand. A map moved
 * by hand, or laid out already, lays out as it did. Unchanged parts are the same objects (immer keeps them), so
 * this is mostly a pass of identity checks over the nodes, with a field check for those that changed; a map read
 * again from storage (opened from Maps) has objects of its own, and is compared field by field.
 */
import type { AssetMapDoc, MapNode } from '../model';

const sameForLayout = (a: MapNode, b: MapNode) =>
  a.kind === b.kind &&
  a.label === b.label &&
  a.order === b.order &&
  ('attachedTo' in a ? a.attachedTo : '') === ('attachedTo' in b ? b.attachedTo : '') &&
  ('group' in a ? a.group : undefined) === ('group' in b ? b.group : undefined);

/** The same records in the same order, each the same object or alike in what the layout reads. */
function sameRecords<T>(a: Record<string, T>, b: Record<string, T>, alike: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  const ids = Object.keys(a);
  const others = Object.keys(b);
  if (ids.length !== others.length) return false;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] !== others[i]) return false;
    const x = a[ids[i]!]!;
    const y = b[ids[i]!]!;
    if (x !== y && !alike(x, y)) return false;
  }
  return true;
}

type Edge = AssetMapDoc['edges'][string];
type Group = NonNullable<AssetMapDoc['groups']>[string];
const sameEdgeForLayout = (a: Edge, b: Edge) => a.kind === b.kind && a.source === b.source && a.target === b.target;
const sameGroupForLayout = (a: Group, b: Group) => a.name === b.name && !!a.collapsed === !!b.collapsed;

export function sameLayoutInput(a: AssetMapDoc, b: AssetMapDoc): boolean {
  if (a === b) return true;
  if (!sameRecords(a.edges, b.edges, sameEdgeForLayout)) return false;
  if (a.groups !== b.groups && !(a.groups && b.groups && sameRecords(a.groups, b.groups, sameGroupForLayout))) return false;
  // The layout goes through nodes, links and groups in their order.
  return sameRecords(a.nodes, b.nodes, sameForLayout);
}
