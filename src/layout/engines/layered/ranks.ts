/**
 * Stage 1 of the layered engine, ranks: each block on a breadth-first level (levels.ts), and the layered graph
 * the later stages work on. A link joins neighbouring levels, stays within one (a "flat" pair, drawn as a
 * bracket in lanes beside the rank), or, where the width bound pushed a block further, passes the levels
 * between through gaps: a dummy node on each.
 */
import { dissolveThinEnds, levelsOf } from '../../levels';
import type { Pair } from '../types';

/**
 * At most this many times the square root of the block count in one level. Measured on generated maps of 500
 * to 2,000 assets: from 2 to 12 the crossings stay within a few percent; below 2 they grow (long links), and
 * above 4 the ranks get so fat and few that the drawing wastes room.
 */
export const LEVEL_WIDTH = 3;
/**
 * Levels at either end with fewer blocks than this give up those whose links allow it (dissolveThinEnds).
 * Measured on generated maps: 3 takes 5% off the drawing's area for no more crossings; more than that moves
 * enough blocks into the full ranks to add crossings (a third more at 100 assets with 6).
 */
export const THIN_LEVEL = 3;

/** A pair whose blocks are on different ranks: from the lower rank's block to the higher's, through dummies. */
export interface Chain {
  pair: Pair;
  low: number;
  high: number;
  /** One dummy node on each rank between the two, in rank order. */
  dummies: number[];
}

export interface Ranked {
  /** Nodes 0..blocks - 1 are the blocks, in the order given; dummies follow. */
  blocks: number;
  /** Rank of every node, blocks and dummies. */
  rank: number[];
  /** Edge i joins from[i] on rank r to to[i] on rank r + 1, weighted by the links it carries. */
  from: number[];
  to: number[];
  weight: number[];
  /** Pairs within one rank, by node: pulled together when ordering. */
  flat: { a: number[]; b: number[]; weight: number[] };
  chains: Chain[];
  /** Pairs within one rank, drawn as brackets beside it. */
  flats: Pair[];
}

/** The most blocks one level of `count` blocks may hold. */
export const maxLevelWidth = (count: number, levelWidth = LEVEL_WIDTH) => Math.ceil(levelWidth * Math.sqrt(count));

/** Ranks for blocks with these asset ids (node i is ids[i]) and the pairs between them. */
export function rankBlocks(ids: readonly string[], pairs: readonly Pair[], maxWidth: number): Ranked {
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const ends = pairs.map((p): [number, number] => [indexOf.get(p.tail)!, indexOf.get(p.head)!]);
  const level = dissolveThinEnds(levelsOf(n, ends, maxWidth), ends, THIN_LEVEL);
  const ranked: Ranked = { blocks: n, rank: Array.from(level), from: [], to: [], weight: [], flat: { a: [], b: [], weight: [] }, chains: [], flats: [] };
  pairs.forEach((p, i) => addPair(ranked, p, ends[i]!));
  return ranked;
}

/** One pair into the graph: a flat pair, or a chain of edges through a dummy on every rank it passes. */
function addPair(g: Ranked, p: Pair, [tail, head]: [number, number]): void {
  const w = p.links.length;
  if (g.rank[tail] === g.rank[head]) {
    g.flats.push(p);
    g.flat.a.push(tail);
    g.flat.b.push(head);
    g.flat.weight.push(w);
    return;
  }
  const [low, high] = g.rank[tail]! > g.rank[head]! ? [head, tail] : [tail, head];
  const dummies: number[] = [];
  let prev = low;
  for (let r = g.rank[low]! + 1; r < g.rank[high]!; r++) {
    const d = g.rank.length;
    g.rank.push(r);
    dummies.push(d);
    g.from.push(prev);
    g.to.push(d);
    g.weight.push(w);
    prev = d;
  }
  g.from.push(prev);
  g.to.push(high);
  g.weight.push(w);
  g.chains.push({ pair: p, low, high, dummies });
}
