/**
 * The SVG and PDF exports, off the page's main thread: making either for a large map takes a second or two that
 * the page would otherwise not answer in. offThread.ts starts a worker per export and talks to it.
 */
import type { AssetMapDoc } from '../../model';
import { type BoardSummaryPdfOptions, exportBoardSummaryPdf } from './boardSummaryPdf';
import { type PdfOptions, exportPdf } from './exportPdf';
import { type MapSvgOptions, renderMapSvg } from './renderSvg';

export type ExportRequest =
  | { kind: 'pdf'; doc: AssetMapDoc; options: PdfOptions }
  | { kind: 'board'; doc: AssetMapDoc; options: BoardSummaryPdfOptions }
  | { kind: 'svg'; doc: AssetMapDoc; options: MapSvgOptions };

export type ExportReply = { pdf: Uint8Array } | { svg: string } | { error: string };

self.onmessage = async (e: MessageEvent<ExportRequest>) => {
  const request = e.data;
  try {
    if (request.kind === 'pdf' || request.kind === 'board') {
      const pdf = request.kind === 'pdf' ? await exportPdf(request.doc, request.options) : await exportBoardSummaryPdf(request.doc, request.options);
      self.postMessage({ pdf } satisfies ExportReply, { transfer: [pdf.buffer] });
    } else {
      self.postMessage({ svg: renderMapSvg(request.doc, request.options) } satisfies ExportReply);
    }
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ExportReply);
  }
};
