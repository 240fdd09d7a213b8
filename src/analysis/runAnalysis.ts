/**
 * Runs the analysis for the page: on the calling thread for a small map (a few milliseconds, and the answer is
 * there at once), in a Web Worker for a large one (about a second at 5,000 assets), so that the main thread stays
 * free. Where there are no workers (Node, tests) or the worker fails, it runs here instead.
 *
 * Requests for the same document share one answer: every view that shows findings asks, and the worker works
 * once. A newer document makes an older pending answer useless; it is still delivered to whoever asked, and the
 * views keep the newest.
 */
import type { AssetMapDoc } from '../model';
import type { Finding } from './findings';
import { getDismissedSuggestions, getFindings } from './getFindings';

export { WORKER_NODES, isLargeForAnalysis } from './input';

export interface AnalysisResult {
  findings: Finding[];
  /** Dismissed suggestions that still apply, to review and restore. */
  dismissed: Finding[];
}

export interface AnalysisRequest {
  id: number;
  doc: AssetMapDoc;
}

export type AnalysisReply = { id: number; result: AnalysisResult } | { id: number; error: string };


export function analyseHere(doc: AssetMapDoc): AnalysisResult {
  return { findings: getFindings(doc), dismissed: getDismissedSuggestions(doc) };
}

/** The little of a Worker this module uses: the analysis layer is type-checked without the DOM's types. */
interface AnalysisWorker {
  postMessage(message: AnalysisRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: AnalysisReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { preventDefault(): void }) => void): void;
}
declare const Worker: new (url: URL, options: { type: 'module' }) => AnalysisWorker;

let worker: AnalysisWorker | undefined;
let workersUnavailable = false;
let nextId = 1;
const pending = new Map<number, { doc: AssetMapDoc; resolve: (r: AnalysisResult) => void; reject: (e: unknown) => void }>();
let last: { doc: AssetMapDoc; promise: Promise<AnalysisResult> } | undefined;

function startWorker(): AnalysisWorker {
  const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  let answered = false;
  w.addEventListener('message', (event) => {
    answered = true;
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if ('error' in reply) p.reject(new Error(reply.error));
    else p.resolve(reply.result);
  });
  // A worker that fails to load or crashes: what it was doing is analysed here instead.
  w.addEventListener('error', (event) => {
    event.preventDefault();
    if (worker !== w) return;
    if (!answered) workersUnavailable = true;
    w.terminate();
    worker = undefined;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) {
      try {
        p.resolve(analyseHere(p.doc));
      } catch (e) {
        p.reject(e);
      }
    }
  });
  return w;
}

/** The findings of a document, off the main thread where there are workers. */
export function analyseOffThread(doc: AssetMapDoc): Promise<AnalysisResult> {
  if (last?.doc === doc) return last.promise;
  const promise = new Promise<AnalysisResult>((resolve, reject) => {
    if (typeof Worker === 'undefined' || workersUnavailable) {
      // Later, not now: the caller expects an answer after the current task, as from a worker.
      setTimeout(() => {
        try {
          resolve(analyseHere(doc));
        } catch (e) {
          reject(e);
        }
      }, 0);
      return;
    }
    try {
      worker ??= startWorker();
    } catch {
      workersUnavailable = true;
      resolve(analyseHere(doc));
      return;
    }
    const id = nextId++;
    pending.set(id, { doc, resolve, reject });
    worker.postMessage({ id, doc } satisfies AnalysisRequest);
  });
  last = { doc, promise };
  return promise;
}
