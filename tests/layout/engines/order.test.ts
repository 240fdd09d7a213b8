import { describe, expect, it } from 'vitest';
import { neighboursOf, orderRanks, restartsFor } from '../../../src/layout/engines/layered/order';
import { type Ranked, rankBlocks } from '../../../src/layout/engines/layered/ranks';
import { countLayerCrossings } from '../../support/layoutMetrics';
import { pairOf } from './handMade';

describe('orderRanks (layered stage 2: order)', () => {
  it('uncrosses two links drawn crossed', () => {
    // 0→3 and 1→2 cross in the order given; swapping either rank uncrosses them.
    const g: Ranked = { blocks: 4, rank: [0, 0, 1, 1], from: [0, 1], to: [3, 2], weight: [1, 1], flat: { a: [], b: [], weight: [] }, chains: [], flats: [] };
    expect(countLayerCrossings(g, [[0, 1], [2, 3]])).toBe(1);
    const layers = orderRanks(g);
    expect(layers).toEqual([[1, 0], [2, 3]]);
    expect(countLayerCrossings(g, layers)).toBe(0);
  });

  it('tries more starts on smaller components', () => {
    expect([200, 201, 1200, 1201].map(restartsFor)).toEqual([8, 4, 4, 2]);
  });
});

describe('neighboursOf', () => {
  it('lists each node’s neighbours over the edges between ranks, both ways, with their weights', () => {
    // a on 0, b on 1, c on 2, and a→c (two links) through the dummy 3 on rank 1.
    const ranked = rankBlocks(['a', 'b', 'c'], [pairOf('a', 'b'), pairOf('b', 'c'), pairOf('a', 'c', ['x', 'y'])], 1);
    expect(neighboursOf(ranked)).toEqual({
      list: [[1, 3], [0, 2], [1, 3], [0, 2]],
      weight: [[1, 2], [1, 1], [1, 2], [2, 2]],
    });
  });
});
