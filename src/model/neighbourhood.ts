/**
 * Focus: what lies within a number of steps of some nodes. An asset and what hangs off it (its strengths,
 * weaknesses and improvements) are one place on the map; a step is a connection (a relationship, or "supports"
 * from the asset or from one of its strengths) between two places. A connection chosen stands for its two ends.
 * One pass over the nodes and one over the edges, then a breadth-first walk: linear in the size of the map.
 */
import { type AssetMapDoc, isAttached } from './types';

export function getNeighbourhood(doc: AssetMapDoc, ids: Iterable<string>, steps: number): Set<string> {
  // The place (asset) each node belongs to, and the nodes of each place.
  const placeOf = new Map<string, string>();
  const place = (id: string): string | undefined => {
    const known = placeOf.get(id);
    if (known !== undefined) return known;
    let node = doc.nodes[id];
    for (let hops = 0; node && isAttached(node) && hops < 4; hops++) node = doc.nodes[node.attachedTo];
    if (!node || isAttached(node)) return undefined;
    placeOf.set(id, node.id);
    return node.id;
  };
  const members = new Map<string, string[]>();
  for (const id of Object.keys(doc.nodes)) {
    const p = place(id);
    if (p === undefined) continue;
    const list = members.get(p);
    if (list) list.push(id);
    else members.set(p, [id]);
  }
  const next = new Map<string, string[]>();
  const join = (a: string, b: string) => {
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  };
  for (const e of Object.values(doc.edges)) {
    const a = place(e.source);
    const b = place(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    join(a, b);
    join(b, a);
  }

  const reached = new Set<string>();
  let frontier: string[] = [];
  for (const id of ids) {
    const edge = doc.edges[id];
    for (const end of edge ? [edge.source, edge.target] : [id]) {
      const p = place(end);
      if (p !== undefined && !reached.has(p)) {
        reached.add(p);
        frontier.push(p);
      }
    }
  }
  for (let step = 0; step < steps && frontier.length; step++) {
    const found: string[] = [];
    for (const p of frontier) {
      for (const q of next.get(p) ?? []) {
        if (reached.has(q)) continue;
        reached.add(q);
        found.push(q);
      }
    }
    frontier = found;
  }

  const out = new Set<string>();
  for (const p of reached) for (const id of members.get(p) ?? []) out.add(id);
  return out;
}
