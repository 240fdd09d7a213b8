import { describe, expect, it } from 'vitest';
import { type AssetMapDoc, type LayoutDirection, SUNNYDALE, buildExample, isAsset } from '../../src/model';
import { layoutMap } from '../../src/layout/layoutMap';
import { nodeSize } from '../../src/look/measure';
import { findOverlaps } from '../support/layoutMetrics';
import { generateMap, withLocalLinks } from '../support/generateMap';
import { boxesOf, checkRoutes } from './geometry';

const sunnydale = () => buildExample(SUNNYDALE, 'sunnydale');
const directions: LayoutDirection[] = ['LR', 'TB'];

describe.each(directions)('layoutMap on the Sunnydale example, %s', (direction) => {
  const options = { direction, spacing: 60 };

  it('places every node, and no two node rectangles overlap', () => {
    const doc = sunnydale();
    const result = layoutMap(doc, options);
    expect(Object.keys(result.positions).sort()).toEqual(Object.keys(doc.nodes).sort());
    expect(findOverlaps(boxesOf(doc, result))).toEqual([]);
  });

  it('returns top-left corners: each asset starts its block, and the drawing starts at 0,0', () => {
    const doc = sunnydale();
    const result = layoutMap(doc, options);
    const boxes = boxesOf(doc, result);
    expect(Math.min(...boxes.map((b) => b.x))).toBe(0);
    expect(Math.min(...boxes.map((b) => b.y))).toBe(0);
    for (const node of Object.values(doc.nodes)) {
      if (isAsset(node) || !('attachedTo' in node)) continue;
      // An item sits below (LR) or beside (TB) its asset's corner, never above or left of it, as it would if
      // positions were dagre's centre points.
      const owner = node.attachedTo.includes('.') ? node.attachedTo.split('.')[0]! : node.attachedTo;
      const asset = result.positions[owner]!;
      const item = result.positions[node.id]!;
      expect(item.x).toBeGreaterThan(asset.x);
      if (direction === 'LR') expect(item.y).toBeGreaterThanOrEqual(asset.y + nodeSize(doc.nodes[owner]!).height);
      else expect(item.x).toBeGreaterThanOrEqual(asset.x + nodeSize(doc.nodes[owner]!).width);
    }
    expect(result.width).toBeGreaterThanOrEqual(Math.max(...boxes.map((b) => b.x + b.width)));
    expect(result.height).toBeGreaterThanOrEqual(Math.max(...boxes.map((b) => b.y + b.height)));
  });

  it('a lone asset is placed with its corner at the origin', () => {
    const doc: AssetMapDoc = { ...sunnydale(), nodes: {}, edges: {} };
    doc.nodes.a = { id: 'a', kind: 'staff', label: 'Reference librarian', x: 0, y: 0, order: 0 };
    expect(layoutMap(doc, options).positions.a).toEqual({ x: 0, y: 0 });
  });

  it('gives the same result for the same input', () => {
    const first = layoutMap(sunnydale(), options);
    const second = layoutMap(structuredClone(sunnydale()), options);
    expect(second).toEqual(first);
  });

  it('routes every drawn edge from the border of its source to the border of its target, around other nodes', () => {
    const doc = sunnydale();
    expect(checkRoutes(doc, layoutMap(doc, options))).toEqual([]);
  });
});

describe('layoutMap, links inside one block', () => {
  it.each(directions)('%s: a strength supporting its own asset is routed outside the block, from border to border', (direction) => {
    const doc = sunnydale();
    doc.edges.own = { id: 'own', kind: 'supports', source: 'school.s1', target: 'school' };
    doc.edges.own2 = { id: 'own2', kind: 'supports', source: 'na2.s0', target: 'na2.w0' };
    const result = layoutMap(doc, { direction, spacing: 60 });
    expect(checkRoutes(doc, result)).toEqual([]);
    expect(findOverlaps(boxesOf(doc, result))).toEqual([]);
    for (const p of Object.values(result.routes).flat()) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('layoutMap on damaged documents', () => {
  it('still places a node no block holds (an item attached to a strength), clear of the rest', () => {
    const doc = sunnydale();
    doc.nodes.odd = { id: 'odd', kind: 'improvement', label: 'Attached to a strength', attachedTo: 'school.s0', status: 'idea', x: 0, y: 0, order: 0 };
    doc.nodes.lost = { id: 'lost', kind: 'strength', label: 'Owner deleted', attachedTo: 'gone', x: 0, y: 0, order: 0 };
    const result = layoutMap(doc, { direction: 'LR', spacing: 60 });
    expect(Object.keys(result.positions).sort()).toEqual(Object.keys(doc.nodes).sort());
    expect(findOverlaps(boxesOf(doc, result))).toEqual([]);
    expect(result.height).toBeGreaterThanOrEqual(result.positions.odd!.y + nodeSize(doc.nodes.odd!).height);
  });
});

describe('layoutMap on generated maps', () => {
  it.each([100, 500])('%i assets: no overlaps, and every route starts and ends on its nodes and avoids the rest', (assets) => {
    const doc = generateMap(assets, 1);
    for (const direction of directions) {
      const result = layoutMap(doc, { direction, spacing: 60 });
      expect(Object.keys(result.positions)).toHaveLength(Object.keys(doc.nodes).length);
      expect(findOverlaps(boxesOf(doc, result))).toEqual([]);
      expect(checkRoutes(doc, result)).toEqual([]);
    }
  });

  it.each([1000, 2000])('%i assets: the drawing comes out about the shape of a landscape page, not a strip', (assets) => {
    const doc = generateMap(assets, 1);
    for (const direction of directions) {
      const result = layoutMap(doc, { direction, spacing: 60 });
      const aspect = result.width / result.height;
      // Width:height between 1:1 and 2:1; a layout by levels alone made 1:36 here (LR) and 53:1 (TB).
      expect(aspect).toBeGreaterThanOrEqual(1);
      expect(aspect).toBeLessThanOrEqual(2);
      expect(findOverlaps(boxesOf(doc, result))).toEqual([]);
    }
  });

  it('a map whose links join near neighbours (many thin levels) folds the other way, and keeps its routes', () => {
    const doc = withLocalLinks(generateMap(400, 1), 3);
    for (const direction of directions) {
      const result = layoutMap(doc, { direction, spacing: 60 });
      const aspect = result.width / result.height;
      expect(aspect).toBeGreaterThanOrEqual(0.5);
      expect(aspect).toBeLessThanOrEqual(2);
      expect(findOverlaps(boxesOf(doc, result))).toEqual([]);
      expect(checkRoutes(doc, result)).toEqual([]);
    }
  });

  it.each(directions)('%s: a small map whose colleagues form one chain folds instead of making a line', (direction) => {
    const doc = generateMap(20, 1);
    const ids = Object.values(doc.nodes).filter(isAsset).map((a) => a.id);
    doc.edges = Object.fromEntries(ids.slice(1).map((id, i) => [`c${i}`, { id: `c${i}`, kind: 'relationship' as const, source: ids[i]!, target: id }]));
    const result = layoutMap(doc, { direction, spacing: 60 });
    const aspect = result.width / result.height;
    expect(aspect).toBeGreaterThanOrEqual(1 / 3);
    expect(aspect).toBeLessThanOrEqual(3);
    expect(findOverlaps(boxesOf(doc, result))).toEqual([]);
    expect(checkRoutes(doc, result)).toEqual([]);
  });

  it('respects the spacing: blocks of different assets keep at least that far apart on one side', () => {
    const doc = generateMap(100, 2);
    const result = layoutMap(doc, { direction: 'LR', spacing: 80 });
    const blocks = Object.values(doc.nodes)
      .filter(isAsset)
      .map((a) => {
        const ids = Object.values(doc.nodes).filter((n) => n.id === a.id || n.id.startsWith(`${a.id}.`));
        const boxes = boxesOf({ ...doc, nodes: Object.fromEntries(ids.map((n) => [n.id, n])) }, result);
        const x = Math.min(...boxes.map((b) => b.x));
        const y = Math.min(...boxes.map((b) => b.y));
        return { id: a.id, x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
      });
    // Grown by half the spacing less a pixel on every side, blocks still do not overlap.
    const grown = blocks.map((b) => ({ ...b, x: b.x - 39, y: b.y - 39, width: b.width + 78, height: b.height + 78 }));
    expect(findOverlaps(grown)).toEqual([]);
  });
});

describe('layoutMap state', () => {
  it('builds a fresh graph per call: a deleted node does not come back or leave a gap', () => {
    const doc = sunnydale();
    layoutMap(doc, { direction: 'LR', spacing: 60 });
    // Delete a partner and the relationship to it, then lay out again.
    const without = structuredClone(doc);
    delete without.nodes.friends;
    delete without.edges.rel1;
    const again = layoutMap(without, { direction: 'LR', spacing: 60 });
    expect(again.positions.friends).toBeUndefined();
    expect(again.routes.rel1).toBeUndefined();
    // Exactly what a first layout of that document gives: nothing was carried over from the earlier call.
    const fresh = structuredClone(without);
    expect(again).toEqual(layoutMap(fresh, { direction: 'LR', spacing: 60 }));
  });

  it('uses given sizes over computed ones, from a function or a plain map', () => {
    const doc = sunnydale();
    const big = { width: 300, height: 120 };
    const bySizeOf = layoutMap(doc, { direction: 'LR', spacing: 60, sizeOf: (n) => (n.id === 'school' ? big : undefined) });
    const bySizes = layoutMap(doc, { direction: 'LR', spacing: 60, sizes: { school: big } });
    expect(bySizes).toEqual(bySizeOf);
    const school = bySizes.positions.school!;
    const firstItem = bySizes.positions['school.s0']!;
    expect(firstItem.y).toBeGreaterThanOrEqual(school.y + big.height);
  });
});
