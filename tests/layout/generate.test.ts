import { describe, expect, it } from 'vitest';
import { generateMap } from '../support/generateMap';
import { isAsset, isAttached } from '../../src/model';

describe('generateMap (benchmark and test maps)', () => {
  it('is reproducible from its seed', () => {
    expect(generateMap(200, 5)).toEqual(generateMap(200, 5));
    expect(generateMap(200, 5)).not.toEqual(generateMap(200, 6));
  });

  it('gives each asset 2–4 strengths, 1–2 weaknesses and one improvement, all attached to real nodes', () => {
    const doc = generateMap(300, 1);
    const assets = Object.values(doc.nodes).filter(isAsset);
    expect(assets).toHaveLength(300);
    for (const a of assets) {
      const items = Object.values(doc.nodes).filter((n) => isAttached(n) && (n.attachedTo === a.id || n.attachedTo.startsWith(`${a.id}.`)));
      const count = (kind: string) => items.filter((n) => n.kind === kind).length;
      expect(count('strength')).toBeGreaterThanOrEqual(2);
      expect(count('strength')).toBeLessThanOrEqual(4);
      expect(count('weakness')).toBeGreaterThanOrEqual(1);
      expect(count('weakness')).toBeLessThanOrEqual(2);
      expect(count('improvement')).toBe(1);
    }
    for (const n of Object.values(doc.nodes)) if (isAttached(n)) expect(doc.nodes[n.attachedTo]).toBeDefined();
  });

  it('mixes kinds as a library would, with about 1.5 links per asset across the map', () => {
    const doc = generateMap(2000, 1);
    const assets = Object.values(doc.nodes).filter(isAsset);
    const share = (kind: string) => assets.filter((a) => a.kind === kind).length / assets.length;
    expect(share('staff')).toBeCloseTo(0.4, 1);
    expect(share('partner')).toBeCloseTo(0.25, 1);
    expect(share('resource')).toBeCloseTo(0.15, 1);
    const edges = Object.values(doc.edges);
    expect(edges).toHaveLength(3000);
    for (const e of edges) {
      expect(doc.nodes[e.source]).toBeDefined();
      expect(doc.nodes[e.target]).toBeDefined();
    }
    const kindOf = (id: string) => doc.nodes[id]!.kind;
    const rel = edges.filter((e) => e.kind === 'relationship');
    const staffPartner = rel.filter((e) => [kindOf(e.source), kindOf(e.target)].sort().join() === 'partner,staff').length;
    expect(staffPartner / rel.length).toBeGreaterThan(0.4);
    const supports = edges.filter((e) => e.kind === 'supports');
    expect(supports.length).toBeGreaterThan(200);
    for (const e of supports) expect(kindOf(e.source)).toBe('strength');
    const labels = Object.values(doc.nodes).map((n) => n.label.length);
    expect(Math.min(...labels)).toBeGreaterThan(2);
    expect(Math.max(...labels)).toBeGreaterThan(50);
  });
});
