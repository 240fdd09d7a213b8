/** countCrossings through the spatial index, where horizontal, vertical and slanted segments meet in one map. */
import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/model';
import { countCrossings } from '../support/layoutMetrics';
import { seededRandom } from '../../src/model';

/** Routes of orthogonal runs with a slanted step now and then, as the layout and the fallback routes draw. */
function mixedRoutes(n: number, seed: number): Point[][] {
  const rng = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const pts = [{ x: Math.round(rng() * 800), y: Math.round(rng() * 800) }];
    for (let i = 0; i < 4; i++) {
      const last = pts[i]!;
      const r = rng();
      const d = Math.round((rng() - 0.5) * 400);
      pts.push(r < 0.4 ? { x: last.x + d, y: last.y } : r < 0.8 ? { x: last.x, y: last.y + d } : { x: last.x + d, y: last.y + Math.round((rng() - 0.5) * 400) });
    }
    return pts;
  });
}

/** Which side of a→b the point c is on: 1, -1, or 0 on the line. */
const side = (a: Point, b: Point, c: Point) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));

/** Whether two segments properly cross: each one's ends strictly on both sides of the other (touching is not). */
const crosses = (a: Point, b: Point, c: Point, d: Point) => side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;

/** Every pair of segments of different routes, one by one, with a test of its own. */
function pairByPair(routes: Point[][]): number {
  let count = 0;
  for (let a = 0; a < routes.length; a++) {
    for (let b = a + 1; b < routes.length; b++) {
      for (let i = 1; i < routes[a]!.length; i++) {
        for (let j = 1; j < routes[b]!.length; j++) if (crosses(routes[a]![i - 1]!, routes[a]![i]!, routes[b]![j - 1]!, routes[b]![j]!)) count++;
      }
    }
  }
  return count;
}

describe('countCrossings on mixed routes', () => {
  it.each([1, 2, 3])('counts each crossing once, as a pair-by-pair count does (seed %i)', (seed) => {
    const routes = mixedRoutes(120, seed);
    const expected = pairByPair(routes);
    expect(expected).toBeGreaterThan(200);
    expect(countCrossings(routes)).toBe(expected);
  });

  it('counts a horizontal run crossing a vertical one, and a slanted one crossing either', () => {
    const h = [{ x: 0, y: 50 }, { x: 100, y: 50 }];
    const v = [{ x: 50, y: 0 }, { x: 50, y: 100 }];
    const s = [{ x: 0, y: 100 }, { x: 100, y: 0 }];
    expect(countCrossings([h, v])).toBe(1);
    expect(countCrossings([v, h])).toBe(1);
    expect(countCrossings([h, s])).toBe(1);
    expect(countCrossings([s, v])).toBe(1);
    // All three pass through (50, 50): three pairs, three crossings.
    expect(countCrossings([h, v, s])).toBe(3);
  });
});
