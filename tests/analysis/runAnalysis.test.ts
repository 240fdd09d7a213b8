/** The analysis runner: where there are no workers it answers on this thread, later, with the same findings. */
import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample } from '../../src/model';
import { getDismissedSuggestions, getFindings } from '../../src/analysis';
import { WORKER_NODES, analyseOffThread, isLargeForAnalysis } from '../../src/analysis/runAnalysis';
import { generateMap } from '../support/generateMap';

describe('analyseOffThread', () => {
  it('gives the same findings as getFindings, and one answer per document', async () => {
    const doc = buildExample(SUNNYDALE, 'sunnydale');
    const first = analyseOffThread(doc);
    expect(analyseOffThread(doc)).toBe(first);
    expect(await first).toEqual({ findings: getFindings(doc), dismissed: getDismissedSuggestions(doc) });
  });

  it('sends maps past the threshold to the worker', () => {
    expect(isLargeForAnalysis(buildExample(SUNNYDALE))).toBe(false);
    const big = generateMap(Math.ceil(WORKER_NODES / 4), 3);
    expect(Object.keys(big.nodes).length).toBeGreaterThan(WORKER_NODES);
    expect(isLargeForAnalysis(big)).toBe(true);
  });
});
