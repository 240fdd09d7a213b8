import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Patch, applyPatches, freeze, produceWithPatches } from 'immer';
import { type AssetMapDoc, type Point, SUNNYDALE, buildExample, commands } from '../../src/model';
import { applyLayoutChange, type LayoutPayload } from '../../src/store/layoutChange';
import { DocStore } from '../../src/store/docStore';

const byImmer = (doc: AssetMapDoc, payload: LayoutPayload) => produceWithPatches(doc, (draft) => void commands.applyLayout(draft as AssetMapDoc, payload));
const sorted = (patches: Patch[]) => patches.map((p) => JSON.stringify(p)).sort();

const start = () => freeze(buildExample(SUNNYDALE), true);
const ids = Object.keys(start().nodes);
const point = fc.record({ x: fc.integer({ min: -900, max: 900 }), y: fc.integer({ min: -900, max: 900 }) });
/** Positions for some nodes: new ones, the node's own (no move), one coordinate kept, and ids of no node. */
const payload = fc.record({
  moves: fc.dictionary(fc.constantFrom(...ids, 'no-such-node'), fc.oneof(point, fc.constant('same' as const), fc.constant('same-x' as const)), { maxKeys: 20 }),
  routes: fc.oneof(fc.constant('same' as const), fc.dictionary(fc.constantFrom('rel0', 'rel1', 'x'), fc.array(point, { minLength: 2, maxLength: 4 }), { maxKeys: 3 })),
  settings: fc.option(fc.record({ direction: fc.constantFrom('LR' as const, 'TB' as const), spacing: fc.integer({ min: 20, max: 200 }) }), { nil: undefined }),
});

function realise(doc: AssetMapDoc, p: { moves: Record<string, Point | 'same' | 'same-x'>; routes: 'same' | Record<string, Point[]>; settings?: { direction: 'LR' | 'TB'; spacing: number } }): LayoutPayload {
  const positions: Record<string, Point> = {};
  for (const [id, m] of Object.entries(p.moves)) {
    const n = doc.nodes[id];
    positions[id] = m === 'same' ? { x: n?.x ?? 0, y: n?.y ?? 0 } : m === 'same-x' ? { x: n?.x ?? 0, y: 7 } : m;
  }
  return { positions, routes: p.routes === 'same' ? doc.routes : p.routes, ...(p.settings && { settings: { ...doc.layout, ...p.settings } }) };
}

describe('applyLayoutChange', () => {
  it('gives the document, patches and inverse patches that immer gives for applyLayout', async () => {
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const doc = start();
        const input = realise(doc, p);
        const [next, patches, inverse] = applyLayoutChange(doc, input);
        const [expected, expectedPatches, expectedInverse] = byImmer(doc, input);
        expect(next).toEqual(expected);
        expect(sorted(patches)).toEqual(sorted(expectedPatches));
        expect(sorted(inverse)).toEqual(sorted(expectedInverse));
        if (!patches.length) expect(next).toBe(doc);
        expect(applyPatches(doc, patches)).toEqual(next);
        expect(applyPatches(next, inverse)).toEqual(doc);
        // Nodes that did not move are the same objects, as with immer; everything new is frozen.
        for (const id of ids) if (doc.nodes[id]!.x === next.nodes[id]!.x && doc.nodes[id]!.y === next.nodes[id]!.y) expect(next.nodes[id]).toBe(doc.nodes[id]);
        expect(Object.isFrozen(next) && Object.isFrozen(next.nodes) && Object.isFrozen(next.routes) && Object.isFrozen(next.layout)).toBe(true);
        for (const n of Object.values(next.nodes)) expect(Object.isFrozen(n)).toBe(true);
        // The routes' points a task later.
        await new Promise((resolve) => setTimeout(resolve, 0));
        for (const r of Object.values(next.routes)) expect(Object.isFrozen(r) && r.every((pt) => Object.isFrozen(pt))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is one undo step through the store, and a layout that moves nothing is none', () => {
    const doc = start();
    const store = new DocStore(doc);
    const positions = Object.fromEntries(ids.map((id, i) => [id, { x: i * 300, y: i * 10 }]));
    expect(store.dispatch('applyLayout', { positions, routes: {} })).toBe(true);
    expect(store.getDoc().nodes[ids[3]!]).toMatchObject({ x: 900, y: 30 });
    expect(store.getState().undoLabel).toBeDefined();
    expect(store.dispatch('applyLayout', { positions, routes: store.getDoc().routes })).toBe(false);
    store.undo();
    expect(store.getDoc()).toEqual(doc);
  });
});
