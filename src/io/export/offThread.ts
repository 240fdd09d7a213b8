/**
 * SVG and PDF exports of a large map made in a worker (export.worker.ts), so that the page keeps answering while
 * it is drawn; made here for a smaller map (starting a worker and copying the map to it and back costs about
 * 150 ms, more than a small map's whole export), where there are no module workers, or when the worker fails
 * for any reason (the same export, with a pause, and the plain error of a real failure).
 */
import type { AssetMapDoc } from '../../model';
import type { ExportReply, ExportRequest } from './export.worker';
import { type BoardSummaryPdfOptions, exportBoardSummaryPdf } from './boardSummaryPdf';
import { type PdfOptions, exportPdf } from './exportPdf';
import { type MapSvgOptions, renderMapSvg } from './renderSvg';

/** Set when a worker failed to start here (blocked, or no module workers): export on this thread from then on. */
let workersUnavailable = false;

function inWorker(request: ExportRequest): Promise<ExportReply> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
    let answered = false;
    w.addEventListener('error', (event) => {
      event.preventDefault();
      if (!answered) workersUnavailable = true;
      w.terminate();
      reject(new Error('The export could not be made in the background.'));
    });
    w.addEventListener('message', (event: MessageEvent<ExportReply>) => {
      answered = true;
      w.terminate();
      if ('error' in event.data) reject(new Error(event.data.error));
      else resolve(event.data);
    });
    w.postMessage(request);
  });
}

/** A performance mark saying an export meant for a worker was made on the page instead. */
const ON_PAGE_MARK = 'assetmap-export-on-page';
export const markOnPage = () => void globalThis.performance?.mark?.(ON_PAGE_MARK);

/** From this many nodes an export goes to a worker (at 1,000 assets, 6,500 nodes: SVG 0.3 s, PDF 1.7 s). */
const OFF_THREAD_NODES = 1000;

const offThread = (doc: AssetMapDoc) =>
  !workersUnavailable && typeof Worker !== 'undefined' && Object.keys(doc.nodes).length >= OFF_THREAD_NODES;

/** What `read` finds in the worker's reply to `request`, for a large map; else, or if that fails, `here()`. */
async function offThreadOr<T>(request: ExportRequest, read: (reply: ExportReply) => T | undefined, here: () => T | Promise<T>): Promise<T> {
  if (offThread(request.doc)) {
    try {
      const found = read(await inWorker(request));
      if (found !== undefined) return found;
    } catch {
      // Made here instead; the mark lets tests and profiles see that it was.
    }
    markOnPage();
  }
  return here();
}

/** `exportPdf`, in a worker for a large map. */
export const exportPdfOffThread = (doc: AssetMapDoc, options: PdfOptions): Promise<Uint8Array> =>
  offThreadOr({ kind: 'pdf', doc, options }, (r) => ('pdf' in r ? r.pdf : undefined), () => exportPdf(doc, options));

/** `renderMapSvg`, in a worker for a large map. */
export const renderMapSvgOffThread = (doc: AssetMapDoc, options: MapSvgOptions): Promise<string> =>
  offThreadOr({ kind: 'svg', doc, options }, (r) => ('svg' in r ? r.svg : undefined), () => renderMapSvg(doc, options));

/** `exportBoardSummaryPdf`, in a worker for a large map. */
export const exportBoardSummaryPdfOffThread = (doc: AssetMapDoc, options: BoardSummaryPdfOptions): Promise<Uint8Array> =>
  offThreadOr({ kind: 'board', doc, options }, (r) => ('pdf' in r ? r.pdf : undefined), () => exportBoardSummaryPdf(doc, options));
