import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { type AssetMapDoc, SUNNYDALE, buildExample, commands, emptyDoc, getSubtreeIds, isAsset } from '../../src/model';

const run = <K extends keyof typeof commands>(doc: AssetMapDoc, name: K, payload: Parameters<(typeof commands)[K]>[1]) =>
  produce(doc, (d) => {
    (commands[name] as (d: AssetMapDoc, p: unknown) => void)(d as AssetMapDoc, payload);
  });

describe('the Sunnydale example', () => {
  const doc = buildExample(SUNNYDALE);
  it('holds the seed table word for word', () => {
    const row = (label: string) => {
      const asset = Object.values(doc.nodes).find((n) => n.label === label)!;
      const items = Object.values(doc.nodes).filter((n) => 'attachedTo' in n && getSubtreeIds(doc, [asset.id]).has(n.id));
      const of = (kind: string) => items.filter((n) => n.kind === kind).map((n) => n.label);
      return { kind: asset.kind, strengths: of('strength'), weaknesses: of('weakness'), improvements: of('improvement') };
    };
    expect(row('Neighborhood Association 1')).toEqual({
      kind: 'partner',
      strengths: ['Many bilingual - English/Farsi Speakers'],
      weaknesses: ['Distance from library makes it difficult to volunteer'],
      improvements: ['Work with the association to organize a carpool for volunteers'],
    });
    expect(row('School Partnership')).toEqual({
      kind: 'partner',
      strengths: ['Teachers', 'PTA', 'Gym and Auditorium spaces'],
      weaknesses: ['Busy schedule makes coordination difficult'],
      improvements: ['Work with the teachers and PTA to make a shared calendar that is updated weekly'],
    });
    expect(row('Neighborhood Association 2')).toEqual({
      kind: 'partner',
      strengths: ['Owns a building with a large meeting space', 'Provides technology'],
      weaknesses: ['Has few members'],
      improvements: ['Collaborate with the association to help recruit more members in exchange for resources'],
    });
    expect(row('Meeting Room').strengths).toEqual(['50 person capacity']);
    const labels = Object.values(doc.nodes).filter(isAsset).map((n) => n.label);
    expect(labels).toEqual(expect.arrayContaining(["Children's Services staff", 'Technology acquisition', 'Friends group', 'High school']));
  });
});

describe('commands', () => {
  const base = () => {
    let d = emptyDoc('T', 'm1');
    d = run(d, 'addAsset', { id: 'a', kind: 'partner', label: 'A', x: 0, y: 0 });
    d = run(d, 'addAsset', { id: 'b', kind: 'staff', label: 'B', x: 300, y: 0 });
    d = run(d, 'addAttachment', { id: 'w', kind: 'weakness', attachedTo: 'a', label: 'W', x: 10, y: 60 });
    d = run(d, 'addAttachment', { id: 'i', kind: 'improvement', attachedTo: 'w', label: 'I', x: 10, y: 120, owner: 'b' });
    d = run(d, 'addAttachment', { id: 's', kind: 'strength', attachedTo: 'a', label: 'S', x: 10, y: 180 });
    d = run(d, 'linkAssets', { id: 'e', kind: 'relationship', source: 'b', target: 'a' });
    return d;
  };

  it('adds assets in worksheet order and attachments to valid owners only', () => {
    const d = base();
    expect(d.nodes.a!.order).toBe(0);
    expect(d.nodes.b!.order).toBe(1);
    // A strength cannot hang from a weakness; an improvement can.
    const bad = run(d, 'addAttachment', { id: 'x', kind: 'strength', attachedTo: 'w', label: 'X', x: 0, y: 0 });
    expect(bad).toBe(d);
    expect(d.edges.e!.tie).toBe('regular');
  });

  it('refuses duplicate and invalid links', () => {
    const d = base();
    expect(run(d, 'linkAssets', { id: 'e2', kind: 'relationship', source: 'a', target: 'b' })).toBe(d);
    expect(run(d, 'linkAssets', { id: 'e3', kind: 'relationship', source: 's', target: 'b' })).toBe(d);
    const sup = run(d, 'linkAssets', { id: 'e4', kind: 'supports', source: 's', target: 'b' });
    expect(sup.edges.e4).toEqual({ id: 'e4', kind: 'supports', source: 's', target: 'b' });
  });

  it('deletes an asset with everything attached and every edge touching it', () => {
    const d = run(base(), 'deleteNodes', { ids: ['a'] });
    expect(Object.keys(d.nodes)).toEqual(['b']);
    expect(d.edges).toEqual({});
  });

  it('clears an improvement owner when the owner is deleted', () => {
    const d = run(base(), 'deleteNodes', { ids: ['b'] });
    expect(d.nodes.i).toBeDefined();
    expect('owner' in d.nodes.i!).toBe(false);
  });

  it('drops routes of moved nodes only', () => {
    let d = base();
    d = run(d, 'applyLayout', {
      positions: {},
      routes: { e: [{ x: 0, y: 0 }, { x: 1, y: 1 }], 'a:w': [{ x: 0, y: 0 }, { x: 1, y: 1 }], 'a:s': [{ x: 0, y: 0 }, { x: 2, y: 2 }] },
    });
    d = run(d, 'moveNodes', { positions: { w: { x: 50, y: 50 } } });
    expect(Object.keys(d.routes).sort()).toEqual(['a:s', 'e']);
    d = run(d, 'moveNodes', { positions: { a: { x: 5, y: 5 } } });
    expect(d.routes).toEqual({});
  });

  it('edits a list cell keeping ids of unchanged items', () => {
    let d = base();
    d = run(d, 'setAttachmentList', { assetId: 'a', kind: 'strength', labels: ['S', 'T'], newIds: ['t'], newPositions: [{ x: 1, y: 2 }] });
    expect(d.nodes.s!.label).toBe('S');
    expect(d.nodes.t).toMatchObject({ kind: 'strength', label: 'T', attachedTo: 'a', x: 1, y: 2 });
    d = run(d, 'setAttachmentList', { assetId: 'a', kind: 'weakness', labels: [], newIds: [], newPositions: [] });
    expect(d.nodes.w).toBeUndefined();
    expect(d.nodes.i).toBeUndefined();
  });

  it('reorders assets', () => {
    const d = run(base(), 'reorderNode', { id: 'b', before: 'a' });
    expect(d.nodes.b!.order).toBeLessThan(d.nodes.a!.order);
  });
});
