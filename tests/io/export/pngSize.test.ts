/** PNG sizes stay within what browsers can draw: 16,384 px a side and 64 megapixels. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PNG_PIXELS, MAX_PNG_SIDE, pngSizeFor } from '../../../src/io/export';

describe('pngSizeFor', () => {
  it('keeps the scale asked for when the image fits', () => {
    expect(pngSizeFor(1200, 800, 2)).toEqual({ scale: 2, width: 2400, height: 1600, reduced: false });
    expect(pngSizeFor(1000.4, 500.6, 1)).toEqual({ scale: 1, width: 1000, height: 501, reduced: false });
  });

  it('lowers the scale for a side over 16,384 px', () => {
    const s = pngSizeFor(10_000, 1_000, 2);
    expect(s.reduced).toBe(true);
    expect(s.width).toBe(MAX_PNG_SIDE);
    expect(s.scale).toBeCloseTo(1.6384, 6);
    expect(s.height).toBe(1638);
  });

  it('lowers the scale for an area over 64 megapixels', () => {
    const s = pngSizeFor(8_000, 8_000, 2);
    expect(s.reduced).toBe(true);
    expect(s.width * s.height).toBeLessThanOrEqual(MAX_PNG_PIXELS);
    expect(s.width).toBe(8000);
    expect(s.scale).toBeCloseTo(1, 6);
  });

  it('a very tall map is capped by its height', () => {
    const s = pngSizeFor(400, 40_000, 1);
    expect(s).toMatchObject({ height: MAX_PNG_SIDE, width: 164, reduced: true });
  });

  it('nonsense in, a usable size out', () => {
    expect(pngSizeFor(0, -5, Number.NaN)).toEqual({ scale: 1, width: 1, height: 1, reduced: false });
  });

  it('never exceeds a limit and never raises the scale', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 200_000, noNaN: true }), fc.double({ min: 1, max: 200_000, noNaN: true }), fc.double({ min: 0.1, max: 8, noNaN: true }), (w, h, scale) => {
        const s = pngSizeFor(w, h, scale);
        expect(s.width).toBeLessThanOrEqual(MAX_PNG_SIDE);
        expect(s.height).toBeLessThanOrEqual(MAX_PNG_SIDE);
        expect(s.width * s.height).toBeLessThanOrEqual(MAX_PNG_PIXELS);
        expect(s.scale).toBeLessThanOrEqual(scale);
        expect(s.reduced).toBe(s.scale < scale);
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
