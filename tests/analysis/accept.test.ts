/**
 * Accepting and dismissing suggestions the way the UI does: through the document store's commands, with undo.
 */
import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample } from '../../src/model';
import { DocStore } from '../../src/store/docStore';
import { type Finding, getDismissedSuggestions, getFindings } from '../../src/analysis';
import { map } from './mapBuilder';

const suggestionIds = (store: DocStore) =>
  getFindings(store.getDoc())
    .filter((f) => f.kind === 'suggested-connection')
    .map((f) => f.id);

const accept = (store: DocStore, f: Finding, id = `accepted-${f.id}`) => store.dispatch('linkAssets', { id, ...f.accept! });

describe('accepting a suggestion', () => {
  it('adds the edge, removes the suggestion, and undo brings it back', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'sunnydale'));
    const before = getFindings(store.getDoc());
    const target = before.find((f) => f.id === 'suggest:school.s1>na2.w0')!;

    expect(accept(store, target, 'e1')).toBe(true);
    expect(store.getDoc().edges.e1).toEqual({ id: 'e1', kind: 'supports', source: 'school.s1', target: 'na2' });
    const after = getFindings(store.getDoc());
    expect(after.map((f) => f.id)).not.toContain('suggest:school.s1>na2.w0');
    // The strength is no longer unused either.
    expect(after.map((f) => f.id)).not.toContain('unused-strength:school.s1');
    // The other suggestion for the same strength stays.
    expect(after.map((f) => f.id)).toContain('suggest:school.s1>room.w0');

    expect(store.undo()).toBe(true);
    expect(getFindings(store.getDoc())).toEqual(before);
    expect(store.redo()).toBe(true);
    expect(getFindings(store.getDoc())).toEqual(after);
  });

  it('works for every Sunnydale suggestion', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'sunnydale'));
    const found = getFindings(store.getDoc()).filter((x) => x.kind === 'suggested-connection');
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const f of found) {
      expect(accept(store, f)).toBe(true);
      expect(suggestionIds(store)).not.toContain(f.id);
    }
  });

  it('adds a relationship for a passion that matches a partner, and support for a program', () => {
    const store = new DocStore(
      map()
        .asset('sam', 'staff', 'Sam', { passions: ['Spanish storytelling', 'Robotics'] })
        .asset('centro', 'partner', 'Centro Latino')
        .strength('centro', 'Spanish speakers')
        .asset('club', 'program', 'Teen robotics club').doc,
    );
    const found = getFindings(store.getDoc()).filter((f) => f.kind === 'suggested-connection');
    expect(found.map((f) => f.id).sort()).toEqual(['suggest:sam>centro', 'suggest:sam>club']);
    for (const f of found) expect(accept(store, f)).toBe(true);
    expect(Object.values(store.getDoc().edges).map((e) => [e.kind, e.source, e.target, e.tie])).toEqual([
      ['supports', 'sam', 'club', undefined],
      ['relationship', 'sam', 'centro', 'weak'],
    ]);
    expect(suggestionIds(store)).toEqual([]);
    // With the new relationship Sam is no silo, and Centro is held by one colleague.
    const ids = getFindings(store.getDoc()).map((f) => f.id);
    expect(ids).not.toContain('silo:sam');
    expect(ids).toContain('single-contact:centro');
    store.undo();
    store.undo();
    expect(suggestionIds(store).sort()).toEqual(['suggest:sam>centro', 'suggest:sam>club']);
  });
});

describe('dismissing a suggestion', () => {
  it('stays dismissed across edits, can be restored, and undo restores it too', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'sunnydale'));
    const key = 'suggest:school.s1>na2.w0';
    store.dispatch('dismissSuggestion', { key });
    expect(suggestionIds(store)).not.toContain(key);
    expect(getDismissedSuggestions(store.getDoc()).map((f) => f.id)).toEqual([key]);

    // Unrelated edits do not bring it back.
    store.dispatch('updateNode', { id: 'room', patch: { label: 'Big Meeting Room' } });
    store.dispatch('linkAssets', { id: 'r9', kind: 'relationship', source: 'children', target: 'na2' });
    expect(suggestionIds(store)).not.toContain(key);

    store.undo();
    store.undo();
    store.undo();
    expect(suggestionIds(store)).toContain(key);
    store.redo();
    expect(suggestionIds(store)).not.toContain(key);

    store.dispatch('restoreSuggestion', { key });
    expect(suggestionIds(store)).toContain(key);
    expect(getDismissedSuggestions(store.getDoc())).toEqual([]);
  });

  it('lets the next best candidate in, and stays dismissed when the areas are edited back and forth', () => {
    const b = map().asset('w', 'space', 'Room').weakness('w', 'Small budget');
    for (const id of ['a', 'b', 'c', 'd']) b.asset(id, 'partner', `Partner ${id}`).strength(id, 'Grant money');
    const store = new DocStore(b.doc);
    store.dispatch('dismissSuggestion', { key: 'suggest:a.s0>w.w0' });
    expect(suggestionIds(store)).toEqual(['suggest:b.s0>w.w0', 'suggest:c.s0>w.w0', 'suggest:d.s0>w.w0']);
    store.dispatch('updateNode', { id: 'w.w0', patch: { areas: [] } });
    expect(suggestionIds(store)).toEqual([]);
    store.dispatch('updateNode', { id: 'w.w0', patch: { areas: undefined } });
    expect(suggestionIds(store)).toEqual(['suggest:b.s0>w.w0', 'suggest:c.s0>w.w0', 'suggest:d.s0>w.w0']);
  });
});
