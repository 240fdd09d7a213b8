/**
 * Spreadsheets and interchange: the worksheet as CSV, TSV, pasted cells, Excel and Markdown, and the whole map as
 * GraphML and JSON Canvas. Pure: no DOM (a caller turns the strings and bytes into downloads).
 * Imports the model, the layout and io's result types; papaparse only in ./csv, exceljs only dynamically in ./xlsx.
 */
export {
  CATEGORY_NAMES,
  CATEGORY_PLURALS,
  COLUMN_CATEGORY,
  COLUMN_NAME,
  COLUMN_STRENGTHS,
  COLUMN_WEAKNESSES,
  COLUMN_IMPROVEMENTS,
  matchCategory,
  matchHeading,
} from './categories';
export { guardCell, unguardCell, encodeList, decodeList } from './cells';
export { type SheetRow, type ImportedRow, type SheetImport, type SheetError, type SheetResult, getWorksheetRows } from './worksheet';
export { type CsvOptions, type Layout, writeCsv, readCsv, sniffDelimiter, sniffLayout } from './csv';
export { parsePastedCells } from './paste';
export { type ImportMode, type ContentOptions, type ImportSummary, type SheetContent, rowsToContent, describeImport } from './content';
export { rowsToNewMap, importSheetAsNewMap } from './newMap';
export { type MarkdownOptions, writeMarkdown } from './markdown';
export { REFLECT_QUESTIONS, type ReflectQuestionId } from './questions';
export { type XlsxOptions, readXlsx, writeXlsx } from './xlsx';
export { writeGraphML } from './graphml';
export { type JsonCanvas, type CanvasTextNode, type CanvasEdge, toJsonCanvas, writeJsonCanvas } from './jsonCanvas';
