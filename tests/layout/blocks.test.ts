import { describe, expect, it } from 'vitest';
import { SUNNYDALE, attachmentEdgeId, buildExample, getAttachmentIndex, isAsset } from '../../src/model';
import { buildBlock, mirrorBlock } from '../../src/layout/blocks';
import { nodeSize } from '../../src/look/measure';
import { findOverlaps } from '../support/layoutMetrics';

const doc = buildExample(SUNNYDALE, 'sunnydale');
const school = doc.nodes.school;
if (!school || !isAsset(school)) throw new Error('the example has a School Partnership');

describe('asset blocks', () => {
  it('LR: items hang below the asset, indented, the improvement of a weakness one step further in', () => {
    const b = buildBlock(school, getAttachmentIndex(doc), nodeSize, 'LR');
    const weakness = b.items.find((it) => it.id === 'school.w0')!;
    const improvement = b.items.find((it) => it.id === 'school.i0')!;
    for (const it of b.items) expect(it.y).toBeGreaterThanOrEqual(b.assetSize.height);
    expect(improvement.x).toBeGreaterThan(weakness.x);
    expect(improvement.y).toBeGreaterThan(weakness.y);
    expect(findOverlaps(b.items.map((it) => ({ id: it.id, x: it.x, y: it.y, width: it.w, height: it.h })))).toEqual([]);
  });

  it('mirrored: the same block left to right, connectors on the right, every tie still on its item', () => {
    const b = buildBlock(school, getAttachmentIndex(doc), nodeSize, 'LR');
    const m = mirrorBlock(b);
    expect([m.width, m.height, m.mirrored, b.mirrored]).toEqual([b.width, b.height, true, false]);
    expect(m.assetAt + m.assetSize.width).toBe(m.width);
    b.items.forEach((it, i) => {
      const mi = m.items[i]!;
      expect(mi.x + mi.w).toBe(b.width - it.x);
      expect(mi.y).toBe(it.y);
      // The tie starts on the asset's bottom and ends on the item's side that faces the connectors.
      const route = m.routes[attachmentEdgeId(it.id)]!;
      const end = route[route.length - 1]!;
      expect(end.x).toBe(mi.x + mi.w);
      expect(end.y).toBeGreaterThanOrEqual(mi.y);
      expect(end.y).toBeLessThanOrEqual(mi.y + mi.h);
    });
  });
});
