/**
 * PNG export: the map's marks (the SVG export's drawing, renderSvg.ts) painted on a canvas at the chosen scale
 * (capped by `pngSizeFor`; in workers, paintPng.ts), with the map embedded in an iTXt chunk so that opening the
 * PNG restores the map. Browser only (see pixelCanvas.ts).
 */
import type { AssetMapDoc } from '../../model';
import { paintPng } from './paintPng';
import { type MapSvgOptions, today } from './renderSvg';

export type PngOptions = Omit<MapSvgOptions, 'embed'> & {
  /** Pixels per CSS px: 1, 2, 3… */
  scale: number;
};

export interface ExportedPng {
  blob: Blob;
  width: number;
  height: number;
  /** The scale used, lower than asked when the image would pass the browser's canvas limits. */
  scale: number;
  reduced: boolean;
}

export async function exportPng(doc: AssetMapDoc, options: PngOptions): Promise<ExportedPng> {
  const { blob, size } = await paintPng(doc, { ...options, date: options.date ?? today() });
  return { blob, ...size };
}
