/** How many ties each asset has, and how that sizes it. */
import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample, commands, getTieCounts } from '../../src/model';
import { MAX_TIE_GROWTH, TAG_PALETTE, tagLook, tieScale } from '../../src/look';
import { generateMap } from '../support/generateMap';

describe('ties', () => {
  it('counts each relationship and supports connection once at each end', () => {
    const doc = buildExample(SUNNYDALE, 'm1');
    const { counts, max } = getTieCounts(doc);
    for (const [id, n] of counts) {
      expect(n).toBe(Object.values(doc.edges).filter((e) => e.source === id || e.target === id).length);
    }
    expect(max).toBe(Math.max(...counts.values()));
    expect(counts.get('high')).toBeUndefined();
  });

  it('is worked out once per set of connections: a move or rename reuses it, a new connection does not', () => {
    const doc = buildExample(SUNNYDALE, 'm1');
    const first = getTieCounts(doc);
    const moved = { ...doc, nodes: { ...doc.nodes, school: { ...doc.nodes.school!, x: 99 } } };
    expect(getTieCounts(moved)).toBe(first);
    const linked = structuredClone(doc);
    commands.linkAssets(linked, { id: 'new', kind: 'relationship', source: 'high', target: 'na1' });
    const again = getTieCounts(linked);
    expect(again).not.toBe(first);
    expect(again.counts.get('high')).toBe(1);
  });

  it('a 1,000-asset map: one pass over its connections', () => {
    const doc = generateMap(1000, 3);
    const edges = Object.keys(doc.edges).length;
    let reads = 0;
    const counted = new Proxy(doc.edges, {
      ownKeys: (t) => {
        reads++;
        return Reflect.ownKeys(t);
      },
    });
    const { counts } = getTieCounts({ edges: counted });
    expect(reads).toBe(1);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(2 * edges - Object.values(doc.edges).filter((e) => e.source === e.target).length);
  });

  it('sizes: none stays as it is, the busiest grows the most, never past the limit', () => {
    expect(tieScale(0, 5)).toBe(1);
    expect(tieScale(3, 0)).toBe(1);
    expect(tieScale(5, 5)).toBeCloseTo(1 + MAX_TIE_GROWTH);
    expect(tieScale(9, 5)).toBeCloseTo(1 + MAX_TIE_GROWTH);
    const sizes = [1, 2, 3, 4, 5].map((n) => tieScale(n, 5));
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThan(sizes[i - 1]!);
  });
});

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('tag colours', () => {
  it('every colour of the palette reads at 4.5:1 or more', () => {
    for (const look of TAG_PALETTE) expect(contrast(look.fill, look.ink)).toBeGreaterThanOrEqual(4.5);
  });

  it('a tag has the same colour every time, and tags spread over the palette', () => {
    expect(tagLook('teens')).toBe(tagLook('teens'));
    const used = new Set(['teens', 'grant 2026', 'ESL', 'makerspace', 'seniors', 'outreach', 'STEM', 'summer'].map(tagLook));
    expect(used.size).toBeGreaterThan(3);
  });
});
