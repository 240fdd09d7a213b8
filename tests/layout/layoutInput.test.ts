import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { type AssetMapDoc, SUNNYDALE, buildExample, commands } from '../../src/model';
import { sameLayoutInput } from '../../src/layout/layoutInput';
import { packInput } from '../../src/layout/layoutMessages';

const base = () => buildExample(SUNNYDALE, 'map_l');
const change = (doc: AssetMapDoc, recipe: (d: AssetMapDoc) => void) => produce(doc, recipe);

describe('sameLayoutInput', () => {
  it('is true when only places changed: nodes moved, routes and layout written, the title renamed', () => {
    const doc = base();
    const moved = change(doc, (d) => {
      for (const n of Object.values(d.nodes)) {
        n.x += 100;
        n.y -= 7;
      }
      d.routes = {};
      d.title = 'Renamed';
    });
    expect(sameLayoutInput(doc, moved)).toBe(true);
    // What the layout worker is sent is the same, but for nothing.
    const packed = (d: AssetMapDoc) => JSON.stringify(packInput(d, 'LR', 60));
    expect(packed(moved)).toBe(packed(doc));
  });

  it('is false when anything the layout reads changed', () => {
    const doc = base();
    const [asset, item] = [doc.nodes.school!, doc.nodes['school.s0']!];
    const changes: [string, (d: AssetMapDoc) => void][] = [
      ['a label', (d) => void (d.nodes.school!.label = 'School district')],
      ['an order', (d) => void (d.nodes['school.s0']!.order = 9)],
      ['a kind', (d) => void commands.updateNode(d, { id: asset.id, patch: { kind: 'staff' } as never })],
      ['an attachment', (d) => void ((d.nodes[item.id] as { attachedTo: string }).attachedTo = 'children')],
      ['a link', (d) => void (d.edges.rel9 = { id: 'rel9', kind: 'relationship', source: 'school', target: 'room', tie: 'weak' })],
      ['a node', (d) => void delete d.nodes['room.i0']],
      ['a group', (d) => void (d.groups = { g1: { id: 'g1', name: 'Schools' } })],
      ['a link’s kind', (d) => void (Object.values(d.edges)[0]!.kind = Object.values(d.edges)[0]!.kind === 'relationship' ? 'supports' : 'relationship')],
      ['a link’s end', (d) => void (Object.values(d.edges)[0]!.target = 'room')],
    ];
    for (const [what, recipe] of changes) expect(sameLayoutInput(doc, change(doc, recipe)), what).toBe(false);
  });

  it('is true for the same map read again (objects of its own, as from storage), and false when it differs', () => {
    const doc = change(base(), (d) => {
      d.groups = { g1: { id: 'g1', name: 'Schools' } };
      (d.nodes.school as { group?: string }).group = 'g1';
    });
    const again = (d: AssetMapDoc): AssetMapDoc => JSON.parse(JSON.stringify(d));
    expect(sameLayoutInput(doc, again(doc))).toBe(true);
    const packed = (d: AssetMapDoc) => JSON.stringify(packInput(d, 'LR', 60));
    expect(packed(again(doc))).toBe(packed(doc));
    const edge = Object.keys(doc.edges)[0]!;
    expect(sameLayoutInput(doc, change(again(doc), (d) => void (d.edges[edge]!.source = 'room')))).toBe(false);
    expect(sameLayoutInput(doc, change(again(doc), (d) => void (d.groups!.g1!.name = 'Other')))).toBe(false);
    expect(sameLayoutInput(doc, change(again(doc), (d) => void (d.groups!.g1!.collapsed = true)))).toBe(false);
  });
});
