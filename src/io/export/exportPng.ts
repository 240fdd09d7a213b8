/**
 * PNG export: the SVG renderer's image, drawn on a canvas at the chosen scale (capped by `pngSizeFor`), with
 * the map embedded in an iTXt chunk so that opening the PNG restores the map. Browser only (see rasterize.ts).
 */
import type { AssetMapDoc } from '../../model';
import { serializeMap } from '../mapFile';
import { embedInPngBlob } from './pngChunks';
import { pngSizeFor } from './pngSize';
import { rasterizeSvg } from './rasterize';
import { type MapSvgOptions, renderMap } from './renderSvg';

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
  // The SVG carries no copy of the map: the PNG gets its own, and the drawing does not need it.
  const { svg, width, height } = renderMap(doc, { ...options, embed: false });
  const size = pngSizeFor(width, height, options.scale);
  // The SVG paints its own background: the canvas needs no fill under it.
  const drawn = await rasterizeSvg(svg, size.width, size.height, 'transparent');
  return { blob: await embedInPngBlob(drawn, serializeMap(doc)), ...size };
}
