import { describe, expect, it } from 'vitest';
import { type AssetMapDoc, commands, emptyDoc, getNeighbourhood, getOwningAsset } from '../../src/model';
import { generateMap } from '../support/generateMap';

/** A chain of assets a — b — c — d, each with a strength; a's weakness has an improvement; e stands alone. */
function chain(): AssetMapDoc {
  const doc = emptyDoc('m', 'm');
  for (const id of ['a', 'b', 'c', 'd', 'e']) {
    commands.addAsset(doc, { id, kind: 'partner', label: id, x: 0, y: 0 });
    commands.addAttachment(doc, { id: `${id}.s`, kind: 'strength', attachedTo: id, label: 's', x: 0, y: 0 });
  }
  commands.addAttachment(doc, { id: 'a.w', kind: 'weakness', attachedTo: 'a', label: 'w', x: 0, y: 0 });
  commands.addAttachment(doc, { id: 'a.i', kind: 'improvement', attachedTo: 'a.w', label: 'i', x: 0, y: 0 });
  commands.linkAssets(doc, { id: 'ab', kind: 'relationship', source: 'a', target: 'b' });
  commands.linkAssets(doc, { id: 'bc', kind: 'relationship', source: 'b', target: 'c' });
  // A strength of c supports d: a step from c to d.
  commands.linkAssets(doc, { id: 'cd', kind: 'supports', source: 'c.s', target: 'd' });
  return doc;
}

const sorted = (s: Set<string>) => [...s].sort();

describe('focus: what lies within some steps', () => {
  it('takes an asset with everything that hangs off it, and counts connections as steps', () => {
    const doc = chain();
    expect(sorted(getNeighbourhood(doc, ['a'], 0))).toEqual(['a', 'a.i', 'a.s', 'a.w']);
    expect(sorted(getNeighbourhood(doc, ['a'], 1))).toEqual(['a', 'a.i', 'a.s', 'a.w', 'b', 'b.s']);
    expect(sorted(getNeighbourhood(doc, ['a'], 2))).toEqual(['a', 'a.i', 'a.s', 'a.w', 'b', 'b.s', 'c', 'c.s']);
    // A strength's "supports" is its asset's step; the lone asset is never reached.
    expect(getNeighbourhood(doc, ['a'], 3).has('d')).toBe(true);
    expect(getNeighbourhood(doc, ['a'], 3).has('e')).toBe(false);
  });

  it('starts from an item’s asset, from both ends of a connection, and from several at once', () => {
    const doc = chain();
    expect(sorted(getNeighbourhood(doc, ['a.i'], 0))).toEqual(['a', 'a.i', 'a.s', 'a.w']);
    expect(sorted(getNeighbourhood(doc, ['bc'], 0))).toEqual(['b', 'b.s', 'c', 'c.s']);
    expect(sorted(getNeighbourhood(doc, ['a', 'e'], 0))).toEqual(['a', 'a.i', 'a.s', 'a.w', 'e', 'e.s']);
    expect(getNeighbourhood(doc, ['gone'], 3).size).toBe(0);
  });

  it('agrees with a plain walk on a 1,000-asset map', () => {
    const doc = generateMap(1000, 3);
    const start = Object.values(doc.nodes).find((n) => n.kind === 'staff')!.id;
    // The plain way: assets by edges between owners, step by step.
    const owner = (id: string) => getOwningAsset(doc, id)?.id;
    let seen = new Set([start]);
    for (let i = 0; i < 2; i++) {
      const more = new Set(seen);
      for (const e of Object.values(doc.edges)) {
        const a = owner(e.source);
        const b = owner(e.target);
        if (a && b && seen.has(a)) more.add(b);
        if (a && b && seen.has(b)) more.add(a);
      }
      seen = more;
    }
    const expected = new Set(Object.keys(doc.nodes).filter((id) => seen.has(owner(id)!)));
    expect(sorted(getNeighbourhood(doc, [start], 2))).toEqual(sorted(expected));
  });

  it('reads each node and each connection a few times at most, however far it reaches (counted, not timed)', () => {
    const doc = generateMap(1000, 5);
    let reads = 0;
    const counted = (o: Record<string, unknown>) => new Proxy(o, { get: (t, k) => (reads++, Reflect.get(t, k)) });
    const watched = { ...doc, nodes: counted(doc.nodes), edges: counted(doc.edges) } as AssetMapDoc;
    const size = Object.keys(doc.nodes).length + Object.keys(doc.edges).length;
    const start = Object.values(doc.nodes).find((n) => n.kind === 'staff')!.id;
    for (const steps of [1, 3]) {
      reads = 0;
      getNeighbourhood(watched, [start], steps);
      expect(reads).toBeLessThan(4 * size);
    }
  });
});
