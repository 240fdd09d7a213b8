/**
 * The analysis of the open map, computed once per document version and shared by every view that shows it.
 * A large map is analysed in a worker (src/analysis/runAnalysis.ts): the views keep showing the last findings
 * until the new ones arrive, and the main thread stays free for typing.
 *
 * The analysis code (about 40 KB gzip with its graph library) is not part of what a first visit needs to show
 * the map: it loads once the page is idle after it first shows, and the findings (the badges on the map, the
 * Insights tab) follow a moment after the map.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { countFindingsByNode, isLargeForAnalysis, sameAnalysisInput } from '../analysis/input';
import type { AnalysisResult } from '../analysis/runAnalysis';
import type { AssetMapDoc } from '../model';
import { useStoreState } from './context';
import { whenIdle } from './idle';
import { loadOnce } from './loadOnce';

type Runner = typeof import('../analysis/runAnalysis');
let runner: Runner | undefined;

/**
 * The analysis code, loaded when the page is first idle (at once, if it is asked for after that); offline before
 * it was ever fetched, the next map shown asks again.
 */
const loadRunner = loadOnce(() =>
  new Promise<void>((resolve) => whenIdle(resolve, 1000))
    .then(() => import('../analysis/runAnalysis'))
    .then((m) => (runner = m)),
);

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
function resultHere(run: Runner, at: AssetMapDoc): AnalysisResult {
  if (last?.doc !== at) last = { doc: at, result: run.analyseHere(at) };
  return last.result;
}

const NONE: AnalysisResult = { findings: [], dismissed: [] };

export function useFindings() {
  const { doc } = useStoreState();
  // Typing stays responsive on big maps: the analysis follows a moment behind.
  const deferred = useDeferredValue(doc);
  const at = analysisInput(deferred);
  const large = isLargeForAnalysis(at);
  const [loaded, setLoaded] = useState<Runner | undefined>(runner);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadRunner().then(
      (m) => live && setLoaded(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [loaded]);
  const here = useMemo(() => (large || !loaded ? undefined : resultHere(loaded, at)), [at, large, loaded]);
  const [offThread, setOffThread] = useState<AnalysisResult | undefined>(() => (last?.doc === at ? last.result : undefined));
  useEffect(() => {
    if (!large || !loaded) return;
    if (last?.doc === at) {
      setOffThread(last.result);
      return;
    }
    let live = true;
    loaded.analyseOffThread(at).then(
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
  }, [at, large, loaded]);
  const result = here ?? offThread ?? NONE;
  const badges = useMemo(() => countFindingsByNode(result.findings), [result]);
  return { doc: deferred, findings: result.findings, badges, dismissed: result.dismissed, pending: !here && last?.doc !== at };
}
