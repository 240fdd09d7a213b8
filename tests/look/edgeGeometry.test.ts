import { describe, expect, it } from 'vitest';
import { boxAt, clipPolyline, currentRoute, dashInk, dashOnScreen, fallbackRoute, flattenCubic, pointsBounds } from '../../src/look';

const box = (x: number, y: number, width = 100, height = 40) => ({ x, y, width, height });
const R = { x0: 0, y0: 0, x1: 100, y1: 100 };

describe('clipPolyline', () => {
  it('keeps a polyline that is inside whole, starting at 0', () => {
    const pts = [{ x: 10, y: 10 }, { x: 90, y: 10 }, { x: 90, y: 90 }];
    expect(clipPolyline(pts, R)).toEqual([{ points: pts, start: 0 }]);
  });

  it('cuts a long line to the rectangle and says how far along the cut starts', () => {
    const runs = clipPolyline([{ x: -1000, y: 50 }, { x: 1000, y: 50 }], R);
    expect(runs).toEqual([{ points: [{ x: 0, y: 50 }, { x: 100, y: 50 }], start: 1000 }]);
  });

  it('splits a polyline that leaves and comes back into two runs', () => {
    const runs = clipPolyline([{ x: 50, y: 50 }, { x: 50, y: 200 }, { x: 80, y: 200 }, { x: 80, y: 50 }], R);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toEqual({ points: [{ x: 50, y: 50 }, { x: 50, y: 100 }], start: 0 });
    expect(runs[1]!.points).toEqual([{ x: 80, y: 100 }, { x: 80, y: 50 }]);
    expect(runs[1]!.start).toBeCloseTo(150 + 30 + 100);
  });

  it('returns nothing for a polyline outside the rectangle, or one that passes a corner outside', () => {
    expect(clipPolyline([{ x: 200, y: 0 }, { x: 300, y: 100 }], R)).toEqual([]);
    expect(clipPolyline([{ x: 90, y: 120 }, { x: 120, y: 90 }], R)).toEqual([]);
  });

  it('cuts a diagonal at both sides', () => {
    const [run] = clipPolyline([{ x: -50, y: -50 }, { x: 150, y: 150 }], R);
    expect(run!.points).toEqual([{ x: 0, y: 0 }, { x: 100, y: 100 }]);
    expect(run!.start).toBeCloseTo(Math.hypot(50, 50));
  });
});

describe('currentRoute', () => {
  const route = [{ x: 100, y: 20 }, { x: 150, y: 20 }, { x: 150, y: 220 }, { x: 200, y: 220 }];
  it('uses the stored route while both ends stand where they stood when it was made', () => {
    expect(currentRoute('relationship', route, [0, 0, 200, 200], box(0, 0), box(200, 200))).toBe(route);
  });
  it('falls back once an end has moved (a drag), and without a route', () => {
    expect(currentRoute('relationship', route, [0, 0, 200, 200], box(0, 10), box(200, 200))).toEqual(fallbackRoute(box(0, 10), box(200, 200), 'relationship'));
    expect(currentRoute('strength', undefined, undefined, box(0, 0), box(0, 80))).toEqual(fallbackRoute(box(0, 0), box(0, 80), 'strength'));
  });
});

describe('boxAt, pointsBounds, flattenCubic', () => {
  it('finds the last box under a point (drawn on top)', () => {
    const boxes = [{ id: 'a', ...box(0, 0) }, { id: 'b', ...box(50, 20) }];
    expect(boxAt(boxes, { x: 60, y: 30 })?.id).toBe('b');
    expect(boxAt(boxes, { x: 10, y: 10 })?.id).toBe('a');
    expect(boxAt(boxes, { x: 500, y: 10 })).toBeUndefined();
  });
  it('bounds points, and flattens a curve from its first to its last point', () => {
    expect(pointsBounds([{ x: 3, y: -1 }, { x: -2, y: 5 }])).toEqual({ x0: -2, y0: -1, x1: 3, y1: 5 });
    const pts = flattenCubic({ x: 0, y: 0 }, { x: 0, y: 100 }, { x: 100, y: 100 }, { x: 100, y: 0 }, 10);
    expect(pts).toHaveLength(11);
    expect(pts[0]).toEqual({ x: 0, y: 0 });
    expect(pts[10]).toEqual({ x: 100, y: 0 });
    expect(pts[5]!.y).toBeCloseTo(75);
  });
});

describe('dashes on screen', () => {
  it('keeps a dash pattern while its period is a few pixels on screen, and drops it below', () => {
    expect(dashOnScreen('6 4', 1)).toEqual([6, 4]);
    expect(dashOnScreen('6 4', 0.4)).toEqual([6, 4]);
    // The dotted "Improves" stays dotted where labels are still drawn.
    expect(dashOnScreen('2 3', 0.4)).toEqual([2, 3]);
    // Far out on a large map: a tenth of a pixel per dash, which the raster would stroke dash by dash.
    expect(dashOnScreen('6 4', 0.033)).toBeUndefined();
    expect(dashOnScreen(undefined, 1)).toBeUndefined();
  });

  it('says how much of a dashed line is ink, to draw it as light when solid', () => {
    expect(dashInk('6 4')).toBeCloseTo(0.6);
    expect(dashInk('3 3')).toBeCloseTo(0.5);
    expect(dashInk('1 5')).toBeCloseTo(1 / 6);
  });
});
