/**
 * The domain's rules in one place: what may hang off what, what may link to what, who may own an improvement,
 * and the order the asset kinds are listed in. Commands, the file repair, the canvas and the side panel all ask
 * here, so that a rule changed once is changed everywhere.
 */
import { ASSET_KINDS, type AssetKind, type EdgeKind, type MapNode, isAsset } from './types';

/** The kinds of node that hang off another node. */
export type AttachedKind = 'strength' | 'weakness' | 'improvement';

/** The order asset kinds are listed in: toolbar, legend, worksheet sections, layout, exports. */
export const ASSET_KIND_ORDER: readonly AssetKind[] = ASSET_KINDS;

export const isAttachedKind = (kind: string): kind is AttachedKind => kind === 'strength' || kind === 'weakness' || kind === 'improvement';

/** Strengths and weaknesses belong to an asset; an improvement improves an asset or one of its weaknesses. */
export function canAttach(kind: AttachedKind, parent: MapNode | undefined): parent is MapNode {
  if (!parent) return false;
  return kind === 'improvement' ? isAsset(parent) || parent.kind === 'weakness' : isAsset(parent);
}

/** Relationships join two assets; "supports" runs from an asset or a strength to an asset. Never to itself. */
export function canLink(kind: EdgeKind, source: MapNode | undefined, target: MapNode | undefined): boolean {
  if (!source || !target || source.id === target.id || !isAsset(target)) return false;
  return isAsset(source) || (kind === 'supports' && source.kind === 'strength');
}

/** Whether some kind of edge may join the two: what the canvas allows a drag to connect. */
export const canConnect = (source: MapNode | undefined, target: MapNode | undefined): boolean =>
  canLink('relationship', source, target) || canLink('supports', source, target);

/** The kind a new connection drawn from `source` to `target` gets: a strength or a program means "supports". */
export const defaultLinkKind = (source: MapNode, target: MapNode): EdgeKind =>
  source.kind === 'strength' || target.kind === 'program' ? 'supports' : 'relationship';

/** An improvement's owner is a colleague on the map. */
export const canOwn = (owner: MapNode | undefined): boolean => owner?.kind === 'staff';

/** Whether connections may be drawn from this node: assets, and strengths (to say what they support). */
export const canStartLink = (node: MapNode): boolean => isAsset(node) || node.kind === 'strength';
