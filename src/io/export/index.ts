/**
 * Exports of the map as images and documents, and opening those images again as maps:
 * SVG (renderMapSvg, readMapFromSvg), PNG (exportPng, embedInPng, readMapFromPng, pngSizeFor), PDF (exportPdf,
 * readMapFromPdf) and the printable worksheet table. The map is drawn once as marks (drawMap, scene.ts), which
 * the SVG writer writes and the PNG's painter (paintScene, in workers: paintPng.ts) paints.
 *
 * Owns src/io/export; imports model, layout and io. The UI loads this module with a dynamic import so it becomes
 * its own chunk: nothing outside src/io/export imports from here statically. Browser-only parts (pixelCanvas,
 * paintScene, exportPng, exportPdf, runExportSmoke) touch the DOM only when called; the rest is pure and runs in Node.
 * `./readers` holds just the three readers, for code that opens files and should not load the renderer.
 */
export { type MapSvgOptions, type Region, type RenderedSvg, mapBounds, renderMap, renderMapSvg } from './renderSvg';
export { SVG_MAP_ENCODING, SVG_MAP_NAMESPACE, readMapFromSvg, svgMetadata } from './svgMetadata';
export { PNG_MAP_KEYWORD, embedInPng, embedInPngBlob, isPng, readMapFromPng } from './pngChunks';
export { MAX_PNG_PIXELS, MAX_PNG_SIDE, type PngSize, pngSizeFor } from './pngSize';
export { type PixelCanvas, pixelCanvas } from './pixelCanvas';
export { paintScene } from './canvasPainter';
export { drawMap } from './renderSvg';
export type { Mark, Scene } from './scene';
export { type ExportedPng, type PngOptions, exportPng } from './exportPng';
export { type PdfOptions, exportPdf } from './exportPdf';
export { exportPdfOffThread, renderMapSvgOffThread } from './offThread';
export { PDF_MAP_NAMESPACE, readMapFromPdf } from './pdfMetadata';
export { PAPER_SIZES, type Paper, addWorksheetPages, worksheetLayout } from './pdfWorksheet';
export {
  type TableLayout,
  type TablePiece,
  type WorksheetRow,
  type WorksheetSection,
  WORKSHEET_CATEGORIES,
  WORKSHEET_COLUMNS,
  paginateWorksheet,
  worksheetTableRows,
} from './worksheetTable';
export { MAX_PAYLOAD_BYTES } from './payload';
export { type ExportSmokeReport, runExportSmoke } from './smoke';
