import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/layout/engines/layered/bands';
import { chooseLayout, miss, pageAspect } from '../../../src/layout/engines/layered/shape';
import type { ComponentLayout } from '../../../src/layout/engines';

describe('the page a component makes with the rest of the map', () => {
  it('is the component alone without a rest; with one, the rest beside it or in rows below', () => {
    expect(pageAspect(1600, 1000, 0, 1.6)).toBe(1.6);
    // A small rest fits in a column beside the component.
    expect(pageAspect(1000, 1000, 100_000, 1.6)).toBe(1.1);
    // A large one fills rows aiming at the shape.
    expect(pageAspect(1000, 1000, 3_000_000, 1.6)).toBeCloseTo(1.6, 12);
  });

  it('misses by the ratio’s logarithm, and by 10 more outside 1:2 to 2:1', () => {
    expect(miss(1.6, 1.6)).toBe(0);
    expect(miss(0.8, 1.6)).toBeCloseTo(Math.log(2), 12);
    expect(miss(3.2, 1.6)).toBeCloseTo(10 + Math.log(2), 12);
  });
});

describe('chooseLayout', () => {
  /** A strip 4,000 px across: b bands make it 500·b along and 4,000 / b across. */
  const plan = (bands: number): Plan => ({ bands, height: 0, runs: [], bandOf: new Int32Array(0), along: 500 * bands, across: 4000 / bands });
  const built: string[] = [];
  const build = (p: Plan, segments = 1): ComponentLayout => {
    built.push(`${p.bands} bands, ${segments} segments`);
    return segments > 1
      ? { at: new Map(), routes: {}, width: p.along / segments, height: segments * p.across + (segments - 1) * 120 }
      : { at: new Map(), routes: {}, width: p.along, height: p.across };
  };

  it('across: the band count whose estimate comes nearest, then measured against one fewer', () => {
    built.length = 0;
    const options = { direction: 'LR' as const, spacing: 60, aspect: 1.6 };
    // Estimates 0.125, 0.5, 1.125, 2, 3.125 for 1 to 5 bands: 4 is nearest 1.6; it measures 2, so 3 is tried.
    const layout = chooseLayout(10, { plan, build, lr: true, gutter: 120, options });
    expect(built).toEqual(['4 bands, 1 segments', '3 bands, 1 segments']);
    expect([layout.width, layout.height]).toEqual([2000, 1000]);
  });

  it('along: a strip too long the other way folds into segments', () => {
    built.length = 0;
    const long = (bands: number): Plan => ({ ...plan(bands), along: 10_000, across: 1000 });
    const options = { direction: 'LR' as const, spacing: 60, aspect: 1.6 };
    // Estimates 10, 2.36, 1.03, 0.57 for 1 to 4 segments: 3; it measures 1.03 (too tall), so 2 is tried.
    const layout = chooseLayout(10, { plan: long, build, lr: true, gutter: 120, options });
    expect(built).toEqual(['1 bands, 3 segments', '1 bands, 2 segments']);
    expect(layout.height).toBe(3240);
  });

  it('takes the count given instead, within bounds', () => {
    built.length = 0;
    const options = { direction: 'LR' as const, spacing: 60, aspect: 1.6 };
    chooseLayout(10, { plan, build, lr: true, gutter: 120, options: { ...options, bands: 100 } });
    chooseLayout(10, { plan, build, lr: true, gutter: 120, options: { ...options, segments: 20 } });
    expect(built).toEqual(['64 bands, 1 segments', '1 bands, 10 segments']);
  });
});
