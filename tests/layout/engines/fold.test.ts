import { describe, expect, it } from 'vitest';
import { planBands, planBasis } from '../../../src/layout/engines/layered/bands';
import { segmentOfRanks, segmentStarts } from '../../../src/layout/engines/layered/fold';
import { buildLayout, layoutLayered } from '../../../src/layout/engines/layered';
import { neighboursOf } from '../../../src/layout/engines/layered/order';
import { makeStrip } from '../../../src/layout/engines/layered/strip';
import { blockOf, oneRank, pairOf } from './handMade';

describe('segments of ranks (layered stage 6: fold)', () => {
  it('starts segments where the strip’s length passes each equal share', () => {
    const along = Float64Array.from([100, 100, 100, 100]);
    expect(segmentStarts(along, 50, 1)).toEqual([0]);
    expect(segmentStarts(along, 50, 2)).toEqual([0, 2]);
    expect(segmentStarts(along, 50, 3)).toEqual([0, 2, 3]);
    expect([...segmentOfRanks([0, 2, 3], 4)]).toEqual([0, 0, 1, 2]);
  });
});

describe('folding', () => {
  it('across: a rank cut into two bands side by side, the second turned half a turn', () => {
    // Four blocks 100 × 40 on one rank, LR: two bands of 170, each holding two blocks.
    const blocks = ['a', 'b', 'c', 'd'].map((id) => blockOf(id, 100, 40));
    const ranked = oneRank(4);
    const strip = makeStrip(blocks, ranked, [[0, 1, 2, 3]], neighboursOf(ranked), true, 60);
    const basis = planBasis(strip);
    const ordered = { input: { blocks, pairs: [], itemAt: new Map() }, indexOf: new Map(blocks.map((b, i) => [b.asset.id, i])), ranked, strip, basis };
    const layout = buildLayout(ordered, planBands(strip, basis, 2));
    // a above b in band 0; band 1 beside it after a gutter of 120, turned: c at the bottom, d at the top.
    expect(Object.fromEntries(layout.at)).toEqual({ a: { x: 0, y: 0 }, b: { x: 0, y: 110 }, c: { x: 220, y: 110 }, d: { x: 220, y: 0 } });
    expect([layout.width, layout.height]).toEqual([320, 150]);
    // In LR a turned band's blocks are drawn mirrored.
    expect([...layout.mirrored!]).toEqual(['c', 'd']);
  });

  it('along: a chain’s two ranks as two segments, every link a U round their ends, nested', () => {
    // The chain a-b-c-d zigzags between two ranks (a, c and b, d); segment 1 (rank 1) goes below, turned.
    const blocks = ['a', 'b', 'c', 'd'].map((id) => blockOf(id, 100, 40));
    const pairs = [pairOf('a', 'b'), pairOf('b', 'c'), pairOf('c', 'd')];
    const layout = layoutLayered({ blocks, pairs, itemAt: new Map() }, { direction: 'LR', spacing: 60, aspect: 1.6, segments: 2 });
    expect(Object.fromEntries(layout.at)).toEqual({ a: { x: 0, y: 0 }, b: { x: 0, y: 360 }, c: { x: 0, y: 100 }, d: { x: 0, y: 260 } });
    expect(layout.routes).toEqual({
      'a-b': [{ x: 100, y: 20 }, { x: 171, y: 20 }, { x: 171, y: 380 }, { x: 100, y: 380 }],
      'b-c': [{ x: 100, y: 380 }, { x: 145, y: 330 }, { x: 166, y: 330 }, { x: 166, y: 70 }, { x: 145, y: 70 }, { x: 100, y: 120 }],
      'c-d': [{ x: 100, y: 120 }, { x: 161, y: 120 }, { x: 161, y: 280 }, { x: 100, y: 280 }],
    });
    expect([layout.width, layout.height]).toEqual([171, 400]);
    expect([...layout.mirrored!]).toEqual(['b', 'd']);
  });
});
