/**
 * A new map from a spreadsheet: every row a new asset, laid out with the same auto layout as the app's, so a
 * CSV opens like any map file (the result has the same shape as opening an .assetmap.json).
 */
import { type AssetMapDoc, emptyDoc } from '../../model';
import { layOutInPlace } from '../../layout';
import type { Opened } from '../mapFile';
import { type Result, ok } from '../result';
import { type CsvOptions, readCsv } from './csv';
import { rowsToContent, type ContentOptions } from './content';
import type { SheetError, SheetRow } from './worksheet';

/**
 * A document holding the rows as assets, laid out with the auto layout, or (`layout: false`) in the import's grid
 * of blocks, for a caller that lays it out off the main thread.
 */
export function rowsToNewMap(rows: readonly SheetRow[], title: string, options: Pick<ContentOptions, 'newId'> & { layout?: boolean } = {}): AssetMapDoc {
  const doc = emptyDoc(title);
  const content = rowsToContent(doc, rows, 'new', options);
  doc.nodes = content.nodes;
  doc.edges = content.edges;
  return options.layout === false ? doc : layOutInPlace(doc);
}

/** Opens a CSV or TSV file as a new map; what was read differently is in `repairs`. Never throws. */
export function importSheetAsNewMap(
  input: string | ArrayBuffer | Uint8Array,
  title: string,
  options: CsvOptions = {},
): Result<Opened, SheetError> {
  const read = readCsv(input, options);
  if (!read.ok) return read;
  return ok({ doc: rowsToNewMap(read.value.rows, title), repairs: read.value.warnings });
}
