import { describe, expect, it } from 'vitest';
import { rankSpans } from '../../../src/layout/engines/layered/coordinates';
import { type StripPlaces, laneCount, nestBrackets, stripGeometry, stripRoutes } from '../../../src/layout/engines/layered/routes';
import type { Geometry } from '../../../src/layout/routes';
import { blockOf, pairOf } from './handMade';

describe('brackets (layered stage 5: routes)', () => {
  it('nest: shorter brackets nearer the rank, a bracket past every one it overlaps or touches', () => {
    // Four blocks of one rank, LR, ports at y = 20, 120, 220, 320.
    const portY: Record<string, number> = { a: 0, b: 100, c: 200, d: 300 };
    const geo: Geometry = {
      rectOf: (id) => ({ x: 0, y: portY[id]!, w: 100, h: 40 }),
      blockRect: (id) => ({ x: 0, y: portY[id]!, w: 100, h: 40 }),
    };
    const flats = [pairOf('a', 'c'), pairOf('a', 'b'), pairOf('b', 'c'), pairOf('c', 'd')];
    const brackets = nestBrackets(flats, () => 0, geo, true);
    const list = brackets.get(0)!;
    expect(list.map((br) => [br.pair.links[0]!.id, br.lo, br.hi, br.lane])).toEqual([
      ['a-b', 20, 120, 0],
      ['b-c', 120, 220, 1],
      ['c-d', 220, 320, 2],
      ['a-c', 20, 220, 3],
    ]);
    expect(laneCount(list)).toBe(4);
  });
});

describe('strip routes', () => {
  // LR. a and c on rank 0 (a above c), b on rank 2; node 3 is a dummy on rank 1, which holds no block. Rank 0
  // has the room of one bracket lane (24).
  const blocks = [blockOf('a', 100, 40), blockOf('b', 100, 40), blockOf('c', 100, 40)];
  const places: StripPlaces = {
    lr: true,
    blocks,
    indexOf: new Map(blocks.map((b, i) => [b.asset.id, i])),
    itemAt: new Map(),
    rank: [0, 2, 0, 1],
    y: Float64Array.from([0, 0, 100, 50]),
    spans: rankSpans(Float64Array.from([100, 0, 100]), Float64Array.from([24, 0, 0]), 90),
    turned: () => false,
  };

  it('places blocks by rank and cross coordinate', () => {
    expect(places.spans.lo[2]).toBe(304);
    expect(stripGeometry(places).blockRect('b')).toEqual({ x: 304, y: 0, w: 100, h: 40 });
  });

  it('runs a link between ranks out past the lanes, through its dummy, into the far block; a bracket in its lane', () => {
    const chain = { pair: pairOf('a', 'b'), low: 0, high: 1, dummies: [3] };
    const bracket = { pair: pairOf('a', 'c'), lo: 20, hi: 120, lane: 0 };
    const routes = stripRoutes(places, [chain], new Map([[0, [bracket]]]));
    expect(routes).toEqual({
      // From a's right side to the end of rank 0's lanes (124), to the dummy's line on rank 1 (214, 50), to b.
      'a-b': [{ x: 100, y: 20 }, { x: 124, y: 20 }, { x: 214, y: 50 }, { x: 304, y: 20 }],
      // The first lane: 12 past rank 0's blocks.
      'a-c': [{ x: 100, y: 20 }, { x: 112, y: 20 }, { x: 112, y: 120 }, { x: 100, y: 120 }],
    });
  });

  it('draws a link the way it points, whichever end is on the lower rank', () => {
    const chain = { pair: pairOf('b', 'a'), low: 0, high: 1, dummies: [3] };
    expect(stripRoutes(places, [chain], new Map())['b-a']).toEqual([{ x: 304, y: 20 }, { x: 214, y: 50 }, { x: 124, y: 20 }, { x: 100, y: 20 }]);
  });
});
