/**
 * The layered drawing before it is folded: a strip, ranks one after another along it (x in LR, y in TB), each
 * rank's nodes one after another across it. What the stages after ordering share: the nodes' sizes across,
 * the room each rank takes along, and the space two neighbours in a rank keep between them.
 */
import type { Block } from '../../blocks';
import type { Neighbours } from './order';
import type { Ranked } from './ranks';

/** Space between two routes passing a rank side by side, as dagre's edgesep. */
export const EDGE_SEP = 12;

export interface Strip {
  lr: boolean;
  spacing: number;
  /** Nodes 0..blocks - 1 are blocks; the rest dummies, which take no room. */
  blocks: number;
  rank: readonly number[];
  /** The nodes of each rank, in order. */
  layers: number[][];
  /** Size across of every node (0 for a dummy). */
  size: Float64Array;
  /** Size along of every block, in whole pixels. */
  alongSize: Float64Array;
  /** Room along each rank takes: its widest block. */
  rankAlong: Float64Array;
  neighbours: Neighbours;
  /** The edges between ranks (Ranked). */
  from: readonly number[];
  to: readonly number[];
}

export function makeStrip(blocks: readonly Block[], ranked: Ranked, layers: number[][], neighbours: Neighbours, lr: boolean, spacing: number): Strip {
  const n = blocks.length;
  const size = new Float64Array(ranked.rank.length);
  const alongSize = new Float64Array(n);
  const rankAlong = new Float64Array(layers.length);
  blocks.forEach((b, v) => {
    size[v] = Math.ceil(lr ? b.height : b.width);
    alongSize[v] = Math.ceil(lr ? b.width : b.height);
    rankAlong[ranked.rank[v]!] = Math.max(rankAlong[ranked.rank[v]!]!, alongSize[v]!);
  });
  return { lr, spacing, blocks: n, rank: ranked.rank, layers, size, alongSize, rankAlong, neighbours, from: ranked.from, to: ranked.to };
}

/** The space between neighbours u and v of a rank: the spacing between blocks, less beside routes. */
export const separation = (s: Strip, u: number, v: number) =>
  u < s.blocks && v < s.blocks ? s.spacing : u < s.blocks || v < s.blocks ? (s.spacing + EDGE_SEP) / 2 : EDGE_SEP;

/** How long a run of neighbours is across: sizes and the space between them. */
export function runExtent(s: Strip, run: readonly number[]): number {
  let e = 0;
  run.forEach((v, i) => (e += s.size[v]! + (i > 0 ? separation(s, run[i - 1]!, v) : 0)));
  return e;
}

/** Room between two ranks, along: dagre's ranksep for the same spacing. */
export const corridorOf = (spacing: number) => spacing * 1.5;
/** Room inside a band on either side of its content, across. */
export const marginOf = (spacing: number) => spacing / 2;
/** Room between two bands side by side. */
export const gutterOf = (spacing: number) => spacing * 2;
/** Lanes of the U's round the ends of bands: the first this far past the band's end, then one every U_STEP. */
export const U_START = 16;
export const U_STEP = 5;
