/**
 * Tags: free words on any item ("teens", "grant 2026"). The tags a map uses, and which items the tag filter
 * hides. An asset passes the filter when it or something hanging off it has the tag; what hangs off an asset
 * goes with it, so a strength tagged "teens" shows with its asset, and the asset's other items with them.
 */
import type { AssetKind, AssetMapDoc } from './types';
import { isAsset } from './types';
import { getOwningAsset } from './doc';

export interface TagCount {
  tag: string;
  /** How many items carry it. */
  count: number;
}

/** The tags in use, each with how many items carry it, in alphabetical order (case and accents forgiven). */
export function getTagCounts(doc: Pick<AssetMapDoc, 'nodes'>): TagCount[] {
  const counts = new Map<string, number>();
  for (const n of Object.values(doc.nodes)) for (const t of new Set(n.tags ?? [])) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag, undefined, { sensitivity: 'base' }) || (a.tag < b.tag ? -1 : 1));
}

/**
 * Ids of the items the tag filter hides: every asset that neither carries `tag` nor has an item that does, with
 * everything hanging off it. One pass over the items, another over those that carry the tag.
 */
export function getHiddenByTag(doc: AssetMapDoc, tag: string | undefined): Set<string> {
  const hidden = new Set<string>();
  if (tag === undefined) return hidden;
  const kept = new Set<string>();
  for (const n of Object.values(doc.nodes)) {
    if (!n.tags?.includes(tag)) continue;
    const owner = isAsset(n) ? n : getOwningAsset(doc, n.id);
    if (owner) kept.add(owner.id);
  }
  for (const n of Object.values(doc.nodes)) {
    const owner = isAsset(n) ? n : getOwningAsset(doc, n.id);
    if (!owner || !kept.has(owner.id)) hidden.add(n.id);
  }
  return hidden;
}

/**
 * Ids of the items the map's filters hide: assets of a hidden kind and those without the chosen tag, each with
 * everything hanging off it.
 */
export function getHiddenByFilter(doc: AssetMapDoc, filter: { kinds?: Iterable<AssetKind>; tag?: string }): Set<string> {
  const hidden = getHiddenByTag(doc, filter.tag);
  const kinds = new Set(filter.kinds);
  if (kinds.size === 0) return hidden;
  for (const n of Object.values(doc.nodes)) {
    if (hidden.has(n.id)) continue;
    const owner = isAsset(n) ? n : getOwningAsset(doc, n.id);
    if (owner && kinds.has(owner.kind)) hidden.add(n.id);
  }
  return hidden;
}
