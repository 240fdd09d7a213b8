/**
 * The analysis of the open map, computed once per document version and shared by every view that shows it.
 * A large map is analysed in a worker (src/analysis/runAnalysis.ts): the views keep showing the last findings
 * until the new ones arrive, and the main thread stays free for typing.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { countFindingsByNode, sameAnalysisInput } from '../analysis';
import { type AnalysisResult, analyseHere, analyseOffThread, isLargeForAnalysis } from '../analysis/runAnalysis';
import type { AssetMapDoc } from '../model';
import { useStoreState } from './context';

let input: AssetMapDoc | undefined;
let last: { doc: AssetMapDoc; result: AnalysisResult } | undefined;

/**
 * The version of the document the analysis last ran on, while nothing it reads has changed since: a map whose
 * nodes were only moved keeps its findings (on a 1,000-asset map, a 50–70 ms task at the end of every drag).
 */
function analysisInput(doc: AssetMapDoc): AssetMapDoc {
  if (!input || !sameAnalysisInput(input, doc)) input = doc;
  return input;
}

/** The analysis on this thread; the last result is kept, so views switching tabs do not recompute. */
function resultHere(at: AssetMapDoc): AnalysisResult {
  if (last?.doc !== at) last = { doc: at, result: analyseHere(at) };
  return last.result;
}

const NONE: AnalysisResult = { findings: [], dismissed: [] };

export function useFindings() {
  const { doc } = useStoreState();
  // Typing stays responsive on big maps: the analysis follows a moment behind.
  const deferred = useDeferredValue(doc);
  const at = analysisInput(deferred);
  const large = isLargeForAnalysis(at);
  const here = useMemo(() => (large ? undefined : resultHere(at)), [at, large]);
  const [offThread, setOffThread] = useState<AnalysisResult | undefined>(() => (last?.doc === at ? last.result : undefined));
  useEffect(() => {
    if (!large) return;
    if (last?.doc === at) {
      setOffThread(last.result);
      return;
    }
    let live = true;
    analyseOffThread(at).then(
      (result) => {
        if (last?.doc !== at) last = { doc: at, result };
        if (live) setOffThread(result);
      },
      () => {
        // A failed run leaves the last findings on screen; the next edit asks again.
      },
    );
    return () => {
      live = false;
    };
  }, [at, large]);
  const result = here ?? offThread ?? NONE;
  const badges = useMemo(() => countFindingsByNode(result.findings), [result]);
  return { doc: deferred, findings: result.findings, badges, dismissed: result.dismissed, pending: !here && last?.doc !== at };
}
