import { describe, expect, it } from 'vitest';
import { type AssetMapDoc, type MapNode, emptyDoc } from '../../src/model';
import { buildBlocks, componentsOf, linksOf } from '../../src/layout/components';
import { layoutComponents, placeComponents } from '../../src/layout/layoutMap';
import { nodeSize } from '../../src/look/measure';
import { getAssets } from '../../src/model';

/** Five assets; s1 has a strength. s1 and s2 are linked twice; the rest stand alone. */
function smallDoc(): AssetMapDoc {
  const doc = emptyDoc('Components', 'map_components');
  const asset = (id: string, kind: 'partner' | 'staff', order: number): MapNode => ({ id, kind, label: id, x: 0, y: 0, order });
  for (const n of [asset('p1', 'partner', 0), asset('s1', 'staff', 1), asset('s2', 'staff', 2), asset('s3', 'staff', 3), asset('p2', 'partner', 4)]) doc.nodes[n.id] = n;
  doc.nodes['s1.s0'] = { id: 's1.s0', kind: 'strength', label: 'Knows everyone', x: 0, y: 0, order: 0, attachedTo: 's1' };
  doc.edges = {
    e4: { id: 'e4', kind: 'relationship', source: 's2', target: 's1' },
    e3: { id: 'e3', kind: 'relationship', source: 's1', target: 's2' },
    e2: { id: 'e2', kind: 'relationship', source: 's2', target: 's2' },
    e1: { id: 'e1', kind: 'supports', source: 's1.s0', target: 's1' },
    e0: { id: 'e0', kind: 'supports', source: 'gone', target: 's1' },
  };
  return doc;
}

describe('blocks, links and components (the stages before the engines)', () => {
  const doc = smallDoc();
  const assets = getAssets(doc);
  const { blocks, itemAt } = buildBlocks(doc, assets, nodeSize, 'LR');

  it('one block per asset, holding its items', () => {
    expect([...blocks.keys()].sort()).toEqual(['p1', 'p2', 's1', 's2', 's3']);
    expect([...itemAt.keys()]).toEqual(['s1.s0']);
    expect(blocks.get('s1')!.items.map((it) => it.id)).toEqual(['s1.s0']);
  });

  it('links by edge id: those inside one block apart; none to a missing node, none from a node to itself', () => {
    const { between, inner } = linksOf(doc, itemAt);
    expect(between).toEqual([
      { id: 'e3', from: 's1', to: 's2', fromAsset: 's1', toAsset: 's2' },
      { id: 'e4', from: 's2', to: 's1', fromAsset: 's2', toAsset: 's1' },
    ]);
    expect(inner).toEqual([{ id: 'e1', from: 's1.s0', to: 's1', fromAsset: 's1', toAsset: 's1' }]);
  });

  it('components larger first, lone assets by kind (partners first) and order; parallel links share a channel', () => {
    const components = componentsOf(assets, blocks, linksOf(doc, itemAt).between);
    expect(components.map((c) => c.blocks.map((b) => b.asset.id))).toEqual([['s1', 's2'], ['p1'], ['p2'], ['s3']]);
    expect(components[0]!.pairs.map((p) => [p.tail, p.head, p.links.map((l) => l.id)])).toEqual([['s1', 's2', ['e3', 'e4']]]);
    expect(components.slice(1).every((c) => c.pairs.length === 0)).toBe(true);
  });

  it('places components at their packed offsets, items and attachment routes with their blocks', () => {
    const components = componentsOf(assets, blocks, linksOf(doc, itemAt).between);
    const laid = layoutComponents(components, itemAt, { direction: 'LR', spacing: 60 });
    expect(laid.map((c) => [...c.at.keys()])).toEqual([['s1', 's2'], ['p1'], ['p2'], ['s3']]);
    const offsets = [
      { x: 0, y: 0 },
      { x: 1000, y: 0 },
      { x: 1000, y: 500 },
      { x: 2000, y: 0 },
    ];
    const drawing = placeComponents(components, laid, offsets, new Map(blocks), new Map(itemAt));
    const s1 = laid[0]!.at.get('s1')!;
    expect(drawing.positions.p2).toEqual({ x: 1000, y: 500 });
    expect(drawing.positions.s1).toEqual(s1);
    // An item keeps its place in its block; attachment routes move with the block.
    const item = blocks.get('s1')!.items[0]!;
    expect(drawing.positions['s1.s0']).toEqual({ x: s1.x + item.x, y: s1.y + item.y });
    expect(drawing.routes['a:s1.s0']).toEqual(blocks.get('s1')!.routes['a:s1.s0']!.map((p) => ({ x: p.x + s1.x, y: p.y + s1.y })));
    expect(drawing.width).toBe(2000 + laid[3]!.width);
  });
});
