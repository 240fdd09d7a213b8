/**
 * Spreadsheets and interchange: the worksheet as CSV, TSV, pasted cells, Excel and Markdown, and the whole map as
 * GraphML and JSON Canvas. Pure: no DOM (a caller turns the strings and bytes into downloads).
 * Imports the model, the layout and io's result types; papaparse only in ./csv, exceljs only dynamically in ./xlsx.
 */
export { CATEGORY_PLURALS } from './categories';
export { guardCell, unguardCell, encodeList, decodeList } from './cells';
export { type SheetRow, type ImportedRow, getWorksheetRows } from './worksheet';
export { writeCsv, writeTableCsv, readCsv, sniffDelimiter } from './csv';
export { parsePastedCells } from './paste';
export { rowsToContent, describeImport } from './content';
export { rowsToNewMap } from './newMap';
export { writeMarkdown } from './markdown';
export { REFLECT_QUESTIONS } from './questions';
export { readXlsx, writeXlsx } from './xlsx';
export { writeGraphML } from './graphml';
export { toJsonCanvas, writeJsonCanvas } from './jsonCanvas';
export { writeNextStepsIcs } from './ics';
export { CHANGE_GROUPS, changesOf, writeChangeListCsv, writeChangeListMarkdown } from './changeList';
