/** The first view of a map: whole when it reads so, else its busiest part at a readable zoom. */
import { describe, expect, it } from 'vitest';
import { READABLE_ZOOM, readableViewport } from '../../../src/ui/map/firstView';

const PAD = { top: 90, right: 20, bottom: 20, left: 20 };
const box = (x: number, y: number) => ({ x, y, width: 200, height: 60 });

describe('first view', () => {
  it('leaves a map that reads whole at a readable zoom to be fitted', () => {
    expect(readableViewport([box(0, 0), box(400, 300)], { width: 1100, height: 800 }, PAD)).toBeUndefined();
    expect(readableViewport([], { width: 1100, height: 800 }, PAD)).toBeUndefined();
  });

  it('shows the busiest part of a large map at the readable zoom, its first row whole under the top padding', () => {
    // A lone item far to the left, and a block of twelve to the right.
    const block = Array.from({ length: 12 }, (_, i) => box(3000 + (i % 3) * 240, 500 + Math.floor(i / 3) * 100));
    const boxes = [box(0, 0), ...block];
    const view = readableViewport(boxes, { width: 1100, height: 800 }, PAD)!;
    expect(view.zoom).toBe(READABLE_ZOOM);
    // Every item of the block is on screen, whole, below the padding.
    for (const b of block) {
      const left = view.x + b.x * view.zoom;
      const top = view.y + b.y * view.zoom;
      expect(left).toBeGreaterThanOrEqual(PAD.left);
      expect(top).toBeGreaterThanOrEqual(PAD.top);
      expect(left + b.width * view.zoom).toBeLessThanOrEqual(1100 - PAD.right);
      expect(top + b.height * view.zoom).toBeLessThanOrEqual(800 - PAD.bottom);
    }
    // The lone item is off screen: a pan or Fit away.
    expect(view.x + 200 * view.zoom).toBeLessThan(0);
  });

  it('among equally busy parts takes the one nearest the top-left corner, and centres a map in the dimension it fits', () => {
    // Two rows of five, far apart; each fits the window's width on its own.
    const row = (y: number) => Array.from({ length: 5 }, (_, i) => box(i * 220, y));
    const view = readableViewport([...row(0), ...row(3000)], { width: 1400, height: 800 }, PAD)!;
    expect(view.zoom).toBe(READABLE_ZOOM);
    const top = view.y;
    expect(top).toBeGreaterThanOrEqual(PAD.top);
    expect(top).toBeLessThan(PAD.top + 40);
    // The rows are 1,080 wide, the window (1,400 − 40) / 0.8 = 1,700: centred across.
    const left = view.x;
    const right = view.x + 1080 * view.zoom;
    expect(left - PAD.left).toBeCloseTo(1400 - PAD.right - right, 5);
  });
});
