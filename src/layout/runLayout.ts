/**
 * Runs the auto layout for the page: in a Web Worker when the platform has workers (the browser), so that the
 * main thread stays free while a large map is laid out; on the calling thread otherwise (Node, tests).
 * The caller dispatches the result as one undoable command, as with layoutMap.
 *
 * What crosses to the worker is only what the layout reads (ids, kinds, labels, attachments, links), packed
 * into columns (layoutMessages.ts), which keeps the copying, paid on the main thread, small. `sizeOf` is a
 * function and cannot be posted: it is evaluated here, once per node, into numbers.
 */
import type { AssetMapDoc, MapNode } from '../model';
import type { LayoutOptions, LayoutResult } from './layoutMap';
import { type LayoutReply, type LayoutRequest, packInput, unpackResult } from './layoutMessages';

export interface RunLayoutControl {
  /**
   * Aborting rejects with an AbortError and stops the work: the worker is ended (a new one starts next time),
   * unless another layout is waiting on it.
   */
  signal?: AbortSignal;
}

interface Pending {
  resolve: (result: LayoutResult) => void;
  reject: (error: unknown) => void;
  /** What was asked, to lay it out here instead if the worker fails. */
  doc: AssetMapDoc;
  options: LayoutOptions;
}

/** What this module uses of the platform's Worker: the layer compiles without DOM types (tsconfig.pure.json). */
interface LayoutWorker {
  postMessage(message: LayoutRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: LayoutReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { preventDefault(): void }) => void): void;
}
declare const Worker: new (url: URL, options: { type: 'module' }) => LayoutWorker;

let worker: LayoutWorker | undefined;
/** Set when a worker failed before it ever answered (blocked, or no module workers): stop trying. */
let workersUnavailable = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function abortError(): Error {
  const e = new Error('Layout cancelled');
  e.name = 'AbortError';
  return e;
}

/** Ends the worker, failing whatever it was still doing. */
function stopWorker(reason: unknown): void {
  worker?.terminate();
  worker = undefined;
  for (const p of pending.values()) p.reject(reason);
  pending.clear();
}

function startWorker(): LayoutWorker {
  const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  let answered = false;
  w.addEventListener('message', (event) => {
    answered = true;
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if ('error' in reply) p.reject(new Error(reply.error));
    else p.resolve(unpackResult(reply.result));
  });
  // A worker that fails to load or crashes: what it was doing is laid out here instead, so the user still gets
  // a layout (with a pause). If it never answered at all, workers are off for this page.
  w.addEventListener('error', (event) => {
    event.preventDefault();
    if (worker !== w) return;
    if (!answered) workersUnavailable = true;
    w.terminate();
    worker = undefined;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) onThisThread(p.doc, p.options).then(p.resolve, p.reject);
  });
  return w;
}

/**
 * The layout on the calling thread, its code loaded only then: on the page the worker does the work, so the
 * layout engines (and dagre) stay out of the JavaScript a first visit loads.
 */
async function onThisThread(doc: AssetMapDoc, options: LayoutOptions): Promise<LayoutResult> {
  const { layoutMap } = await import('./layoutMap');
  return layoutMap(doc, options);
}

export async function runLayout(doc: AssetMapDoc, options: LayoutOptions, control: RunLayoutControl = {}): Promise<LayoutResult> {
  const { signal } = control;
  if (signal?.aborted) throw abortError();
  if (typeof Worker === 'undefined' || workersUnavailable) return onThisThread(doc, options);
  if (!worker) {
    try {
      worker = startWorker();
    } catch {
      // No module workers here (an old browser, a strict sandbox): lay out on this thread instead.
      return onThisThread(doc, options);
    }
  }
  const { sizes, sizeOf } = options;
  const sizeFn = sizes || sizeOf ? (n: MapNode) => sizes?.[n.id] ?? sizeOf?.(n) : undefined;
  const request: LayoutRequest = { id: nextId++, input: packInput(doc, options.direction, options.spacing, sizeFn) };
  const target = worker;
  return new Promise<LayoutResult>((resolve, reject) => {
    const onAbort = () => {
      if (!pending.has(request.id)) return;
      pending.delete(request.id);
      reject(abortError());
      // The worker cannot be interrupted mid-layout; ending it is the only way to stop the work. If another
      // caller is still waiting on it, it finishes instead, and this result is dropped.
      if (worker === target && pending.size === 0) stopWorker(abortError());
    };
    pending.set(request.id, {
      doc,
      options,
      resolve: (r) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(r);
      },
      reject: (e) => {
        signal?.removeEventListener('abort', onAbort);
        reject(e);
      },
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    target.postMessage(request);
  });
}
