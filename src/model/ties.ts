/**
 * How many ties each asset has: its relationships and "supports" connections, counted once per connection.
 * Worked out once per set of connections (a document's `edges` object changes only when they do) and kept
 * beside it, so that a drag, a rename or a new selection costs nothing here.
 */
import type { AssetMapDoc } from './types';

export interface TieCounts {
  /** Asset id → its number of ties; assets with none are not listed. */
  counts: ReadonlyMap<string, number>;
  /** The most any asset has (0 on a map without connections). */
  max: number;
}

const cache = new WeakMap<AssetMapDoc['edges'], TieCounts>();

export function getTieCounts(doc: Pick<AssetMapDoc, 'edges'>): TieCounts {
  const known = cache.get(doc.edges);
  if (known) return known;
  const counts = new Map<string, number>();
  let max = 0;
  for (const e of Object.values(doc.edges)) {
    for (const end of e.source === e.target ? [e.source] : [e.source, e.target]) {
      const n = (counts.get(end) ?? 0) + 1;
      counts.set(end, n);
      if (n > max) max = n;
    }
  }
  const out = { counts, max };
  cache.set(doc.edges, out);
  return out;
}
