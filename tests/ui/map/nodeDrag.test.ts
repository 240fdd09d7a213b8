import { describe, expect, it } from 'vitest';
import type { NodeChange } from '@xyflow/react';
import { type AssetMapDoc, type MapNode, emptyDoc } from '../../../src/model';
import { NodeDrag, dragGroup, groupPositions, readNodeChanges } from '../../../src/ui/map/nodeDrag';

/** Two assets; `a` has a strength, a weakness and an improvement of that weakness. */
function doc(): AssetMapDoc {
  const d = emptyDoc('Drag', 'map_drag');
  const add = (n: MapNode) => (d.nodes[n.id] = n);
  add({ id: 'a', kind: 'partner', label: 'A', x: 0, y: 0, order: 0 });
  add({ id: 'b', kind: 'space', label: 'B', x: 500, y: 0, order: 1 });
  add({ id: 'a.s', kind: 'strength', label: 'S', attachedTo: 'a', x: 30, y: 80, order: 0 });
  add({ id: 'a.w', kind: 'weakness', label: 'W', attachedTo: 'a', x: 30, y: 160, order: 0 });
  add({ id: 'a.w.i', kind: 'improvement', label: 'I', attachedTo: 'a.w', status: 'idea', x: 260, y: 160, order: 0 });
  return d;
}

const move = (id: string, x: number, y: number, dragging = true): NodeChange => ({ type: 'position', id, position: { x, y }, dragging });

describe('readNodeChanges', () => {
  it('reads the selection over the current one, the moves, and whether the gesture ended', () => {
    const r = readNodeChanges([{ type: 'select', id: 'b', selected: true }, { type: 'select', id: 'a', selected: false }, move('b', 1, 2, false)], ['a', 'c']);
    expect(r).toEqual({ selection: ['c', 'b'], moves: new Map([['b', { x: 1, y: 2 }]]), ended: true });
  });

  it('says nothing of the selection when none changed, and a drag goes on while React Flow says so', () => {
    const r = readNodeChanges([move('a', 5, 5), { type: 'dimensions', id: 'a' }], ['a']);
    expect(r).toEqual({ moves: new Map([['a', { x: 5, y: 5 }]]), ended: false });
  });
});

describe('dragGroup', () => {
  it('takes along everything attached to a moved asset, at any depth, from where it stood', () => {
    const g = dragGroup(doc(), ['a']);
    expect(g.anchor).toBe('a');
    expect(g.start).toEqual({ x: 0, y: 0 });
    expect(g.members.map((m) => m.id).sort()).toEqual(['a.s', 'a.w', 'a.w.i']);
    expect(g.members.find((m) => m.id === 'a.w.i')!.start).toEqual({ x: 260, y: 160 });
  });

  it('takes nothing along for a moved item, and never a node that moves itself', () => {
    expect(dragGroup(doc(), ['a.w']).members).toEqual([]);
    expect(dragGroup(doc(), ['a', 'a.s']).members.map((m) => m.id).sort()).toEqual(['a.w', 'a.w.i']);
  });
});

describe('groupPositions', () => {
  it('moves the followers by the anchor offset and leaves moved nodes where React Flow put them', () => {
    const g = dragGroup(doc(), ['a', 'b']);
    const next = groupPositions(g, new Map([['a', { x: 10, y: -5 }], ['b', { x: 600, y: 0 }]]));
    expect(Object.fromEntries(next)).toEqual({ a: { x: 10, y: -5 }, b: { x: 600, y: 0 }, 'a.s': { x: 40, y: 75 }, 'a.w': { x: 40, y: 155 }, 'a.w.i': { x: 270, y: 155 } });
  });
});

describe('NodeDrag', () => {
  it('shows a gesture live, then gives whole-pixel positions once, and starts afresh for the next one', () => {
    const d = doc();
    const drag = new NodeDrag();
    expect(drag.step(d, new Map([['a', { x: 3.4, y: 0 }]]), false)).toEqual({
      live: new Map([
        ['a', { x: 3.4, y: 0 }],
        ['a.s', { x: 33.4, y: 80 }],
        ['a.w', { x: 33.4, y: 160 }],
        ['a.w.i', { x: 263.4, y: 160 }],
      ]),
    });
    const end = drag.step(d, new Map([['a', { x: 7.6, y: 0.4 }]]), true);
    expect(end).toEqual({ commit: { a: { x: 8, y: 0 }, 'a.s': { x: 38, y: 80 }, 'a.w': { x: 38, y: 160 }, 'a.w.i': { x: 268, y: 160 } } });
    // The next gesture moves an item: its group is found again, not the asset's kept from before.
    expect(drag.step(d, new Map([['a.s', { x: 0, y: 0 }]]), true)).toEqual({ commit: { 'a.s': { x: 0, y: 0 } } });
  });
});
