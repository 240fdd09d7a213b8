import { describe, expect, it } from 'vitest';
import { type MapNode, commands, emptyDoc } from '../../../src/model';
import { DocStore } from '../../../src/store';
import { arrange } from '../../../src/ui/panel/SelectionFields';

const box = (id: string, x: number, y: number): MapNode => ({ id, kind: 'partner', label: id, x, y, order: 0 });

describe('arranging a selection', () => {
  it('lines the boxes up on the left or top edge', () => {
    const nodes = [box('a', 40, 10), box('b', 10, 90), box('c', 70, 50)];
    expect(arrange(nodes, 'left')).toEqual({ a: { x: 10, y: 10 }, b: { x: 10, y: 90 }, c: { x: 10, y: 50 } });
    expect(arrange(nodes, 'top')).toEqual({ a: { x: 40, y: 10 }, b: { x: 10, y: 10 }, c: { x: 70, y: 10 } });
  });

  it('spreads them with even gaps, keeping the first and the last where they are', () => {
    const nodes = [box('a', 0, 0), box('b', 50, 0), box('c', 1000, 0)];
    const out = arrange(nodes, 'across');
    expect(out.a).toEqual({ x: 0, y: 0 });
    expect(out.c).toEqual({ x: 1000, y: 0 });
    // Same box widths: the middle one halfway.
    expect(out.b).toEqual({ x: 500, y: 0 });
  });
});

describe('editing a selection', () => {
  it('changes the kind of every selected asset and tags them all, each one undo step', () => {
    const doc = emptyDoc('x', 'm');
    for (const id of ['a', 'b']) commands.addAsset(doc, { id, kind: 'partner', label: id, x: 0, y: 0 });
    commands.addAttachment(doc, { id: 's', kind: 'strength', attachedTo: 'a', label: 's', x: 0, y: 0 });
    const store = new DocStore(doc);
    expect(store.dispatch('updateNodes', { ids: ['a', 'b', 's'], patch: { kind: 'community' } })).toBe(true);
    expect([store.getDoc().nodes.a!.kind, store.getDoc().nodes.b!.kind, store.getDoc().nodes.s!.kind]).toEqual(['community', 'community', 'strength']);
    expect(store.dispatch('tagNodes', { ids: ['a', 'b'], tag: ' branch 2 ' })).toBe(true);
    expect(store.getDoc().nodes.b!.tags).toEqual(['branch 2']);
    expect(store.dispatch('tagNodes', { ids: ['a', 'b'], tag: 'branch 2' })).toBe(false);
    store.undo();
    expect(store.getDoc().nodes.a!.tags).toBeUndefined();
    store.undo();
    expect(store.getDoc().nodes.a!.kind).toBe('partner');
  });
});
