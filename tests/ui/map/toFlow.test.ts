/** The others' selections on a shared map, as the flow nodes show them. */
import { describe, expect, it } from 'vitest';
import { type ViewState, createNodeMapper, selectedByOthers } from '../../../src/ui/map/toFlow';
import { SUNNYDALE, buildExample } from '../../../src/model';

const NONE = new Set<string>();
const base: ViewState = { selection: NONE, hiddenKinds: new Set(), focus: NONE, badges: new Map(), dragging: new Map(), kindHidden: NONE, overview: false };

describe('others’ selections on the map', () => {
  it('a node another person selected is outlined in their colour and named in its title and description', () => {
    const doc = buildExample(SUNNYDALE, 'map');
    const [first, second] = Object.keys(doc.nodes);
    const others = selectedByOthers([
      { name: 'Ana', colour: '#c2410c', selection: [first!] },
      { name: 'Ben', colour: '#0369a1', selection: [first!, second!] },
    ]);
    const nodes = createNodeMapper()(doc, { ...base, others });
    const a = nodes.find((n) => n.id === first)!;
    expect(a.style?.outline).toBe('3px dashed #c2410c');
    expect(a.style?.boxShadow).toContain('#0369a1');
    expect(a.domAttributes?.title).toBe('Selected by Ana, Ben');
    expect(a.domAttributes?.['aria-description']).toBe('Selected by Ana, Ben');
    const b = nodes.find((n) => n.id === second)!;
    expect(b.style?.outline).toBe('3px dashed #0369a1');
    // No one else's selection: no outline, no words.
    const rest = nodes.filter((n) => n.id !== first && n.id !== second);
    expect(rest.some((n) => n.style || n.domAttributes)).toBe(false);
  });

  it('when the others change what they select, only the nodes concerned get new objects', () => {
    const doc = buildExample(SUNNYDALE, 'map');
    const [first, second] = Object.keys(doc.nodes);
    const map = createNodeMapper();
    const before = map(doc, { ...base, others: selectedByOthers([{ name: 'Ana', colour: '#c2410c', selection: [first!] }]) });
    const after = map(doc, { ...base, others: selectedByOthers([{ name: 'Ana', colour: '#c2410c', selection: [second!] }]) });
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed.sort()).toEqual([first!, second!].sort());
    expect(after.find((n) => n.id === first)!.style).toBeUndefined();
  });
});
