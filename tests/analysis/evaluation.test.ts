/**
 * Suggested connections measured on labelled library maps: the pairs a librarian would make and the pairs that
 * must not be made. Fails when precision or recall over the set drops below 0.8.
 */
import { describe, expect, it } from 'vitest';
import { buildExample, isAsset } from '../../src/model';
import { LABELLED_MAPS } from './fixtures';
import { report, scoreMap, totals } from './evaluate';

describe('the labelled maps', () => {
  it('are at least six, with at least 80 labelled pairs, a third of them negative, and ids that exist', () => {
    expect(LABELLED_MAPS.length).toBeGreaterThanOrEqual(6);
    const positives = LABELLED_MAPS.reduce((n, m) => n + m.suggest.length, 0);
    const negatives = LABELLED_MAPS.reduce((n, m) => n + m.avoid.length, 0);
    expect(positives + negatives).toBeGreaterThanOrEqual(80);
    expect(negatives * 3).toBeGreaterThanOrEqual(positives + negatives);
    expect(LABELLED_MAPS.some((m) => m.heldOut)).toBe(true);
    for (const m of LABELLED_MAPS) {
      const doc = buildExample(m.spec, m.name);
      for (const pair of [...m.suggest, ...m.avoid]) {
        const [source, target] = pair.split('>') as [string, string];
        const s = doc.nodes[source];
        const t = doc.nodes[target];
        expect(s, `${m.name}: ${pair}`).toBeDefined();
        expect(t, `${m.name}: ${pair}`).toBeDefined();
        expect(s!.kind === 'strength' || s!.kind === 'staff', `${m.name}: ${pair}`).toBe(true);
        expect(t!.kind === 'weakness' || (isAsset(t) && t.kind !== 'staff'), `${m.name}: ${pair}`).toBe(true);
      }
      expect(new Set([...m.suggest, ...m.avoid]).size, m.name).toBe(m.suggest.length + m.avoid.length);
    }
  });
});

describe('suggested connections on the labelled maps', () => {
  const scores = LABELLED_MAPS.map(scoreMap);

  it('reach precision and recall of at least 0.8', () => {
    console.log(report(scores));
    for (const s of scores) {
      if (s.falsePositives.length || s.missed.length) console.log(`${s.name}\n  wrong: ${s.falsePositives.join(', ')}\n  missed: ${s.missed.join(', ')}\n  unlabelled: ${s.unlabelled.join(', ')}`);
    }
    const all = totals(scores);
    expect(all.precision).toBeGreaterThanOrEqual(0.8);
    expect(all.recall).toBeGreaterThanOrEqual(0.8);
  });
});
