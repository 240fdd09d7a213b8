/**
 * Only the readers of maps embedded in exported files (SVG, PNG, PDF): a light entry for the code that opens
 * files, which needs neither the renderer nor jsPDF. It pulls in fflate and the file parser, nothing else.
 */
export { readMapFromSvg, SVG_MAP_NAMESPACE } from './svgMetadata';
export { isPng, readMapFromPng, PNG_MAP_KEYWORD } from './pngChunks';
export { readMapFromPdf, PDF_MAP_NAMESPACE } from './pdfMetadata';
