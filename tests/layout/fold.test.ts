import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/model';
import { type CutAxis, type Folding, type Stop, bandAt, folder, stopsOf } from '../../src/layout/fold';
import { countCrossings } from '../support/layoutMetrics';
import { seededRandom } from '../../src/model';

/**
 * Random routes of horizontal and vertical runs on whole pixels inside a strip, as layouts draw them. Cuts
 * lie between whole pixels, so no point of a route lies on one and every crossing lies inside a band.
 */
function manhattan(count: number, length: number, width: number, seed: number): Point[][] {
  const rng = seededRandom(seed);
  const within = (x: number, hi: number) => Math.max(0, Math.min(hi, Math.round(x)));
  return Array.from({ length: count }, () => {
    const pts = [{ x: within(rng() * width, width), y: within(rng() * length, length) }];
    for (let i = 0; i < 5; i++) {
      const last = pts[pts.length - 1]!;
      pts.push(i % 2 === 0 ? { x: last.x, y: within(last.y + (rng() - 0.5) * length * 0.6, length) } : { x: within(rng() * width, width), y: last.y });
    }
    return pts;
  });
}

function foldAll(routes: Point[][], axis: CutAxis, cuts: number[], other: number): Record<string, Point[]> {
  const stops = new Map<string, Stop[]>();
  routes.forEach((pts, i) => stops.set(`r${i}`, stopsOf(pts, axis, cuts)));
  const f: Folding = {
    axis,
    cuts,
    place: (v) => v,
    length: cuts.slice(1).map(() => other),
    gutter: 40,
    laneStart: 10,
    laneStep: 4,
  };
  return folder(f).routes(stops);
}

describe('fold', () => {
  it('finds the band of a coordinate', () => {
    const cuts = [0, 100.5, 200.5, 300];
    expect(bandAt(cuts, 0)).toBe(0);
    expect(bandAt(cuts, 100)).toBe(0);
    expect(bandAt(cuts, 101)).toBe(1);
    expect(bandAt(cuts, 250)).toBe(2);
    expect(bandAt(cuts, 400)).toBe(2);
  });

  it('splits a route where it crosses a cut, on the cut, once for each band it passes', () => {
    const stops = stopsOf([{ x: 5, y: 10 }, { x: 5, y: 350 }], 'y', [0, 100.5, 200.5, 400]);
    expect(stops.map((s) => s.band)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(stops.filter((s) => s.cut !== undefined).map((s) => [s.cut, s.u, s.v])).toEqual([
      [1, 100.5, 5],
      [2, 200.5, 5],
    ]);
  });

  it.each(['x', 'y'] as CutAxis[])('cutting across %s changes no crossing: the U of each cut nest', (axis) => {
    const [length, width] = [3000, 400];
    // Routes in a strip long along the cut axis.
    const strip = manhattan(120, length, width, axis === 'y' ? 3 : 4).map((pts) => (axis === 'y' ? pts : pts.map((p) => ({ x: p.y, y: p.x }))));
    const before = countCrossings(strip);
    expect(before).toBeGreaterThan(200);
    for (const bands of [2, 3, 5]) {
      const cuts = Array.from({ length: bands + 1 }, (_, k) => (k === bands ? length + 1 : k === 0 ? 0 : Math.round((k * length) / bands) + 0.5));
      const folded = foldAll(strip, axis, cuts, width);
      expect(countCrossings(Object.values(folded))).toBe(before);
    }
  });

  it('lays bands side by side, every other one turned, and ends each U at the same place of both bands', () => {
    const cuts = [0, 100.5, 201];
    // One route straight down the strip at x = 30, across the cut.
    const [route] = Object.values(foldAll([[{ x: 30, y: 10 }, { x: 30, y: 190 }]], 'y', cuts, 200));
    expect(route).toBeDefined();
    // Band 0 as it was; band 1 beside it (200 wide + 40 gutter), turned: x = 240 + 200 - 30, y = 201 - 190.
    expect(route![0]).toEqual({ x: 30, y: 10 });
    expect(route![route!.length - 1]).toEqual({ x: 410, y: 11 });
    // The U runs below both bands' ends, then back up.
    const lowest = Math.max(...route!.map((p) => p.y));
    expect(lowest).toBeGreaterThan(100.5);
    expect(route!.filter((p) => p.y === lowest)).toHaveLength(2);
  });
});
