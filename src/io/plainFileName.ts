import { fileNameFor } from './mapFile';

/**
 * The name of an exported file that is not a map file (a spreadsheet, Markdown, GraphML): the map's title and the
 * format's own extension, `riverbend.csv`. The `.assetmap` mark is for files that open as a map (the map file
 * and the images that carry it); on a spreadsheet it reads as if the file were something else.
 */
export function plainFileNameFor(title: string, extension: string): string {
  const name = fileNameFor(title, extension);
  const mark = `.assetmap.${extension}`;
  return name.endsWith(mark) ? `${name.slice(0, -mark.length)}.${extension}` : name;
}
