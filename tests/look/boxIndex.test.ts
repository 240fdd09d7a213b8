import { describe, expect, it } from 'vitest';
import { BoxIndex, type Extent } from '../../src/look/boxIndex';
import { seededRandom } from '../../src/model';

const box = (x: number, y: number, w = 10, h = 10): Extent => ({ x0: x, y0: y, x1: x + w, y1: y + h });
const touches = (a: Extent, b: Extent) => a.x0 <= b.x1 && a.x1 >= b.x0 && a.y0 <= b.y1 && a.y1 >= b.y0;

describe('BoxIndex', () => {
  it('finds the items whose boxes touch a rectangle, edges included', () => {
    const items = [box(0, 0), box(20, 0), box(0, 20), box(100, 100)];
    const index = new BoxIndex(items, (b) => b);
    expect(index.search(box(5, 5, 10, 10)).sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0)).toEqual([box(0, 0)]);
    expect(index.search({ x0: 10, y0: 10, x1: 20, y1: 20 })).toHaveLength(3);
    expect(index.search(box(200, 200))).toEqual([]);
  });

  it('is empty when made of nothing, and finds what is added to it then', () => {
    const index = new BoxIndex<Extent>([], (b) => b);
    expect(index.search(box(0, 0, 1000, 1000))).toEqual([]);
    index.add(box(50, 50));
    expect(index.search(box(55, 55, 1, 1))).toEqual([box(50, 50)]);
    expect(index.size).toBe(1);
  });

  it('answers as a scan of every box would, however many items were added after it was made', () => {
    const rnd = seededRandom(7);
    const r = () => box(rnd() * 2000, rnd() * 2000, rnd() * 80, rnd() * 80);
    const all = Array.from({ length: 300 }, r);
    const index = new BoxIndex(all, (b) => b);
    // Enough additions to be built into the tree more than once, and some left waiting in the list.
    for (let i = 0; i < 500; i++) {
      const b = r();
      all.push(b);
      index.add(b);
    }
    expect(index.size).toBe(800);
    for (let q = 0; q < 50; q++) {
      const area = box(rnd() * 2000, rnd() * 2000, 150, 150);
      const found: Extent[] = [];
      index.visit(area, (b) => found.push(b));
      expect(new Set(found)).toEqual(new Set(all.filter((b) => touches(b, area))));
      expect(found).toHaveLength(all.filter((b) => touches(b, area)).length);
    }
  });
});
