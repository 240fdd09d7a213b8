import { describe, expect, it } from 'vitest';
import { countCrossings, countLayerCrossings, findOverlaps } from './layoutMetrics';
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

describe('countLayerCrossings', () => {
  it('counts pairs of edges between two ranks whose ends lie in opposite orders, weighted', () => {
    // Ranks [0, 1] and [2, 3]: 0-3 and 1-2 cross; with weights 2 and 3 that is 6. Shared ends never cross.
    const g = { rank: [0, 0, 1, 1], from: [0, 1, 0], to: [3, 2, 2], weight: [2, 3, 1] };
    expect(countLayerCrossings(g, [[0, 1], [2, 3]])).toBe(6);
    expect(countLayerCrossings(g, [[0, 1], [3, 2]])).toBe(0);
    expect(countLayerCrossings(g, [[1, 0], [3, 2]])).toBe(6);
  });
});

