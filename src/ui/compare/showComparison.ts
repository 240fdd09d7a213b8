/**
 * A comparison's diff and what it puts on the map (see comparison.ts), loaded with the first comparison shown.
 */
import { type AssetMapDoc, type ChangeStatus, MOVES_MARKED, type MapDiff, type MapNode, type ReviewedMap, describeChange, diffMaps, namesFor } from '../../model';
import type { Comparison } from '../session';

/** A ghost's id on the map: the id of the item it stands for, after this. */
export const GHOST_PREFIX = 'ghost:';

type Items = Pick<AssetMapDoc, 'nodes' | 'edges'>;

/** A node's mark on the map: what happened to it, in words as well as colour. */
export interface DiffMark {
  status: ChangeStatus;
  words: string;
}

/** An item drawn faded where it stood: it is not on the map now. */
export interface Ghost {
  id: string;
  node: MapNode;
  status: ChangeStatus;
  words: string;
}

export interface ShownComparison extends Comparison {
  beforeDoc: ReviewedMap;
  afterDoc: ReviewedMap;
  diff: MapDiff;
  nameOf: (id: string) => string | undefined;
  marks: ReadonlyMap<string, DiffMark>;
  ghosts: readonly Ghost[];
}

const STATUS_WORDS: Record<ChangeStatus, string> = { added: 'Added', removed: 'Removed', changed: 'Changed', moved: 'Moved' };

// Keyed by the two node records (documents are immutable: the same pair always gives the same diff), checked
// against the two edge records.
const diffs = new WeakMap<object, WeakMap<object, { from: object; to: object; diff: MapDiff }>>();
function cachedDiff(a: Items, b: Items): MapDiff {
  let inner = diffs.get(a.nodes);
  if (!inner) diffs.set(a.nodes, (inner = new WeakMap()));
  const hit = inner.get(b.nodes);
  if (hit && hit.from === a.edges && hit.to === b.edges) return hit.diff;
  const diff = diffMaps(a, b);
  inner.set(b.nodes, { from: a.edges, to: b.edges, diff });
  return diff;
}


/** What the comparison puts on a map whose nodes are `now`. */
export function marksFor(diff: MapDiff, now: Items, nameOf: (id: string) => string | undefined): { marks: Map<string, DiffMark>; ghosts: Ghost[] } {
  const marks = new Map<string, DiffMark>();
  const ghosts: Ghost[] = [];
  const markMoves = diff.counts.moved <= MOVES_MARKED;
  for (const c of diff.nodes) {
    if (c.status === 'moved' && !markMoves) continue;
    const words = `${STATUS_WORDS[c.status]}${c.status === 'changed' || c.status === 'moved' ? `: ${describeChange(c, nameOf)}` : ''}`;
    const node = c.status === 'removed' ? c.before! : c.after!;
    if (c.status !== 'removed' && Object.hasOwn(now.nodes, c.id)) marks.set(c.id, { status: c.status, words });
    else ghosts.push({ id: GHOST_PREFIX + c.id, node, status: c.status, words });
  }
  return { marks, ghosts };
}

/** The comparison on the map now: its two sides (the map now where a side is), their diff, marks and ghosts. */
export function showComparison(comparison: Comparison, doc: AssetMapDoc): ShownComparison {
  const beforeDoc = comparison.before.doc ?? doc;
  const afterDoc = comparison.after.doc ?? doc;
  const diff = cachedDiff(beforeDoc, afterDoc);
  const nameOf = namesFor(beforeDoc, afterDoc);
  return { ...comparison, beforeDoc, afterDoc, diff, nameOf, ...marksFor(diff, doc, nameOf) };
}
