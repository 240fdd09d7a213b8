import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SUNNYDALE, buildExample } from '../../src/model';
import { DocStore } from '../../src/store/docStore';
import { MapBinding } from '../../src/collab/binding';
import { getRoots } from '../../src/collab/yMap';
import { CURRENT_VERSION } from '../../src/io/migrations';
import { Network, freshRead } from './replicas';

describe('binding a store to a shared document', () => {
  it('an edit made on one replica shows on the other, and is not an undo step there', () => {
    const net = new Network(2);
    const [a, b] = net.replicas;
    a!.store.dispatch('updateNode', { id: 'school', patch: { label: 'School District' } });
    net.flush();
    expect(b!.store.getDoc().nodes.school!.label).toBe('School District');
    expect(b!.store.getState()).toMatchObject({ lastChange: 'remote', canUndo: false });
    expect(a!.store.getState()).toMatchObject({ canUndo: true, undoLabel: 'edit' });
  });

  it('a remote edit of one node keeps every other node the same object', () => {
    const net = new Network(2);
    const [a, b] = net.replicas;
    const before = b!.store.getDoc();
    a!.store.dispatch('updateNode', { id: 'school', patch: { label: 'School District' } });
    net.flush();
    const after = b!.store.getDoc();
    expect(after.nodes.school).not.toBe(before.nodes.school);
    expect(after.nodes.na1).toBe(before.nodes.na1);
    expect(after.edges).toBe(before.edges);
  });

  it('two people editing different fields of one asset keep both edits', () => {
    const net = new Network(2);
    const [a, b] = net.replicas;
    a!.store.dispatch('updateNode', { id: 'school', patch: { label: 'School District' } });
    b!.store.dispatch('updateNode', { id: 'school', patch: { details: 'Gym on weekends' } });
    a!.store.dispatch('updateNode', { id: 'children', patch: { fields: { role: '' } } });
    net.flush();
    a!.store.dispatch('updateNode', { id: 'children', patch: { fields: { role: 'Storytime lead' } } });
    b!.store.dispatch('updateNode', { id: 'children', patch: { fields: { role: '', priorities: 'Early literacy' } } });
    net.flush();
    for (const r of net.replicas) {
      expect(r.store.getDoc().nodes.school).toMatchObject({ label: 'School District', details: 'Gym on weekends' });
    }
    // Named details are fields too, once an asset has any: both stay (two people giving an asset its very first
    // details at once is a same-field conflict: one set wins).
    for (const r of net.replicas) {
      expect(r.store.getDoc().nodes.children).toMatchObject({ fields: { role: 'Storytime lead', priorities: 'Early literacy' } });
    }
  });

  it('named details given, changed, cleared and given again read back as the store has them', () => {
    const net = new Network(2);
    const [a, b] = net.replicas;
    const steps: (Record<string, string> | undefined)[] = [{ role: 'Lead' }, { role: 'Lead', stories: 'Once' }, { stories: 'Twice' }, undefined, { priorities: 'Teens' }, {}];
    for (const fields of steps) {
      a!.store.dispatch('updateNode', { id: 'children', patch: { fields } });
      net.flush();
      const expected = fields && Object.keys(fields).length ? fields : undefined;
      expect(freshRead(a!).nodes.children).toEqual(expect.objectContaining({ label: a!.store.getDoc().nodes.children!.label }));
      expect((freshRead(a!).nodes.children as { fields?: object }).fields).toEqual(expected);
      expect((b!.store.getDoc().nodes.children as { fields?: object }).fields).toEqual(expected);
    }
  });

  it('the same field edited by two people: one edit wins, the same one everywhere', () => {
    const net = new Network(3);
    net.replicas.forEach((r, i) => r.store.dispatch('updateNode', { id: 'school', patch: { label: `School ${i}` } }));
    net.flush(7);
    const labels = net.docs().map((d) => d.nodes.school!.label);
    expect(new Set(labels).size).toBe(1);
    expect(['School 0', 'School 1', 'School 2']).toContain(labels[0]);
    // A move sets x and y together: the winner's position wins whole, never one's x with the other's y.
    net.replicas[0]!.store.dispatch('moveNodes', { positions: { school: { x: 10, y: 10 } } });
    net.replicas[1]!.store.dispatch('moveNodes', { positions: { school: { x: 20, y: 20 } } });
    net.flush(3);
    const { x, y } = net.docs()[2]!.nodes.school!;
    expect(x).toBe(y);
    expect(net.docs()[0]!.nodes.school).toEqual(net.docs()[1]!.nodes.school);
  });

  it('deleting an asset while someone adds a strength to it: the strength goes too, on every replica', () => {
    const net = new Network(3);
    const [a, b] = net.replicas;
    a!.store.dispatch('deleteNodes', { ids: ['school'] });
    b!.store.dispatch('addAttachment', { id: 'late', kind: 'strength', attachedTo: 'school', label: 'New gym', x: 0, y: 0 });
    b!.store.dispatch('linkAssets', { id: 'late-link', kind: 'supports', source: 'late', target: 'na1' });
    expect(b!.store.getDoc().nodes.late).toBeDefined();
    net.flush(11);
    for (const doc of net.docs()) {
      expect(doc.nodes.school).toBeUndefined();
      expect(doc.nodes.late).toBeUndefined();
      expect(doc.edges['late-link']).toBeUndefined();
      expect(Object.values(doc.nodes).filter((n) => 'attachedTo' in n && !doc.nodes[n.attachedTo])).toEqual([]);
    }
    expect(net.docs()[1]).toEqual(net.docs()[0]);
    expect(net.docs()[2]).toEqual(net.docs()[0]);
    // Undoing the deletion brings the asset back, and with it the strength added meanwhile.
    a!.store.undo();
    net.flush(5);
    for (const doc of net.docs()) expect(doc.nodes.late).toMatchObject({ attachedTo: 'school', label: 'New gym' });
  });

  it('undo takes back only my own changes, even after others edited since', () => {
    const net = new Network(2);
    const [a, b] = net.replicas;
    a!.store.dispatch('updateNode', { id: 'school', patch: { label: 'Mine' } });
    net.flush();
    b!.store.dispatch('updateNode', { id: 'na1', patch: { label: 'Theirs' } });
    b!.store.dispatch('addAsset', { id: 'theirs', kind: 'staff', label: 'New colleague', x: 0, y: 0 });
    net.flush();
    expect(a!.store.undo()).toBe(true);
    expect(a!.store.getState()).toMatchObject({ lastChange: 'undo', canUndo: false, canRedo: true, redoLabel: 'edit' });
    net.flush();
    for (const doc of net.docs()) {
      expect(doc.nodes.school!.label).toBe('School Partnership');
      expect(doc.nodes.na1!.label).toBe('Theirs');
      expect(doc.nodes.theirs).toBeDefined();
    }
    expect(a!.store.redo()).toBe(true);
    net.flush();
    for (const doc of net.docs()) expect(doc.nodes.school!.label).toBe('Mine');
    // Someone else changed the same field since: my undo does not overwrite their newer edit.
    b!.store.dispatch('updateNode', { id: 'school', patch: { label: 'Theirs later' } });
    net.flush();
    a!.store.undo();
    net.flush();
    for (const doc of net.docs()) expect(doc.nodes.school!.label).toBe('Theirs later');
  });

  it('typing in one field is one shared undo step; an auto layout is one transaction and one step', () => {
    const net = new Network(2);
    const [a, b] = net.replicas;
    for (const label of ['S', 'Sc', 'Sch']) a!.store.dispatch('updateNode', { id: 'school', patch: { label } }, { coalesce: 'school:label' });
    let updates = 0;
    a!.ydoc.on('update', () => updates++);
    const positions = Object.fromEntries(Object.keys(a!.store.getDoc().nodes).map((id, i) => [id, { x: i * 10, y: i * 5 }]));
    a!.store.dispatch('applyLayout', { positions, routes: { rel0: [{ x: 0, y: 0 }, { x: 5, y: 5 }] } });
    expect(updates).toBe(1);
    expect(a!.store.getState().undoLabel).toBe('auto layout');
    net.flush();
    expect(b!.store.getDoc()).toEqual(a!.store.getDoc());
    a!.store.undo();
    expect(a!.store.getDoc().nodes.school!.label).toBe('Sch');
    a!.store.undo();
    expect(a!.store.getDoc().nodes.school!.label).toBe('School Partnership');
    expect(a!.store.getState().canUndo).toBe(false);
  });

  it('opening another map in the store ends the binding: nothing of that map reaches the shared one', () => {
    const net = new Network(2);
    const [a, b] = net.replicas;
    a!.store.replace(buildExample(SUNNYDALE, 'another map'));
    expect(a!.binding.isDestroyed).toBe(true);
    a!.store.dispatch('updateNode', { id: 'school', patch: { label: 'Belongs to another map' } });
    a!.store.dispatch('deleteNodes', { ids: ['na1'] });
    net.flush();
    expect(net.pending()).toBe(0);
    expect(b!.store.getDoc().nodes.school!.label).toBe('School Partnership');
    expect(b!.store.getDoc().nodes.na1).toBeDefined();
  });

  it('a map of a newer version opens read-only, and says why', () => {
    const ydoc = new Y.Doc();
    const publisher = new DocStore(buildExample(SUNNYDALE, 'map'));
    MapBinding.publish(ydoc, publisher).destroy();
    getRoots(ydoc).meta.set('version', CURRENT_VERSION + 1);
    const store = new DocStore(buildExample(SUNNYDALE, 'other'));
    const joined = MapBinding.join(ydoc, store);
    expect(joined.ok).toBe(true);
    expect(store.getState().readOnly).toMatch(/newer version of Asset Map .*reading only/);
    expect(store.dispatch('setTitle', { title: 'x' })).toBe(false);
    expect(store.getDoc().title).toBe('Sunnydale Public Library');
  });

  it('joining before anything arrived says the shared map is empty; unbinding keeps the document', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'map'));
    const empty = MapBinding.join(new Y.Doc(), store);
    expect(empty.ok || empty.error.kind).toBe('empty');
    const net = new Network(2);
    const [a, b] = net.replicas;
    a!.store.dispatch('setTitle', { title: 'Shared' });
    net.flush();
    b!.binding.destroy();
    a!.store.dispatch('setTitle', { title: 'After' });
    net.flush();
    expect(b!.store.getDoc().title).toBe('Shared');
    expect(b!.store.dispatch('setTitle', { title: 'Mine' })).toBe(true);
    expect(b!.store.getState().canUndo).toBe(true);
    expect(a!.store.getDoc().title).toBe('After');
  });
});
