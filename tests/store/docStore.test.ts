import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SUNNYDALE, buildExample, ASSET_KINDS, TIE_STRENGTHS, IMPROVEMENT_STATUSES } from '../../src/model';
import { applyPatches } from 'immer';
import { DocStore } from '../../src/store/docStore';

/** Random commands over a small id space, so that they often hit existing nodes. */
const ids = ['na1', 'school', 'na2', 'children', 'room', 'tech', 'friends', 'high', 'school.s0', 'na2.w0', 'room.i0', 'x1', 'x2', 'x3'];
const id = fc.constantFrom(...ids);
const text = fc.string({ maxLength: 12 });
const point = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) });
const command = fc.oneof(
  fc.record({ name: fc.constant('addAsset' as const), p: fc.record({ id, kind: fc.constantFrom(...ASSET_KINDS), label: text, x: fc.integer(), y: fc.integer() }) }),
  fc.record({
    name: fc.constant('addAttachment' as const),
    p: fc.record({ id, kind: fc.constantFrom('strength' as const, 'weakness' as const, 'improvement' as const), attachedTo: id, label: text, x: fc.integer(), y: fc.integer() }),
  }),
  fc.record({ name: fc.constant('updateNode' as const), p: fc.record({ id, patch: fc.record({ label: text, status: fc.constantFrom(...IMPROVEMENT_STATUSES) }, { requiredKeys: [] }) }) }),
  fc.record({ name: fc.constant('moveNodes' as const), p: fc.record({ positions: fc.dictionary(id, point, { maxKeys: 3 }) }) }),
  fc.record({ name: fc.constant('deleteNodes' as const), p: fc.record({ ids: fc.array(id, { maxLength: 2 }) }) }),
  fc.record({
    name: fc.constant('linkAssets' as const),
    p: fc.record({ id: fc.constantFrom('e1', 'e2', 'rel0'), kind: fc.constantFrom('relationship' as const, 'supports' as const), source: id, target: id, tie: fc.constantFrom(...TIE_STRENGTHS) }),
  }),
  fc.record({ name: fc.constant('deleteEdges' as const), p: fc.record({ ids: fc.array(fc.constantFrom('e1', 'e2', 'rel0', 'rel1', 'sup0'), { maxLength: 2 }) }) }),
  fc.record({ name: fc.constant('setTitle' as const), p: fc.record({ title: text }) }),
  fc.record({ name: fc.constant('reorderNode' as const), p: fc.record({ id, before: fc.option(id, { nil: undefined }) }) }),
  // Groups: a new one or one made before, ungrouping, collapsing, renaming, forgetting.
  fc.record({
    name: fc.constant('groupAssets' as const),
    p: fc.record({ ids: fc.array(id, { maxLength: 3 }), group: fc.constantFrom('g1', 'g2'), newGroup: fc.option(fc.record({ id: fc.constantFrom('g1', 'g2'), name: text }), { nil: undefined }) }),
  }),
  fc.record({ name: fc.constant('ungroupAssets' as const), p: fc.record({ ids: fc.array(id, { maxLength: 2 }) }) }),
  fc.record({ name: fc.constant('setGroupCollapsed' as const), p: fc.record({ id: fc.constantFrom('g1', 'g2'), collapsed: fc.boolean() }) }),
  fc.record({ name: fc.constant('renameGroup' as const), p: fc.record({ id: fc.constantFrom('g1', 'g2'), name: text }) }),
  fc.record({ name: fc.constant('deleteGroup' as const), p: fc.record({ id: fc.constantFrom('g1', 'g2') }) }),
);

describe('undo history', () => {
  it('undo all returns the start document; redo all returns the end', () => {
    // Commands that change nothing are no undo step: the runs must still have made many.
    let made = 0;
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (cmds) => {
        const start = buildExample(SUNNYDALE, 'map');
        const store = new DocStore(start);
        const initial = store.getDoc();
        let steps = 0;
        for (const c of cmds) if (store.dispatch(c.name, c.p as never)) steps++;
        made += steps;
        const end = store.getDoc();
        for (let i = 0; i < steps; i++) expect(store.undo()).toBe(true);
        expect(store.undo()).toBe(false);
        expect(store.getDoc()).toEqual(initial);
        for (let i = 0; i < steps; i++) expect(store.redo()).toBe(true);
        expect(store.getDoc()).toEqual(end);
      }),
      { numRuns: 300 },
    );
    expect(made).toBeGreaterThan(300);
  });

  it('a change that changes nothing is not an undo step', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'map'));
    expect(store.dispatch('updateNode', { id: 'missing', patch: { label: 'x' } })).toBe(false);
    expect(store.getState().canUndo).toBe(false);
  });

  it('typing in one field is one step; another field starts another', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'map'));
    const before = store.getDoc();
    for (const label of ['S', 'Sc', 'Sch']) store.dispatch('updateNode', { id: 'school', patch: { label } }, { coalesce: 'school:label' });
    store.dispatch('updateNode', { id: 'na1', patch: { details: 'x' } }, { coalesce: 'na1:details' });
    store.undo();
    expect(store.getDoc().nodes.school!.label).toBe('Sch');
    store.undo();
    expect(store.getDoc()).toEqual(before);
    expect(store.getState().canUndo).toBe(false);
  });

  it('a new change clears redo; replace clears the history', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'map'));
    store.dispatch('setTitle', { title: 'A' });
    store.undo();
    store.dispatch('setTitle', { title: 'B' });
    expect(store.getState().canRedo).toBe(false);
    store.replace(buildExample(SUNNYDALE, 'other'));
    expect(store.getState()).toMatchObject({ canUndo: false, canRedo: false, lastChange: 'replace' });
  });
});

describe('doors for a shared map', () => {
  it('reports every local change with its patches; the patches replay the change', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'map'));
    const seen: { source: string; name: string; coalesced: boolean }[] = [];
    let replica = store.getDoc();
    store.onLocalChange((c) => {
      seen.push({ source: c.source, name: c.name, coalesced: c.coalesced });
      replica = applyPatches(replica, c.patches);
    });
    store.dispatch('setTitle', { title: 'A' });
    store.dispatch('updateNode', { id: 'school', patch: { label: 'S' } }, { coalesce: 'k' });
    store.dispatch('updateNode', { id: 'school', patch: { label: 'Sc' } }, { coalesce: 'k' });
    store.undo();
    store.redo();
    expect(seen).toEqual([
      { source: 'command', name: 'setTitle', coalesced: false },
      { source: 'command', name: 'updateNode', coalesced: false },
      { source: 'command', name: 'updateNode', coalesced: true },
      { source: 'undo', name: 'updateNode', coalesced: false },
      { source: 'redo', name: 'updateNode', coalesced: false },
    ]);
    expect(replica).toEqual(store.getDoc());
  });

  it('a document from outside is no undo step and is not reported back', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'map'));
    let reported = 0;
    store.onLocalChange(() => reported++);
    store.dispatch('setTitle', { title: 'A' });
    const outside = { ...store.getDoc(), title: 'From elsewhere' };
    store.applyExternal(outside);
    expect(store.getState()).toMatchObject({ lastChange: 'remote', canUndo: true, undoLabel: 'rename map' });
    expect(store.getDoc().title).toBe('From elsewhere');
    expect(reported).toBe(1);
  });

  it('a shared history takes over undo and redo, and canUndo follows it', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'map'));
    store.dispatch('setTitle', { title: 'before sharing' });
    const calls: string[] = [];
    let steps = 0;
    store.setSharedHistory({
      undo: () => (calls.push('undo'), steps > 0 && (steps--, store.applyExternal({ ...store.getDoc(), title: 'undone' }, 'undo'), true)),
      redo: () => (calls.push('redo'), false),
      canUndo: () => steps > 0,
      canRedo: () => false,
      undoLabel: () => (steps > 0 ? 'rename map' : undefined),
      redoLabel: () => undefined,
    });
    // The store's own steps were made before sharing: they are gone.
    expect(store.getState().canUndo).toBe(false);
    const states: boolean[] = [];
    store.subscribe((s) => states.push(s.canUndo));
    store.onLocalChange(() => steps++);
    store.dispatch('setTitle', { title: 'shared' });
    expect(store.getState()).toMatchObject({ canUndo: true, undoLabel: 'rename map' });
    expect(store.undo()).toBe(true);
    expect(store.getState()).toMatchObject({ lastChange: 'undo', canUndo: false });
    expect(store.getDoc().title).toBe('undone');
    expect(store.undo()).toBe(false);
    expect(calls).toEqual(['undo', 'undo']);
    // One notice per change, each already saying what undo can do after it.
    expect(states).toEqual([true, false, false]);
    store.setSharedHistory(null);
    expect(store.getState().canUndo).toBe(false);
    store.dispatch('setTitle', { title: 'alone again' });
    expect(store.undo()).toBe(true);
    expect(store.getDoc().title).toBe('undone');
  });

  it('read-only: commands and undo change nothing, and the reason is in the state', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'map'));
    store.dispatch('setTitle', { title: 'A' });
    store.setReadOnly('View link: this map is shared with you for viewing.');
    expect(store.dispatch('setTitle', { title: 'B' })).toBe(false);
    expect(store.undo()).toBe(false);
    expect(store.getState()).toMatchObject({ readOnly: 'View link: this map is shared with you for viewing.', canUndo: false });
    store.setReadOnly(undefined);
    expect(store.getState().canUndo).toBe(true);
  });
});

describe('replace', () => {
  it('freezes the map it takes deeply, in a task after the one that draws it', async () => {
    const doc = buildExample(SUNNYDALE, 'map_r');
    const store = new DocStore(buildExample(SUNNYDALE, 'map_0'));
    store.replace(doc);
    expect(store.getDoc()).toBe(doc);
    expect(Object.isFrozen(doc)).toBe(false);
    // A change meanwhile works on it as on any document, and leaves it as it was.
    expect(store.dispatch('setTitle', { title: 'Renamed' })).toBe(true);
    expect(doc.title).toBe('Sunnydale Public Library');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(Object.isFrozen(doc) && Object.isFrozen(doc.nodes) && Object.values(doc.nodes).every((n) => Object.isFrozen(n))).toBe(true);
    expect(Object.values(doc.routes).every((r) => Object.isFrozen(r))).toBe(true);
  });
});

