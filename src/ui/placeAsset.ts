/**
 * Adding an asset where there is room for it: the one way the toolbar, the menus and the worksheet add an asset
 * (placed in free space near a point, as one undo step, or folded into the step being typed).
 */
import { placeNew } from '../layout/place';
import type { AssetKind, Point } from '../model';
import type { DocStore } from '../store';

export function placeAsset(store: DocStore, a: { id: string; kind: AssetKind; label: string; near?: Point }, options?: { coalesce?: string }): boolean {
  const at = placeNew(store.getDoc(), { kind: a.kind, label: a.label, near: a.near });
  return store.dispatch('addAsset', { id: a.id, kind: a.kind, label: a.label, x: at.x, y: at.y }, options);
}
