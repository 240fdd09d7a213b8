import { describe, expect, it } from 'vitest';
import { countCrossings, countLayerCrossings, findOverlaps, orderLayers } from '../../src/layout/crossings';
import { seededRandom } from '../../src/model';

const p = (x: number, y: number) => ({ x, y });

describe('countCrossings', () => {
  it('counts an X once', () => {
    expect(countCrossings([[p(0, 0), p(10, 10)], [p(0, 10), p(10, 0)]])).toBe(1);
  });

  it('does not count touching: a shared end, a T-junction, a bend on the other route, parallel or collinear runs', () => {
    expect(countCrossings([[p(0, 0), p(10, 10)], [p(0, 0), p(10, 0)]])).toBe(0);
    expect(countCrossings([[p(0, 0), p(0, 20)], [p(0, 10), p(10, 10)]])).toBe(0);
    expect(countCrossings([[p(0, 0), p(10, 10), p(20, 0)], [p(0, 10), p(20, 10)]])).toBe(0);
    expect(countCrossings([[p(0, 0), p(10, 0)], [p(0, 5), p(10, 5)]])).toBe(0);
    expect(countCrossings([[p(0, 0), p(10, 0)], [p(5, 0), p(15, 0)]])).toBe(0);
  });

  it('counts each crossing of two polylines, and none within one route', () => {
    const zigzag = [p(0, 0), p(10, 10), p(20, 0), p(30, 10)];
    expect(countCrossings([zigzag, [p(0, 5), p(30, 5)]])).toBe(3);
    expect(countCrossings([[p(0, 0), p(10, 10), p(10, 0), p(0, 10)]])).toBe(0);
  });

  it('agrees with a pair-by-pair count on random segments (the grid never counts a crossing twice)', () => {
    const rng = seededRandom(7);
    const routes = Array.from({ length: 150 }, () => {
      const pts = [p(rng() * 1000, rng() * 400)];
      for (let i = 0; i < 3; i++) pts.push(p(pts[i]!.x + (rng() - 0.3) * 300, pts[i]!.y + (rng() - 0.5) * 300));
      return pts;
    });
    let brute = 0;
    for (let a = 0; a < routes.length; a++) {
      for (let b = a + 1; b < routes.length; b++) {
        for (let i = 1; i < routes[a]!.length; i++) {
          for (let j = 1; j < routes[b]!.length; j++) brute += countCrossings([[routes[a]![i - 1]!, routes[a]![i]!], [routes[b]![j - 1]!, routes[b]![j]!]]);
        }
      }
    }
    expect(brute).toBeGreaterThan(100);
    expect(countCrossings(routes)).toBe(brute);
  });
});

describe('findOverlaps', () => {
  it('finds overlapping rectangles, not ones that only share an edge', () => {
    const r = (id: string, x: number, y: number, width = 10, height = 10) => ({ id, x, y, width, height });
    expect(findOverlaps([r('a', 0, 0), r('b', 10, 0), r('c', 0, 10)])).toEqual([]);
    expect(findOverlaps([r('a', 0, 0), r('b', 9, 9), r('c', 100, 100)])).toEqual([['a', 'b']]);
    expect(findOverlaps([r('a', 0, 0, 100, 5), r('b', 50, 2, 5, 5), r('c', 20, -10, 5, 30)])).toHaveLength(2);
  });
});

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
