/**
 * The analysis worker: computes the findings of a large map off the page's main thread, so that typing and
 * dragging never wait for it. runAnalysis.ts starts it and talks to it. It imports the modules it needs, not the
 * layer's index, so that the worker bundle holds the analysis and nothing else.
 */
import { getDismissedSuggestions, getFindings } from './getFindings';
import type { AnalysisReply, AnalysisRequest } from './runAnalysis';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalysisRequest>) => void): void;
  postMessage(message: AnalysisReply): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  const { id, doc } = event.data;
  try {
    scope.postMessage({ id, result: { findings: getFindings(doc), dismissed: getDismissedSuggestions(doc) } });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
