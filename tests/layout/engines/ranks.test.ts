import { describe, expect, it } from 'vitest';
import { maxLevelWidth, rankBlocks } from '../../../src/layout/engines/layered/ranks';
import { pairOf } from './handMade';

describe('rankBlocks (layered stage 1: ranks)', () => {
  it('bounds a level at LEVEL_WIDTH times the square root of the block count, rounded up', () => {
    expect(maxLevelWidth(9)).toBe(9);
    expect(maxLevelWidth(10, 2)).toBe(7);
  });

  it('puts a dummy on every rank a link passes, weighted by the links of its pair', () => {
    // A triangle with one block per level: a on 0, b on 1, c pushed to 2 (level 1 is full), so a→c passes
    // rank 1 through a dummy (node 3).
    const ranked = rankBlocks(['a', 'b', 'c'], [pairOf('a', 'b'), pairOf('b', 'c'), pairOf('a', 'c', ['x', 'y'])], 1);
    expect(ranked.blocks).toBe(3);
    expect(ranked.rank).toEqual([0, 1, 2, 1]);
    expect(ranked.from).toEqual([0, 1, 0, 3]);
    expect(ranked.to).toEqual([1, 2, 3, 2]);
    expect(ranked.weight).toEqual([1, 1, 2, 2]);
    expect(ranked.chains.map((c) => [c.pair.links[0]!.id, c.low, c.high, c.dummies])).toEqual([
      ['a-b', 0, 1, []],
      ['b-c', 1, 2, []],
      ['x', 0, 2, [3]],
    ]);
    expect(ranked.flats).toEqual([]);
  });

  it('keeps a link within one level flat (a bracket), and runs the others from the lower rank up', () => {
    // Levels from a far block: b on 0, a and c on 1; a–c stays within level 1.
    const ranked = rankBlocks(['a', 'b', 'c'], [pairOf('a', 'b'), pairOf('a', 'c'), pairOf('b', 'c')], 100);
    expect(ranked.rank).toEqual([1, 0, 1]);
    expect(ranked.from).toEqual([1, 1]);
    expect(ranked.to).toEqual([0, 2]);
    expect(ranked.flat).toEqual({ a: [0], b: [2], weight: [1] });
    expect(ranked.flats.map((p) => p.links[0]!.id)).toEqual(['a-c']);
    expect(ranked.chains.map((c) => [c.pair.links[0]!.id, c.low, c.high])).toEqual([
      ['a-b', 1, 0],
      ['b-c', 1, 2],
    ]);
  });
});
