/**
 * Precision and recall of the suggested connections on the labelled maps. A suggestion counts when it is shown
 * without "Show more" (its grade is not "weak"). Precision is over the labelled pairs (a suggestion a label does
 * not cover is a judgement call, counted apart as `unlabelled`); recall is over the pairs a librarian would make.
 */
import { getFindings } from '../../src/analysis';
import { buildExample } from '../../src/model';
import type { LabelledMap } from './fixtures';

export interface MapScore {
  name: string;
  heldOut: boolean;
  truePositives: string[];
  falsePositives: string[];
  missed: string[];
  unlabelled: string[];
  precision: number;
  recall: number;
  /** Right ones over everything shown, unlabelled counted as wrong: a floor, as unlabelled ones may be fine. */
  strictPrecision: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function shownPairs(map: LabelledMap): string[] {
  const doc = buildExample(map.spec, map.name);
  return getFindings(doc)
    .filter((f) => f.kind === 'suggested-connection' && (f as { grade?: string }).grade !== 'weak')
    .map((f) => f.id.slice('suggest:'.length));
}

export function scoreMap(map: LabelledMap): MapScore {
  const shown = new Set(shownPairs(map));
  const truePositives = map.suggest.filter((p) => shown.has(p));
  const falsePositives = map.avoid.filter((p) => shown.has(p));
  const missed = map.suggest.filter((p) => !shown.has(p));
  const labelled = new Set([...map.suggest, ...map.avoid]);
  const unlabelled = [...shown].filter((p) => !labelled.has(p));
  return {
    name: map.name,
    heldOut: map.heldOut,
    truePositives,
    falsePositives,
    missed,
    unlabelled,
    precision: ratio(truePositives.length, truePositives.length + falsePositives.length),
    recall: ratio(truePositives.length, map.suggest.length),
    strictPrecision: ratio(truePositives.length, shown.size),
  };
}

export function totals(scores: MapScore[]): { precision: number; recall: number } {
  const tp = scores.reduce((n, s) => n + s.truePositives.length, 0);
  const fp = scores.reduce((n, s) => n + s.falsePositives.length, 0);
  const fn = scores.reduce((n, s) => n + s.missed.length, 0);
  return { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

export function report(scores: MapScore[]): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(4);
  const lines = scores.map(
    (s) =>
      `${s.name.padEnd(52)} ${s.heldOut ? 'held out' : '        '} precision ${pct(s.precision)}  recall ${pct(s.recall)}` +
      `  (${s.truePositives.length} right, ${s.falsePositives.length} wrong, ${s.missed.length} missed, ${s.unlabelled.length} unlabelled;` +
      ` right of all shown ${pct(s.strictPrecision)})`,
  );
  const all = totals(scores);
  lines.push(`${'All maps'.padEnd(61)} precision ${pct(all.precision)}  recall ${pct(all.recall)}`);
  return lines.join('\n');
}
