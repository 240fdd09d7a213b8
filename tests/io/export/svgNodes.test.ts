/** Node headers in exported images stay inside their cards, as the canvas's ellipsis keeps them. */
import { describe, expect, it } from 'vitest';
import { drawMap } from '../../../src/io/export';
import type { Mark, TextMark } from '../../../src/io/export/scene';
import { fitLine } from '../../../src/io/export/svgNodes';
import { textWidth } from '../../../src/look';
import { sunnydale } from './helpers';

const texts = (marks: Mark[]): TextMark[] =>
  marks.flatMap((m) => (m.type === 'text' ? [m] : m.type === 'group' ? texts(m.marks) : []));

describe('node headers', () => {
  it('fitLine keeps text that fits and cuts text that does not, ellipsis included, within the room', () => {
    expect(fitLine('STRENGTH · SPACE', 160, 10, 0.5)).toBe('STRENGTH · SPACE');
    const cut = fitLine('STRENGTH · PASSION, TECHNOLOGY, EXPERTISE', 160, 10, 0.5);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 10) * 1.05 + 0.5 * [...cut].length).toBeLessThanOrEqual(160);
    expect(fitLine('ANYTHING', 0, 10, 0.5)).toBe('…');
  });

  it('a strength in many areas gets a header cut to its card', () => {
    const doc = sunnydale();
    const strength = Object.values(doc.nodes).find((n) => n.kind === 'strength')!;
    if (strength.kind === 'strength') strength.areas = ['passion', 'technology', 'expertise', 'relationships'];
    const scene = drawMap(doc, { background: 'white', title: false, legend: false });
    const headers = [...scene.shared.values()].flatMap(texts).map((t) => t.text);
    // "STRENGTH · EXPERTISE, RELATIONSHIPS +2" is too long for a card; "STRENGTH · TECHNOLOGY" is not.
    expect(headers.find((h) => h.startsWith('STRENGTH · EXPERTISE, '))).toMatch(/^STRENGTH · EXPERTISE, .*…$/);
    expect(headers).toContain('STRENGTH · SPACE');
    expect(headers).toContain('STRENGTH · TECHNOLOGY');
  });
});
