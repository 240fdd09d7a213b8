/**
 * Breadth-first levels of a large component's blocks, used as its ranks (engines/layered/ranks.ts).
 *
 * A map whose links run across everything has few breadth-first levels, and fat ones: the distance across such
 * a graph grows only with the logarithm of its size. Plain levels need no long edges at all (a link joins
 * neighbouring levels or stays within one), but fat middle levels mean many crossings between them; a bound on
 * the blocks a level holds trades a few longer links for thinner, more even ranks.
 */

/**
 * Levels from a far node (the last reached from the last reached from the first block): each block one level
 * past its lowest placed neighbour, or further while that level already holds `maxWidth` blocks. Levels in use
 * are contiguous from 0: a block only goes past a level that is full.
 */
export function levelsOf(count: number, pairs: [number, number][], maxWidth: number): Int32Array {
  const adj: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of pairs) {
    adj[a]!.push(b);
    adj[b]!.push(a);
  }
  // Breadth-first order from a block; its last block is about as far from it as any.
  const reach = (root: number) => {
    const seen = new Uint8Array(count);
    const queue = [root];
    seen[root] = 1;
    for (let i = 0; i < queue.length; i++) {
      for (const w of adj[queue[i]!]!) {
        if (seen[w]) continue;
        seen[w] = 1;
        queue.push(w);
      }
    }
    return queue;
  };
  const last = (list: number[]) => list[list.length - 1]!;
  const level = new Int32Array(count).fill(-1);
  const fill: number[] = [];
  for (const v of reach(last(reach(last(reach(0)))))) {
    let lowest = -1;
    for (const w of adj[v]!) if (level[w]! >= 0 && (lowest < 0 || level[w]! < lowest)) lowest = level[w]!;
    let l = lowest + 1;
    while ((fill[l] ?? 0) >= maxWidth) l++;
    level[v] = l;
    fill[l] = (fill[l] ?? 0) + 1;
  }
  return level;
}

/**
 * Thins out the thin levels at either end. Breadth-first levels start from one block and grow from there, and
 * the last ones thin out again: drawn by levels, those ranks hold a handful of blocks each and take as much
 * room along as a full one. A block of such a level whose neighbours all sit one level further in moves two
 * levels in, where its links still join neighbouring levels (a chain of blocks at the end zigzags between
 * two ranks instead of making a rank each); emptied levels go. Nothing new crosses, nothing gets longer.
 */
export function dissolveThinEnds(level: Int32Array, pairs: [number, number][], minWidth: number): Int32Array {
  const out = Int32Array.from(level);
  const count = out.length;
  const adj: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of pairs) {
    adj[a]!.push(b);
    adj[b]!.push(a);
  }
  let top = -1;
  for (const l of out) top = Math.max(top, l);
  const members: number[][] = Array.from({ length: top + 1 }, () => []);
  out.forEach((l, v) => members[l]!.push(v));
  const move = (l: number, step: number) => {
    const stay: number[] = [];
    for (const v of members[l]!) {
      if (adj[v]!.length && adj[v]!.every((w) => out[w] === l + step)) {
        out[v] = l + 2 * step;
        members[l + 2 * step]!.push(v);
      } else stay.push(v);
    }
    members[l] = stay;
  };
  for (let l = 0; l + 2 <= top && members[l]!.length < minWidth; l++) move(l, 1);
  for (let l = top; l - 2 >= 0 && members[l]!.length < minWidth; l--) move(l, -1);
  // Renumber without the emptied levels.
  const renumber = new Int32Array(top + 1);
  let next = 0;
  for (let l = 0; l <= top; l++) {
    renumber[l] = next;
    if (members[l]!.length) next++;
  }
  for (let v = 0; v < count; v++) out[v] = renumber[out[v]!]!;
  return out;
}
