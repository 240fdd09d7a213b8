/**
 * A CSV or TSV file opened as a new map, laid out with the app's auto layout on the calling thread: the shape of
 * opening an .assetmap.json, for tests and tools. The app itself lays a new map out in its layout worker, and
 * does not load this module (the layout engines stay out of the page's first JavaScript).
 */
import { layOutInPlace } from '../../layout/layoutMap';
import type { Opened } from '../mapFile';
import { type Result, ok } from '../result';
import { type CsvOptions, readCsv } from './csv';
import { rowsToNewMap } from './newMap';
import type { SheetError } from './worksheet';

/** Opens a CSV or TSV file as a new map; what was read differently is in `repairs`. Never throws. */
export function importSheetAsNewMap(
  input: string | ArrayBuffer | Uint8Array,
  title: string,
  options: CsvOptions = {},
): Result<Opened, SheetError> {
  const read = readCsv(input, options);
  if (!read.ok) return read;
  return ok({ doc: layOutInPlace(rowsToNewMap(read.value.rows, title)), repairs: read.value.warnings });
}
