import { describe, expect, it } from 'vitest';
import { svgAtSize } from '../../../src/io/export/rasterize';

describe('svgAtSize', () => {
  it('sets the root width and height and keeps the viewBox, leaving inner elements alone', () => {
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1000" viewBox="0 0 2000 1000"><rect width="2000" height="1000"/></svg>';
    const out = svgAtSize(svg, 1000, 500);
    expect(out).toBe('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="1000" height="500" viewBox="0 0 2000 1000"><rect width="2000" height="1000"/></svg>');
  });

  it('leaves an SVG without a viewBox as it is (resizing it would crop, not scale)', () => {
    const svg = '<svg width="20" height="10"><rect width="20" height="10"/></svg>';
    expect(svgAtSize(svg, 10, 5)).toBe(svg);
  });
});
