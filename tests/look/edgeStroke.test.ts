import { describe, expect, it } from 'vitest';
import { arrowLength, arrowTriangle, edgeStroke, nodeLook, routeEnd } from '../../src/look';

describe('edgeStroke', () => {
  it('draws ties by strength: wider when closer, a weak tie also dashed', () => {
    expect(edgeStroke({ kind: 'relationship', tie: 'strong' })).toMatchObject({ width: 4.5, colour: '#475569' });
    expect(edgeStroke({ kind: 'relationship', tie: 'strong' }).dash).toBeUndefined();
    expect(edgeStroke({ kind: 'relationship' })).toMatchObject({ width: 2.5 });
    expect(edgeStroke({ kind: 'relationship', tie: 'weak' })).toMatchObject({ width: 1.25, dash: '3 3' });
    // A tie the theme does not know (a hand-edited file) is a regular one.
    expect(edgeStroke({ kind: 'relationship', tie: 'fierce' })).toBe(edgeStroke({ kind: 'relationship', tie: 'regular' }));
  });

  it('cuts every edge square and rounds its joins, improvements included', () => {
    expect(edgeStroke({ kind: 'improvement' })).toMatchObject({ cap: 'butt', join: 'round', dash: '2 3', width: 1.5 });
    expect(edgeStroke({ kind: 'weakness' })).toMatchObject({ cap: 'butt', dash: '6 4', colour: '#dc2626' });
  });

  it('draws a suggestion faint in its own colour, whatever kind and tie it would have', () => {
    const s = edgeStroke({ kind: 'relationship', tie: 'weak', suggestion: true });
    expect(s).toMatchObject({ colour: '#7c3aed', width: 1.5, dash: '4 4', alpha: 0.5, arrow: false });
    expect(edgeStroke({ kind: 'supports', suggestion: true }).arrow).toBe(false);
  });

  it('widens a selected edge and fades a dimmed one, the two together too', () => {
    expect(edgeStroke({ kind: 'strength', selected: true }).width).toBe(3.5);
    expect(edgeStroke({ kind: 'strength', dimmed: true }).alpha).toBeCloseTo(0.22);
    expect(edgeStroke({ kind: 'relationship', suggestion: true, dimmed: true }).alpha).toBeCloseTo(0.11);
  });

  it('puts an arrowhead on "supports" only', () => {
    expect(edgeStroke({ kind: 'supports' }).arrow).toBe(true);
    for (const kind of ['strength', 'weakness', 'improvement', 'relationship'] as const) expect(edgeStroke({ kind }).arrow).toBe(false);
  });

  it('gives one shared, frozen object per look', () => {
    const a = edgeStroke({ kind: 'supports', selected: true });
    expect(edgeStroke({ kind: 'supports', selected: true })).toBe(a);
    expect(edgeStroke({ kind: 'supports' })).not.toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('arrowheads', () => {
  it('point along the last distinct segment, 3.5 line widths long and half as wide', () => {
    const end = routeEnd([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 0 },
    ])!;
    expect(end).toEqual({ x: 10, y: 0, angle: 0 });
    const [tip, b, c] = arrowTriangle(end, arrowLength(2));
    expect(tip).toEqual({ x: 10, y: 0 });
    expect(b.x).toBeCloseTo(3);
    expect(b.y).toBeCloseTo(-3.5);
    expect(c.x).toBeCloseTo(3);
    expect(c.y).toBeCloseTo(3.5);
  });

  it('are absent from a route of one point', () => {
    expect(routeEnd([{ x: 1, y: 1 }])).toBeUndefined();
  });
});

describe('nodeLook', () => {
  it('gives the cards the screen draws: 2 px borders on assets, 1.5 on items, an improvement note with a turned corner', () => {
    expect(nodeLook('partner')).toEqual({ fill: '#f5f0ff', border: '#6d28d9', borderWidth: 2, corners: [10, 10, 10, 10], ink: '#1e293b' });
    expect(nodeLook('strength')).toMatchObject({ borderWidth: 1.5, corners: [6, 6, 6, 6] });
    expect(nodeLook('improvement')).toMatchObject({ border: '#a16207', fill: '#fef9c3', borderWidth: 1.5, corners: [2, 12, 2, 2] });
  });
});
