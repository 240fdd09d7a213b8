import { describe, expect, it } from 'vitest';
import { planBands, planBasis } from '../../../src/layout/engines/layered/bands';
import { crossCoordinates, isotonic, laneRoom, rankSpans, spread } from '../../../src/layout/engines/layered/coordinates';
import { neighboursOf } from '../../../src/layout/engines/layered/order';
import type { Ranked } from '../../../src/layout/engines/layered/ranks';
import { makeStrip } from '../../../src/layout/engines/layered/strip';
import { blockOf, oneRank } from './handMade';

describe('cross coordinates (layered stage 4: coordinates)', () => {
  it('spreads each run evenly over its band, inside the margins', () => {
    const ranked = oneRank(4);
    const s = makeStrip(['a', 'b', 'c', 'd'].map((id) => blockOf(id, 100, 40)), ranked, [[0, 1, 2, 3]], neighboursOf(ranked), true, 60);
    const plan = planBands(s, planBasis(s), 2);
    // Bands 170 high, 230 apart (margins of 30). In each, two blocks and the spacing take 140: the 30 left
    // over goes 10 before, between and after them.
    const { y, base } = spread(s, plan);
    expect([...base]).toEqual([0, 100, 0, 100]);
    expect([...y]).toEqual([40, 150, 270, 380]);
    // Unlinked blocks are not pulled anywhere.
    expect([...crossCoordinates(s, plan)]).toEqual([40, 150, 270, 380]);
  });

  it('pulls a block towards its neighbours, within its band', () => {
    // a on rank 0; b, c and d on rank 1, b and c linked to a. The band is rank 1's 240 px.
    const ranked: Ranked = { ...oneRank(4), rank: [0, 1, 1, 1], from: [0, 0], to: [1, 2], weight: [1, 1] };
    const s = makeStrip(['a', 'b', 'c', 'd'].map((id) => blockOf(id, 100, 40)), ranked, [[0], [1, 2, 3]], neighboursOf(ranked), true, 60);
    const plan = planBands(s, planBasis(s), 1);
    expect(plan.height).toBe(240);
    // Spread: a in the middle of its band (30 + 100); b, c, d packed tight (30, 130, 230). Pulled: a to the
    // mean of b's and c's middles (50 and 150), less half its height; b, c and d cannot move.
    expect([...spread(s, plan).y]).toEqual([130, 30, 130, 230]);
    expect([...crossCoordinates(s, plan)]).toEqual([80, 30, 130, 230]);
  });

  it('isotonic: the nearest nondecreasing values, weighted, clamped', () => {
    const out: number[] = [];
    const set = (v: number, z: number) => (out[v] = z);
    isotonic([0, 1, 2], (v) => [3, 1, 2][v]!, [1, 1, 1], 0, 10, set);
    expect(out).toEqual([2, 2, 2]);
    isotonic([0, 1, 2], (v) => [3, 1, 2][v]!, [1, 3, 1], 0, 10, set);
    expect(out).toEqual([1.5, 1.5, 2]);
    isotonic([0, 1, 2], (v) => [3, 1, 2][v]!, [1, 1, 1], 0, 1.5, set);
    expect(out).toEqual([1.5, 1.5, 1.5]);
  });
});

describe('rank spans along', () => {
  it('places ranks one after another: the widest block, the bracket lanes, a corridor', () => {
    const spans = rankSpans(Float64Array.from([100, 80]), Float64Array.from([0, 28]), 90);
    expect([...spans.lo]).toEqual([0, 190]);
    expect([spans.hi(0), spans.hi(1)]).toEqual([100, 270]);
    expect([spans.exitAt(0), spans.exitAt(1)]).toEqual([100, 298]);
  });

  it('gives one bracket lane 24 px of room, and 8 more for each further lane', () => {
    expect([laneRoom(1), laneRoom(3)]).toEqual([24, 40]);
  });
});
