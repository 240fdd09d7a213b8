/**
 * A new map from a spreadsheet: every row a new asset.
 */
import { type AssetMapDoc, emptyDoc } from '../../model';
import { rowsToContent, type ContentOptions } from './content';
import type { SheetRow } from './worksheet';

/**
 * A document holding the rows as assets, in the import's grid of blocks: the caller lays it out (the app in its
 * layout worker, `importSheetAsNewMap` in importSheet.ts).
 */
export function rowsToNewMap(rows: readonly SheetRow[], title: string, options: Pick<ContentOptions, 'newId' | 'relationships'> = {}): AssetMapDoc {
  const doc = emptyDoc(title);
  const content = rowsToContent(doc, rows, 'new', options);
  doc.nodes = content.nodes;
  doc.edges = content.edges;
  if (content.groups) doc.groups = content.groups;
  return doc;
}
