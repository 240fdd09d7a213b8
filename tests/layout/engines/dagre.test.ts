import { describe, expect, it } from 'vitest';
import { channelRoutes, dagreCoordinates, layoutDagre } from '../../../src/layout/engines/dagre';
import { FOLD_SMALL, SMALL_COMPONENT, layoutComponent, layoutLayered } from '../../../src/layout/engines';
import { blockOf, pairOf } from './handMade';

describe('the dagre engine', () => {
  const settings = { direction: 'LR' as const, spacing: 60, aspect: 1.6 };
  const triangle = ['a', 'b', 'c'].map((id) => blockOf(id, 100, 40));
  const pairs = [pairOf('a', 'b'), pairOf('b', 'c'), pairOf('a', 'c')];

  it('coordinates: ranks from the links’ directions, 90 apart (1.5 × spacing), corners on whole pixels', () => {
    const places = dagreCoordinates(triangle, pairs, settings);
    expect(Object.fromEntries(places.at)).toEqual({ a: { x: 0, y: 0 }, b: { x: 190, y: 28 }, c: { x: 380, y: 0 } });
    // dagre puts a rank for edge labels between any two.
    expect(Object.fromEntries(places.rankOf)).toEqual({ a: 0, b: 2, c: 4 });
  });

  it('routes: straight across ranks, through the gap beside a block a link passes, bends only between ranks', () => {
    const places = dagreCoordinates(triangle, pairs, settings);
    expect(channelRoutes(triangle, pairs, places, new Map(), true)).toEqual({
      'a-b': [{ x: 100, y: 20 }, { x: 190, y: 48 }],
      'b-c': [{ x: 290, y: 48 }, { x: 380, y: 20 }],
      // Across b's rank (190 to 290) above b, which starts at y = 28.
      'a-c': [{ x: 100, y: 20 }, { x: 190, y: -8 }, { x: 290, y: -8 }, { x: 380, y: 20 }],
    });
  });

  it('a component: two blocks side by side, one straight link; a lone block at the origin', () => {
    expect(layoutDagre({ blocks: triangle.slice(0, 2), pairs: [pairs[0]!], itemAt: new Map() }, settings)).toEqual({
      at: new Map([['a', { x: 0, y: 0 }], ['b', { x: 190, y: 0 }]]),
      routes: { 'a-b': [{ x: 100, y: 20 }, { x: 190, y: 20 }] },
      width: 290,
      height: 40,
    });
    expect(layoutDagre({ blocks: [triangle[0]!], pairs: [], itemAt: new Map() }, settings)).toEqual({ at: new Map([['a', { x: 0, y: 0 }]]), routes: {}, width: 100, height: 40 });
  });
});

describe('which engine lays out a component', () => {
  const settings = { direction: 'LR' as const, spacing: 60, aspect: 1.6 };
  const chain = (count: number) => {
    const blocks = Array.from({ length: count }, (_, i) => blockOf(`n${i}`, 100, 40));
    const pairs = blocks.slice(1).map((b, i) => pairOf(blocks[i]!.asset.id, b.asset.id));
    return { blocks, pairs, itemAt: new Map() };
  };

  it('dagre for a small component, even a long one below FOLD_SMALL blocks', () => {
    expect(FOLD_SMALL).toBe(6);
    const five = chain(5);
    const drawn = layoutComponent(five, settings);
    // Five ranks in a row: 5 · 100 + 4 · 90 by 40.
    expect([drawn.width, drawn.height]).toEqual([860, 40]);
    expect(drawn.mirrored).toBeUndefined();
  });

  it('the layered engine for a small component dagre draws long, and for a large one', () => {
    const six = chain(6);
    expect(layoutDagre(six, settings).width).toBe(1050);
    expect(layoutComponent(six, settings)).toEqual(layoutLayered(six, settings));
    expect(layoutComponent(six, settings).width).toBeLessThan(1050);
    const large = chain(SMALL_COMPONENT + 1);
    expect(layoutComponent(large, settings)).toEqual(layoutLayered(large, settings));
  });
});
