/** Spreadsheet reading and writing (papaparse among it), loaded when rows are pasted, imported or exported. */
export const loadSheets = () => import('../io/sheets');
