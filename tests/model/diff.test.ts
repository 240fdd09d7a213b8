import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type AssetMapDoc,
  SUNNYDALE,
  TIE_STRENGTHS,
  applyDiff,
  buildExample,
  describeChange,
  diffMaps,
  getSubtreeIds,
  isAsset,
  isAttached,
  isImprovement,
  namesFor,
  partsWords,
} from '../../src/model';
import { generateMap } from '../support/generateMap';

type Mutation =
  | { op: 'rename'; i: number; text: string }
  | { op: 'move'; i: number; dx: number; dy: number }
  | { op: 'details'; i: number; text: string }
  | { op: 'remove'; i: number }
  | { op: 'add'; text: string }
  | { op: 'reid'; i: number }
  | { op: 'tie'; i: number; tie: (typeof TIE_STRENGTHS)[number] }
  | { op: 'reorder'; i: number; order: number };

const index = fc.nat({ max: 10_000 });
const words = fc.string({ minLength: 1, maxLength: 10 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('rename' as const), i: index, text: words }),
  fc.record({ op: fc.constant('move' as const), i: index, dx: fc.integer({ min: -300, max: 300 }), dy: fc.integer({ min: -300, max: 300 }) }),
  fc.record({ op: fc.constant('details' as const), i: index, text: fc.string({ maxLength: 10 }) }),
  fc.record({ op: fc.constant('remove' as const), i: index }),
  fc.record({ op: fc.constant('add' as const), text: words }),
  fc.record({ op: fc.constant('reid' as const), i: index }),
  fc.record({ op: fc.constant('tie' as const), i: index, tie: fc.constantFrom(...TIE_STRENGTHS) }),
  fc.record({ op: fc.constant('reorder' as const), i: index, order: fc.integer({ min: 0, max: 50 }) }),
);

/** Applies edits as the app would make them (and as a spreadsheet re-import would: new ids, same names). */
function mutate(doc: AssetMapDoc, edits: Mutation[]): AssetMapDoc {
  const d = structuredClone(doc);
  let fresh = 0;
  for (const m of edits) {
    const ids = Object.keys(d.nodes);
    const node = ids.length ? d.nodes[ids[('i' in m ? m.i : 0) % ids.length]!]! : undefined;
    switch (m.op) {
      case 'rename':
        if (node) node.label = m.text;
        break;
      case 'move':
        if (node) {
          node.x += m.dx;
          node.y += m.dy;
        }
        break;
      case 'details':
        if (node) node.details = m.text;
        break;
      case 'reorder':
        if (node) node.order = m.order;
        break;
      case 'remove': {
        if (!node) break;
        const gone = getSubtreeIds(d, [node.id]);
        for (const id of gone) delete d.nodes[id];
        for (const e of Object.values(d.edges)) if (gone.has(e.source) || gone.has(e.target)) delete d.edges[e.id];
        for (const n of Object.values(d.nodes)) {
          if (isImprovement(n) && n.owner && gone.has(n.owner)) delete n.owner;
          if (isAsset(n) && n.contactOwners) n.contactOwners = n.contactOwners.filter((o) => !gone.has(o));
        }
        break;
      }
      case 'add': {
        const id = `added_${fresh++}`;
        d.nodes[id] = { id, kind: 'partner', label: m.text, x: fresh * 40, y: 900, order: 99 };
        break;
      }
      case 'reid': {
        if (!node || !isAsset(node)) break;
        const id = `again_${fresh++}`;
        delete d.nodes[node.id];
        d.nodes[id] = { ...node, id };
        for (const n of Object.values(d.nodes)) {
          if (isAttached(n) && n.attachedTo === node.id) n.attachedTo = id;
          if (isImprovement(n) && n.owner === node.id) n.owner = id;
          if (isAsset(n) && n.contactOwners) n.contactOwners = n.contactOwners.map((o) => (o === node.id ? id : o));
        }
        for (const e of Object.values(d.edges)) {
          if (e.source === node.id) e.source = id;
          if (e.target === node.id) e.target = id;
        }
        break;
      }
      case 'tie': {
        const edges = Object.values(d.edges);
        const e = edges[m.i % Math.max(1, edges.length)];
        if (e?.kind === 'relationship') e.tie = m.tie;
        break;
      }
    }
  }
  return d;
}

const items = (d: Pick<AssetMapDoc, 'nodes' | 'edges'>) => ({ nodes: d.nodes, edges: d.edges });

describe('comparing two states of a map', () => {
  const sunnydale = buildExample(SUNNYDALE, 'm');

  it('finds nothing between a map and itself, or a copy of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 12 }), (seed, assets) => {
        const a = generateMap(assets, seed);
        expect(diffMaps(a, a).nodes).toEqual([]);
        const d = diffMaps(a, structuredClone(a));
        expect(d.nodes).toEqual([]);
        expect(d.edges).toEqual([]);
        expect(d.counts).toEqual({ added: 0, removed: 0, changed: 0, moved: 0 });
      }),
      { numRuns: 40 },
    );
  });

  it('says everything that differs: applying the changes from A to B to A gives B', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 10 }), fc.array(mutation, { maxLength: 12 }), (seed, assets, edits) => {
        const a = generateMap(assets, seed);
        const b = mutate(a, edits);
        expect(applyDiff(a, diffMaps(a, b))).toEqual(items(b));
      }),
      { numRuns: 150 },
    );
  });

  it('reports an edit as one change, however the item was renamed or re-made', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(), words, (seed, pick, name) => {
        const a = generateMap(4, seed);
        const assets = Object.values(a.nodes).filter(isAsset);
        const target = assets[pick % assets.length]!;
        // Renamed in place: one change, the name.
        const renamed = mutate(a, [{ op: 'rename', i: Object.keys(a.nodes).indexOf(target.id), text: `${name}!` }]);
        const d = diffMaps(a, renamed);
        expect(d.nodes.map((c) => [c.status, c.id, c.fields.map((f) => f.field)])).toEqual([['changed', target.id, ['label']]]);
        // Made again under a new id with the same name (as a spreadsheet brings it back): nothing changed.
        const remade = mutate(a, [{ op: 'reid', i: Object.keys(a.nodes).indexOf(target.id) }]);
        const r = diffMaps(a, remade);
        expect(r.nodes).toEqual([]);
        expect(r.edges).toEqual([]);
        expect(Object.values(r.renamedIds)).toContain('again_0');
      }),
      { numRuns: 40 },
    );
  });

  it('reports an item that only moved as moved, not as a change of content', () => {
    const b = structuredClone(sunnydale);
    b.nodes.school!.x += 120;
    b.nodes.school!.y -= 40;
    b.nodes.friends!.order = 42;
    const d = diffMaps(sunnydale, b);
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 0, moved: 2 });
    const school = d.nodes.find((c) => c.id === 'school')!;
    expect(school.fields).toEqual([]);
    expect(school.moved).toEqual({ from: { x: sunnydale.nodes.school!.x, y: sunnydale.nodes.school!.y }, to: { x: b.nodes.school!.x, y: b.nodes.school!.y } });
    expect(describeChange(school)).toBe('moved on the map');
    expect(describeChange(d.nodes.find((c) => c.id === 'friends')!)).toBe('moved in the worksheet');
    // Moved and edited: a change of content that also says it moved.
    b.nodes.school!.details = 'Meets monthly';
    const both = diffMaps(sunnydale, b).nodes.find((c) => c.id === 'school')!;
    expect(both.status).toBe('changed');
    expect(describeChange(both)).toBe('details set to “Meets monthly”; moved');
  });

  it('describes changes in words, naming people by name', () => {
    const b = structuredClone(sunnydale);
    b.nodes.school!.label = 'Lincoln School Partnership';
    const partner = b.nodes.school as { contactOwners?: string[]; lastContact?: string };
    partner.contactOwners = ['children'];
    partner.lastContact = '2026-03-14';
    Object.assign(b, mutate(b, [{ op: 'remove', i: Object.keys(b.nodes).indexOf('friends') }]));
    b.nodes.p_new = { id: 'p_new', kind: 'partner', label: 'Makers Guild', x: 0, y: 0, order: 9 };
    const d = diffMaps(sunnydale, b);
    expect(d.counts.added).toBe(1);
    expect(d.counts.changed).toBe(1);
    expect(d.nodes.filter((c) => c.status === 'removed').map((c) => c.id)).toContain('friends');
    const change = d.nodes.find((c) => c.status === 'changed')!;
    const words = describeChange(change, namesFor(sunnydale, b));
    expect(words).toContain('renamed from “School Partnership” to “Lincoln School Partnership”');
    expect(words).toContain('contact owner set to “Children’s Services staff”'.replace('’', "'"));
    expect(words).toContain('last contact set to “2026-03-14”');
  });

  it('tells what goes with an asset added or removed as part of it, not as changes of their own', () => {
    const b = mutate(sunnydale, [{ op: 'remove', i: Object.keys(sunnydale.nodes).indexOf('school') }]);
    const d = diffMaps(sunnydale, b);
    expect(d.counts).toEqual({ added: 0, removed: 1, changed: 0, moved: 0 });
    expect(d.nodes.filter((c) => c.status === 'removed').length).toBeGreaterThan(1);
    expect(d.nodes.filter((c) => c.status === 'removed' && !c.partOf).map((c) => c.id)).toEqual(['school']);
    expect(partsWords(d).get('school')).toMatch(/^with \d+ attached items and \d+ connections?$/);
  });

  it('matches by kind and name only items left over on both sides, one for one', () => {
    const a = structuredClone(sunnydale);
    a.nodes.x1 = { id: 'x1', kind: 'space', label: 'Study room', x: 0, y: 0, order: 1 };
    a.nodes.x2 = { id: 'x2', kind: 'space', label: 'Study room', x: 0, y: 0, order: 2 };
    const b = structuredClone(sunnydale);
    b.nodes.y1 = { id: 'y1', kind: 'space', label: 'study  ROOM', x: 0, y: 0, order: 1 };
    b.nodes.y2 = { id: 'y2', kind: 'resource', label: 'Study room', x: 0, y: 0, order: 2 };
    const d = diffMaps(a, b);
    // "study  ROOM" is the same space, its name written differently: a change of name, not a new space.
    expect(d.nodes.map((c) => `${c.status} ${c.beforeId ?? ''}→${c.id}`).sort()).toEqual(['added →y2', 'changed x1→y1', 'removed →x2']);
    expect(d.nodes.find((c) => c.id === 'y1')!.fields.map((f) => f.field)).toEqual(['label']);
  });

  it('compares a 1,000-asset map with its edited copy in well under a second', () => {
    const a = generateMap(1000, 3);
    const b = mutate(a, [
      { op: 'rename', i: 10, text: 'Renamed' },
      { op: 'remove', i: 500 },
      { op: 'add', text: 'New partner' },
      ...Array.from({ length: 50 }, (_, i) => ({ op: 'reid' as const, i: i * 97 })),
    ]);
    const t = performance.now();
    const d = diffMaps(a, b);
    const ms = performance.now() - t;
    expect(d.counts.added).toBeGreaterThan(0);
    expect(applyDiff(a, d)).toEqual(items(b));
    expect(ms).toBeLessThan(1000);
  });
});
