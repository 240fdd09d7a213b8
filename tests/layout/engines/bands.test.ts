import { describe, expect, it } from 'vitest';
import { bandHeight, greedyRuns, planBands, planBasis, proportionalRuns } from '../../../src/layout/engines/layered/bands';
import { neighboursOf } from '../../../src/layout/engines/layered/order';
import type { Ranked } from '../../../src/layout/engines/layered/ranks';
import { makeStrip, runExtent, separation } from '../../../src/layout/engines/layered/strip';
import { blockOf, oneRank } from './handMade';

/** Four blocks 100 × 40 on one rank, LR, spacing 60: a rank 4·40 + 3·60 = 340 px across. */
function fourInARank() {
  const ranked = oneRank(4);
  return makeStrip(['a', 'b', 'c', 'd'].map((id) => blockOf(id, 100, 40)), ranked, [[0, 1, 2, 3]], neighboursOf(ranked), true, 60);
}

describe('the strip', () => {
  it('keeps the spacing between blocks, less beside a route, and the route spacing between routes', () => {
    const ranked: Ranked = { ...oneRank(2), rank: [0, 0, 0, 0] };
    const s = makeStrip([blockOf('a', 100.2, 39.5), blockOf('b', 80, 40)], ranked, [[0, 2, 3, 1]], neighboursOf(ranked), true, 60);
    expect([...s.size]).toEqual([40, 40, 0, 0]);
    expect([...s.alongSize]).toEqual([101, 80]);
    expect([...s.rankAlong]).toEqual([101]);
    expect([separation(s, 0, 1), separation(s, 0, 2), separation(s, 2, 3)]).toEqual([60, 36, 12]);
    expect(runExtent(s, [0, 2, 3, 1])).toBe(40 + 36 + 12 + 36 + 40);
  });
});

describe('runs of a rank in bands (layered stage 3: bands)', () => {
  const s = fourInARank();

  it('greedy: fills each run up to the height, the last taking the rest', () => {
    expect(greedyRuns(s, [0, 1, 2, 3], 2, 150)).toEqual([[0, 1], [2, 3]]);
    expect(greedyRuns(s, [0, 1, 2, 3], 2, 100)).toEqual([[0], [1, 2, 3]]);
  });

  it('proportional: by place in the rank; greedy when passing members on cannot make every run fit', () => {
    expect(proportionalRuns(s, [0, 1, 2, 3], 2, 150)).toEqual([[0, 1], [2, 3]]);
    expect(proportionalRuns(s, [0, 1, 2, 3], 3, 150)).toEqual([[0], [1, 2], [3]]);
    expect(proportionalRuns(s, [0, 1, 2, 3], 2, 100)).toEqual([[0], [1, 2, 3]]);
  });

  it('band height: the least whole height that holds every rank in that many runs', () => {
    const basis = planBasis(s);
    expect(basis).toEqual({ longest: 340, biggest: 40, byExtent: [0] });
    // Two bands: half the rank. Three: two blocks and their spacing (140) is the least that fits, found by
    // halving to within a pixel. Four: a quarter, 85, which one block a band fits.
    expect([2, 3, 4].map((b) => bandHeight(s, basis, b))).toEqual([170, 141, 85]);
  });

  it('a plan: a rank in as few bands as hold it, in those nearest its placed neighbours, and the folded size', () => {
    // Rank 0: a b c d; rank 1: e (80 wide), linked to a and d, which land in different bands.
    const ranked: Ranked = { ...oneRank(5), rank: [0, 0, 0, 0, 1], from: [0, 3], to: [4, 4], weight: [1, 1] };
    const blocks = ['a', 'b', 'c', 'd', 'e'].map((id) => blockOf(id, id === 'e' ? 80 : 100, 40));
    const strip = makeStrip(blocks, ranked, [[0, 1, 2, 3], [4]], neighboursOf(ranked), true, 60);
    const plan = planBands(strip, planBasis(strip), 2);
    expect(plan.height).toBe(170);
    expect(plan.runs).toEqual([[[0, 1], [2, 3]], [[4], []]]);
    expect([...plan.bandOf]).toEqual([0, 0, 1, 1, 0]);
    // Along: a gutter (120); band 0 holds rank 0 (100 and a corridor of 90) and rank 1 (80); band 1 rank 0.
    expect(plan.along).toBe(120 + 100 + 90 + 80 + 100 + 90);
    // Across: the height, a margin of 30 either side, and the U of the one link crossing the cut (16 + 5).
    expect(plan.across).toBe(170 + 60 + 21);
  });
});
