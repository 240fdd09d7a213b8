/** Exported cards are the screen's cards (nodeLook): colours, border widths and corners. */
import { describe, expect, it } from 'vitest';
import { renderMap } from '../../../src/io/export';
import { cardMark } from '../../../src/io/export/svgNodes';
import { nodeLook } from '../../../src/look';
import { sunnydale } from './helpers';

describe('exported node cards', () => {
  const { svg } = renderMap(sunnydale(), { background: 'white', title: false, legend: false, embed: false });

  it('draws an improvement as the screen does: its border colour and width, a turned top-right corner', () => {
    const look = nodeLook('improvement');
    const notes = [...svg.matchAll(/<path d="([^"]*)" fill="#fef9c3" stroke="([^"]*)" stroke-width="([^"]*)"\/>/g)];
    expect(notes).toHaveLength(5);
    for (const [, d, colour, width] of notes) {
      expect(colour).toBe(look.border);
      expect(Number(width)).toBe(1.5);
      expect(d).toMatch(/^M2\.8,0\.8 H\d+(\.\d)? A12,12 0 0 1 /);
      expect(d!.match(/ A2,2 /g)).toHaveLength(3);
    }
  });

  it('draws assets with 2 px borders and round corners of 10, items with 1.5 px and 6', () => {
    expect(svg).toMatch(/<rect x="1" y="1" width="218" height="\d+" rx="10" fill="#f5f0ff" stroke="#6d28d9" stroke-width="2"\/>/);
    expect(svg).toMatch(/<rect x="0.75" y="0.75" width="194.5" height="\d+(\.\d)?" rx="6" fill="#f0fdf4" stroke="#15803d" stroke-width="1.5"\/>/);
  });

  it('writes a card of equal corners as a rectangle, and one of mixed corners as arcs', () => {
    const stroke = { colour: '#000', width: 1 };
    expect(cardMark({ x: 0, y: 0, width: 10, height: 10 }, [3, 3, 3, 3], '#fff', stroke)).toMatchObject({ type: 'rect', r: 3 });
    expect(cardMark({ x: 0, y: 0, width: 40, height: 20 }, [0, 4, 0, 0], '#fff', stroke)).toEqual({
      type: 'path',
      d: 'M0,0 H36 A4,4 0 0 1 40,4 V20 H0 V0 Z',
      fill: '#fff',
      stroke,
    });
  });
});
