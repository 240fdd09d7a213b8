/**
 * Rules every findings list keeps, on many generated maps with random dismissals and accepted suggestions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FINDING_KINDS, REFLECT_QUESTIONS, SUGGESTIONS_PER_WEAKNESS, compareFindings, getFindings, getReflectFacts } from '../../src/analysis';
import { type AssetMapDoc, isAsset } from '../../src/model';
import { generateMap } from '../support/generateMap';

const arbitraryMap = fc
  .record({ assets: fc.integer({ min: 0, max: 60 }), seed: fc.integer({ min: 1, max: 1_000_000 }), dismiss: fc.double({ min: 0, max: 0.5, noNaN: true }) })
  .map(({ assets, seed, dismiss }) => {
    const doc = generateMap(assets, seed);
    // Dismiss some of the suggestions and accept others, the way a user would.
    let k = 0;
    for (const f of getFindings(doc)) {
      if (f.kind !== 'suggested-connection') continue;
      const pick = ((seed + k++ * 7919) % 1000) / 1000;
      if (pick < dismiss) doc.dismissed[f.id] = true;
      else if (pick > 0.9) doc.edges[`acc${k}`] = { id: `acc${k}`, ...f.accept! };
    }
    return doc;
  });

/** What the runs checked in all: a property that met no suggestion or dismissal would prove nothing about them. */
const checked = { suggestions: 0, dismissed: 0 };

const check = (doc: AssetMapDoc) => {
  const findings = getFindings(doc);
  // Sorted, ids unique.
  expect([...findings].sort(compareFindings)).toEqual(findings);
  expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  const perWeakness = new Map<string, number>();
  for (const f of findings) {
    expect(FINDING_KINDS).toContain(f.kind);
    expect(f.reason).toMatch(/^[A-Z“].*[.]$/);
    expect(f.reason).not.toMatch(/undefined|NaN|\[object/);
    for (const id of [...f.nodeIds, ...f.assetIds]) expect(doc.nodes[id]).toBeDefined();
    for (const id of f.assetIds) expect(isAsset(doc.nodes[id])).toBe(true);
    if (f.kind !== 'suggested-connection') continue;
    checked.suggestions++;
    // Never dismissed, never the same asset on both sides, never an edge that is already there.
    expect(doc.dismissed[f.id]).toBeUndefined();
    expect(f.assetIds[0]).not.toBe(f.assetIds[1]);
    const { kind, source, target } = f.accept!;
    expect(isAsset(doc.nodes[target])).toBe(true);
    const exists = Object.values(doc.edges).some(
      (e) => e.kind === kind && ((e.source === source && e.target === target) || (kind === 'relationship' && e.source === target && e.target === source)),
    );
    expect(exists).toBe(false);
    expect(f.areas!.length).toBeGreaterThan(0);
    if (doc.nodes[f.nodeIds[0]!]?.kind === 'strength') {
      perWeakness.set(f.nodeIds[1]!, (perWeakness.get(f.nodeIds[1]!) ?? 0) + 1);
    }
  }
  for (const n of perWeakness.values()) expect(n).toBeLessThanOrEqual(SUGGESTIONS_PER_WEAKNESS);
  // Dismissed ones come back, marked, when asked for, and nothing else changes.
  const all = getFindings(doc, { includeDismissed: true });
  expect(all.filter((f) => !f.dismissed)).toEqual(findings);
  for (const f of all.filter((x) => x.dismissed)) {
    checked.dismissed++;
    expect(doc.dismissed[f.id]).toBe(true);
  }
  // Reflect facts are plain sentences.
  const facts = getReflectFacts(doc, findings);
  for (const q of REFLECT_QUESTIONS) {
    for (const fact of facts[q.id]) {
      expect(fact).toMatch(/^[A-Z0-9“].*[.]$/);
      expect(fact).not.toMatch(/undefined|NaN|\[object| {2}/);
    }
  }
};

describe('every findings list', () => {
  it('is sorted, consistent with the document, respects dismissals and existing edges, and reads as sentences', () => {
    fc.assert(fc.property(arbitraryMap, check), { numRuns: 40 });
    expect(checked.suggestions).toBeGreaterThan(100);
    expect(checked.dismissed).toBeGreaterThan(10);
  }, 60_000);
});

describe('dismissing suggestions', () => {
  it('never brings a dismissed one back while others are dismissed, accepted or lowered, and never pairs an asset with itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 40 }), fc.integer({ min: 1, max: 1_000_000 }), (assets, seed) => {
        const doc = generateMap(assets, seed);
        for (let round = 0; round < 6; round++) {
          const list = getFindings(doc).filter((f) => f.kind === 'suggested-connection');
          for (const f of list) {
            expect(doc.dismissed[f.id]).toBeUndefined();
            expect(f.assetIds[0]).not.toBe(f.assetIds[1]);
            expect(f.nodeIds[0]).not.toBe(f.nodeIds[1]);
          }
          const pick = list[(seed + round) % Math.max(1, list.length)];
          if (!pick) break;
          doc.dismissed[pick.id] = true;
        }
        // Restoring one brings it back to the list of dismissed no more.
        const keys = Object.keys(doc.dismissed);
        if (keys.length) {
          delete doc.dismissed[keys[0]!];
          expect(getFindings(doc, { includeDismissed: true }).filter((f) => f.dismissed).map((f) => f.id)).not.toContain(keys[0]);
        }
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});
