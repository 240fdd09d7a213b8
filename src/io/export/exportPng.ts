/**
 * PNG export: the map's marks (the SVG export's drawing, renderSvg.ts) painted on a canvas at the chosen scale
 * (capped by `pngSizeFor`), with the map embedded in an iTXt chunk so that opening the PNG restores the map.
 * Browser only (see rasterize.ts).
 */
import type { AssetMapDoc } from '../../model';
import { serializeMap } from '../mapFile';
import { paintScene } from './canvasPainter';
import { embedInPngBlob } from './pngChunks';
import { pngSizeFor } from './pngSize';
import { pixelCanvas } from './rasterize';
import { type MapSvgOptions, drawMap } from './renderSvg';

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
  const scene = drawMap(doc, options);
  const size = pngSizeFor(scene.width, scene.height, options.scale);
  const canvas = pixelCanvas(size.width, size.height);
  paintScene(canvas.context, scene, size.width / scene.width, size.height / scene.height);
  // The map's copy is made while the browser encodes the image.
  return { blob: await embedInPngBlob(canvas.toPng(), serializeMap(doc)), ...size };
}
