/**
 * The analysis must stay linear in the size of the map. Wall-clock time depends on the machine, so these tests
 * count the work instead: candidate pairs scored per weakness or passion stay under a fixed bound, and ten times
 * the assets means about ten times the work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AnalysisStats,
  CANDIDATES_PER_KIND,
  SEARCH_LISTS,
  SUGGESTIONS_PER_COLLEAGUE,
  SUGGESTIONS_PER_WEAKNESS,
  getFindings,
} from '../../src/analysis';
import { MAX_BROKERS, MAX_GROUPS } from '../../src/analysis/structure';
import { generateMap } from '../support/generateMap';

const run = (assets: number) => {
  const doc = generateMap(assets, 7);
  const stats: AnalysisStats = { seekers: 0, comparisons: 0 };
  const findings = getFindings(doc, { stats });
  return { doc, stats, findings };
};

describe('on generated maps of 500, 2,000 and 5,000 assets', () => {
  let results: Map<number, ReturnType<typeof run>>;
  beforeAll(() => {
    results = new Map([500, 2000, 5000].map((n) => [n, run(n)]));
  }, 120_000);

  it('scores a bounded number of candidates per weakness or passion', () => {
    for (const { stats } of results.values()) {
      expect(stats.seekers).toBeGreaterThan(0);
      // The bound the code promises: one window per area of the seeker (twice for passions: partners and programs).
      expect(stats.comparisons).toBeLessThanOrEqual(stats.seekers * CANDIDATES_PER_KIND * SEARCH_LISTS * 2);
      // And in practice far less, as texts have an area or two.
      expect(stats.comparisons / stats.seekers).toBeLessThan(CANDIDATES_PER_KIND * 3);
    }
  });

  it('grows about linearly: 10 times the assets, about 10 times the work', () => {
    const small = results.get(500)!.stats;
    const large = results.get(5000)!.stats;
    const ratio = large.comparisons / small.comparisons;
    expect(ratio).toBeGreaterThan(5);
    expect(ratio).toBeLessThan(15);
  });

  it('keeps suggestions capped per weakness and per colleague', () => {
    const { doc, findings } = results.get(5000)!;
    const perWeakness = new Map<string, number>();
    const perColleague = new Map<string, number>();
    for (const f of findings) {
      if (f.kind !== 'suggested-connection') continue;
      const [first, second] = f.nodeIds as [string, string];
      // A colleague's passion for another asset's weakness counts for the weakness.
      if (doc.nodes[second]?.kind === 'weakness') perWeakness.set(second, (perWeakness.get(second) ?? 0) + 1);
      else perColleague.set(first, (perColleague.get(first) ?? 0) + 1);
    }
    expect(perWeakness.size).toBeGreaterThan(1000);
    expect(Math.max(...perWeakness.values())).toBeLessThanOrEqual(SUGGESTIONS_PER_WEAKNESS);
    expect(perColleague.size).toBeGreaterThan(100);
    expect(Math.max(...perColleague.values())).toBeLessThanOrEqual(SUGGESTIONS_PER_COLLEAGUE);
  });

  it('spreads suggestions over many strengths instead of offering the same few to everyone', () => {
    const { doc, findings } = results.get(5000)!;
    const strengths = new Set(
      findings.filter((f) => f.kind === 'suggested-connection' && doc.nodes[f.nodeIds[0]!]?.kind === 'strength').map((f) => f.nodeIds[0]),
    );
    expect(strengths.size).toBeGreaterThan(1000);
  });

  it('caps brokers and groups, so a large map does not bury the list', () => {
    for (const { findings } of results.values()) {
      expect(findings.filter((f) => f.kind === 'broker').length).toBeLessThanOrEqual(MAX_BROKERS);
      expect(findings.filter((f) => f.kind === 'separate-groups').length).toBeLessThanOrEqual(MAX_GROUPS * 2);
    }
  });

  it('gives the same list on a second run', () => {
    expect(getFindings(results.get(2000)!.doc)).toEqual(results.get(2000)!.findings);
  }, 30_000);
});
