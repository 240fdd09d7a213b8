import { describe, expect, it } from 'vitest';
import { enablePatches, produceWithPatches } from 'immer';
import { type AssetMapDoc, emptyDoc, writeLayout } from '../../src/model';

enablePatches();

function twoAssets(): AssetMapDoc {
  const doc = emptyDoc('Layout', 'map_layout');
  doc.nodes.a = { id: 'a', kind: 'staff', label: 'A', x: 0, y: 0, order: 0 };
  doc.nodes.b = { id: 'b', kind: 'partner', label: 'B', x: 10, y: 20, order: 1 };
  doc.routes = { old: [{ x: 0, y: 0 }, { x: 1, y: 1 }] };
  return doc;
}

describe('writeLayout', () => {
  it('moves the nodes it places, ignores ids the map does not have, and replaces the routes', () => {
    const doc = twoAssets();
    const routes = { e: [{ x: 5, y: 5 }, { x: 9, y: 5 }] };
    writeLayout(doc, { positions: { a: { x: 100, y: 50 }, gone: { x: 1, y: 1 } }, routes });
    expect(doc.nodes.a).toMatchObject({ x: 100, y: 50 });
    expect(doc.nodes.b).toMatchObject({ x: 10, y: 20 });
    expect(doc.nodes.gone).toBeUndefined();
    expect(doc.routes).toBe(routes);
    expect(doc.layout).toEqual({ direction: 'LR', spacing: 60 });
  });

  it('sets the layout settings when given', () => {
    const doc = twoAssets();
    writeLayout(doc, { positions: {}, routes: {} }, { direction: 'TB', spacing: 40 });
    expect(doc.layout).toEqual({ direction: 'TB', spacing: 40 });
  });

  it('on a draft, records only the nodes that moved', () => {
    const [, patches] = produceWithPatches(twoAssets(), (draft) => {
      writeLayout(draft, { positions: { a: { x: 0, y: 0 }, b: { x: 10, y: 30 } }, routes: {} });
    });
    expect(patches.map((p) => p.path.join('.')).sort()).toEqual(['nodes.b.y', 'routes']);
  });
});
