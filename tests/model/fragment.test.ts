import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample, commands, copyFragment, pasteFragment, readFragment } from '../../src/model';

describe('a piece of the map to copy and paste', () => {
  it('takes the chosen assets with what hangs off them and the connections among them, and pastes them anew', () => {
    const doc = buildExample(SUNNYDALE, 'm');
    const f = copyFragment(doc, ['school', 'children', 'nonexistent'])!;
    const labels = f.nodes.map((n) => n.label).sort();
    expect(labels).toContain('Teachers');
    expect(labels).toContain('Work with the teachers and PTA to make a shared calendar that is updated weekly');
    // The relationship between the two comes along; the one to a partner left behind does not.
    expect(f.edges.map((e) => [e.source, e.target])).toEqual([['children', 'school']]);
    expect(readFragment(JSON.stringify(f))).toEqual(f);
    expect(readFragment('{"format":"asset-map","version":1}')).toBeUndefined();

    let n = 0;
    const pasted = pasteFragment(doc, f, { x: 500, y: 0 }, () => `new${n++}`);
    const nodes = Object.values(pasted.nodes);
    expect(nodes).toHaveLength(f.nodes.length);
    expect(nodes.every((x) => !doc.nodes[x.id])).toBe(true);
    // Items hang off the copies, not the originals; positions moved by the offset.
    for (const x of nodes) if ('attachedTo' in x) expect(pasted.nodes[x.attachedTo]).toBeDefined();
    const school = nodes.find((x) => x.label === 'School Partnership')!;
    expect(school.x).toBe(doc.nodes.school!.x + 500);
    const [edge] = Object.values(pasted.edges);
    expect([pasted.nodes[edge!.source]!.label, pasted.nodes[edge!.target]!.label]).toEqual(["Children's Services staff", 'School Partnership']);
    // Pasting is one insertContent: the map then has both.
    commands.insertContent(doc, pasted);
    expect(Object.values(doc.nodes).filter((x) => x.label === 'School Partnership')).toHaveLength(2);
  });

  it('an item chosen without its asset copies nothing', () => {
    const doc = buildExample(SUNNYDALE, 'm');
    const strength = Object.values(doc.nodes).find((n) => n.kind === 'strength')!;
    expect(copyFragment(doc, [strength.id])).toBeUndefined();
  });
});
