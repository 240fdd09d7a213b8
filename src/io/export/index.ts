/**
 * Exports of the map as images and documents, and opening those images again as maps:
 * SVG (renderMapSvg, readMapFromSvg), PNG (exportPng, embedInPng, readMapFromPng, pngSizeFor), PDF (exportPdf,
 * readMapFromPdf) and the printable worksheet table. The map is drawn once as marks (drawMap, scene.ts), which
 * the SVG writer writes and the PNG's painter (paintScene, in workers: paintPng.ts) paints.
 *
 * Owns src/io/export; imports model, layout and io. The UI loads this module with a dynamic import so it becomes
 * its own chunk: nothing outside src/io/export imports from here statically. Browser-only parts (paintScene,
 * exportPng, exportPdf) touch the DOM only when called; the rest is pure and runs in Node.
 * `./readers` holds just the three readers, for code that opens files and should not load the renderer.
 */
export { renderMap, renderMapSvg } from './renderSvg';
export { SVG_MAP_NAMESPACE, readMapFromSvg } from './svgMetadata';
export { PNG_MAP_KEYWORD, embedInPng, embedInPngBlob, isPng, readMapFromPng } from './pngChunks';
export { MAX_PNG_PIXELS, MAX_PNG_SIDE, pngSizeFor } from './pngSize';
export { paintScene } from './canvasPainter';
export { drawMap } from './renderSvg';
export { diffDrawing } from './svgDiff';
export { exportPng } from './exportPng';
export { exportPdf } from './exportPdf';
export { exportBoardSummaryPdfOffThread, exportPdfOffThread, renderMapSvgOffThread } from './offThread';
export { exportBoardSummaryPdf } from './boardSummaryPdf';
export { exportBoardSummaryHtml } from './boardSummaryHtml';
export { readMapFromPdf } from './pdfMetadata';
export { addWorksheetPages, worksheetLayout } from './pdfWorksheet';
export {
  type TableLayout,
  type TablePiece,
  type WorksheetSection,
  paginateWorksheet,
  worksheetTableRows,
} from './worksheetTable';
