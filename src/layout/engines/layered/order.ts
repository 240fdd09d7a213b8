/**
 * Stage 2 of the layered engine, order: blocks and dummies ordered within their ranks to reduce crossings
 * (orderLayers, crossings.ts), and who neighbours whom, which the later stages pull together.
 */
import { orderLayers } from '../../crossings';
import type { Ranked } from './ranks';

/** Sweeps of the ordering heuristic per start; the best order seen is kept. */
const MAX_SWEEPS = 16;

/** Starts of the ordering heuristic: more on smaller components, where each costs less. */
export const restartsFor = (blocks: number) => (blocks <= 200 ? 8 : blocks <= 1200 ? 4 : 2);

/** The nodes of each rank, in order. */
export function orderRanks(g: Ranked): number[][] {
  return orderLayers(g, { maxSweeps: MAX_SWEEPS, restarts: restartsFor(g.blocks) }).layers;
}

/** Each node's neighbours over the edges between ranks (both ways), with the edges' weights. */
export interface Neighbours {
  list: number[][];
  weight: number[][];
}

export function neighboursOf(g: Ranked): Neighbours {
  const total = g.rank.length;
  const list: number[][] = Array.from({ length: total }, () => []);
  const weight: number[][] = Array.from({ length: total }, () => []);
  for (let i = 0; i < g.from.length; i++) {
    list[g.from[i]!]!.push(g.to[i]!);
    weight[g.from[i]!]!.push(g.weight[i]!);
    list[g.to[i]!]!.push(g.from[i]!);
    weight[g.to[i]!]!.push(g.weight[i]!);
  }
  return { list, weight };
}
