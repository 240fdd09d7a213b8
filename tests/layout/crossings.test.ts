import { describe, expect, it } from 'vitest';
import { orderLayers } from '../../src/layout/crossings';
import { countLayerCrossings } from '../support/layoutMetrics';
import { seededRandom } from '../../src/model';

describe('orderLayers', () => {
  /** A random layered graph: `width` nodes per rank, each with one to three edges to the next rank. */
  function randomLayered(ranks: number, width: number, seed: number) {
    const rng = seededRandom(seed);
    const rank: number[] = [];
    for (let r = 0; r < ranks; r++) for (let i = 0; i < width; i++) rank.push(r);
    const from: number[] = [];
    const to: number[] = [];
    for (let v = 0; v < rank.length; v++) {
      if (rank[v] === ranks - 1) continue;
      const k = 1 + Math.floor(rng() * 3);
      for (let i = 0; i < k; i++) {
        from.push(v);
        to.push((rank[v]! + 1) * width + Math.floor(rng() * width));
      }
    }
    return { rank, from, to, weight: from.map(() => 1) };
  }

  it('puts every node once, on its own rank', () => {
    const g = randomLayered(6, 20, 1);
    const { layers } = orderLayers(g, { restarts: 2 });
    expect(layers.flat().sort((a, b) => a - b)).toEqual(g.rank.map((_, v) => v));
    layers.forEach((layer, r) => layer.forEach((v) => expect(g.rank[v]).toBe(r)));
  });

  it('removes the crossings of a graph that can be drawn without any', () => {
    // Two chains drawn crossed at the start: 0-3-5 and 1-2-4 with ranks [0,1] [2,3] [4,5].
    const g = { rank: [0, 0, 1, 1, 2, 2], from: [0, 1, 3, 2], to: [3, 2, 5, 4], weight: [1, 1, 1, 1] };
    expect(countLayerCrossings(g, [[0, 1], [2, 3], [4, 5]])).toBe(1);
    const { layers, cost } = orderLayers(g);
    expect(cost).toBe(0);
    expect(countLayerCrossings(g, layers)).toBe(0);
  });

  it('ends with far fewer crossings than the order it starts from, and reports them', () => {
    const g = randomLayered(8, 40, 3);
    const start = Array.from({ length: 8 }, (_, r) => Array.from({ length: 40 }, (_, i) => r * 40 + i));
    const { layers, cost } = orderLayers(g, { restarts: 2 });
    expect(cost).toBe(countLayerCrossings(g, layers));
    expect(cost).toBeLessThan(0.75 * countLayerCrossings(g, start));
  });

  it('weighs merged edges, and pulls the ends of links within a rank together', () => {
    const g = {
      rank: [0, 0, 0, 0, 1, 1],
      from: [0, 3],
      to: [4, 5],
      weight: [1, 1],
      // 1 and 2 are linked within rank 0 and have nothing else; the bracket should not span 0 or 3.
      flat: { a: [1, 0], b: [2, 3], weight: [1, 1] },
    };
    const { layers } = orderLayers(g, { restarts: 4 });
    const at = (v: number) => layers[0]!.indexOf(v);
    expect(Math.abs(at(1) - at(2))).toBe(1);
  });

  it('is deterministic', () => {
    const g = randomLayered(6, 30, 9);
    expect(orderLayers(g, { restarts: 3 })).toEqual(orderLayers(g, { restarts: 3 }));
  });
});
