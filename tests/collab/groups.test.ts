import { describe, expect, it } from 'vitest';
import { getGroupMembers } from '../../src/model';
import { Network, freshRead } from './replicas';

describe('groups on a shared map', () => {
  it('a group made, filled, renamed and collapsed on one replica shows on the other; undo is per person', () => {
    const net = new Network(2);
    const [a, b] = net.replicas as [NonNullable<(typeof net.replicas)[0]>, NonNullable<(typeof net.replicas)[0]>];
    a.store.dispatch('groupAssets', { ids: ['na1', 'na2'], group: 'g1', newGroup: { id: 'g1', name: 'Partners' } });
    net.flush();
    expect(b.store.getDoc().groups).toEqual({ g1: { id: 'g1', name: 'Partners' } });
    expect(getGroupMembers(b.store.getDoc()).get('g1')!.map((n) => n.id).sort()).toEqual(['na1', 'na2']);
    // Meanwhile, on the other replica, a colleague joins it and it is renamed there.
    b.store.dispatch('groupAssets', { ids: ['children'], group: 'g1' });
    a.store.dispatch('setGroupCollapsed', { id: 'g1', collapsed: true });
    net.flush();
    for (const r of [a, b]) {
      const doc = r.store.getDoc();
      expect(doc.groups!.g1!.collapsed).toBe(true);
      expect(getGroupMembers(doc).get('g1')!.map((n) => n.id).sort()).toEqual(['children', 'na1', 'na2']);
      expect(freshRead(r)).toEqual(doc);
    }
    // Undo on A opens the group again; B's member stays.
    a.store.undo();
    net.flush();
    expect(b.store.getDoc().groups!.g1!.collapsed).toBeUndefined();
    expect(getGroupMembers(b.store.getDoc()).get('g1')!.map((n) => n.id)).toContain('children');
  });
});
