/** A comparison drawn on the exported map: marks with words over what changed, ghosts of what went. */
import { describe, expect, it } from 'vitest';
import { diffDrawing, renderMapSvg } from '../../../src/io/export';
import { type AssetNode, diffMaps } from '../../../src/model';
import { sunnydale } from './helpers';

describe('comparison drawn', () => {
  it('tags added and changed items with their word, and draws a removed one where it stood', () => {
    const before = sunnydale();
    const after = structuredClone(before);
    after.nodes.school!.label = 'Lincoln School Partnership';
    const removed = after.nodes.high!;
    delete after.nodes.high;
    after.nodes.pa_new = { id: 'pa_new', kind: 'partner', label: 'Makers Guild', x: removed.x, y: removed.y + 300, order: 99 } as AssetNode;
    const drawing = diffDrawing(diffMaps(before, after), after);
    expect(drawing.marks).toEqual({ school: 'changed', pa_new: 'added' });
    expect(drawing.ghosts.map((g) => g.label)).toEqual(['High school']);

    const svg = renderMapSvg(after, { background: 'white', title: true, legend: true, embed: false, date: 'Changes from Spring review to the map now', diff: drawing });
    for (const word of ['>Added<', '>Changed<', '>Removed<', '>High school<', '>Changes from Spring review to the map now<']) expect(svg).toContain(word);
    // Outlines in the changes' colours (green, amber), and the ghost's dashed grey card.
    expect(svg).toMatch(/stroke="#15803d" stroke-width="3"/);
    expect(svg).toMatch(/stroke="#b45309" stroke-width="3"/);
    expect(svg).toMatch(/fill="#f8fafc" stroke="#94a3b8" stroke-width="2" stroke-dasharray="6 4"/);
    // Without a comparison, none of it.
    const plain = renderMapSvg(after, { background: 'white', title: true, legend: true, embed: false });
    expect(plain).not.toContain('>Removed<');
  });
});
