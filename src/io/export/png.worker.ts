/**
 * The PNG's painting, off the page's main thread and split across cores: the image is cut into horizontal
 * bands, one worker each. Every worker draws the map's marks (drawMap) and works out the image's pixel size
 * (pngSizeFor) the same way, then paints its band; the first worker paints band 0 straight into a canvas of the
 * whole image, takes the other bands' bitmaps as they come (over MessageChannels, transferred, not copied),
 * draws them in, and encodes the PNG with the map inside (pngChunks.ts). Painting a large map is mostly rasterising, which each worker does for
 * its own rows at the same time; the page stays free throughout.
 *
 * paintPng.ts starts the workers and talks to them.
 */
import type { AssetMapDoc } from '../../model';
import { serializeMap } from '../mapFile';
import { paintScene } from './canvasPainter';
import { embedInPngBlob } from './pngChunks';
import { type PngSize, pngSizeFor } from './pngSize';
import { type MapSvgOptions, drawMap } from './renderSvg';

export type PaintOptions = Omit<MapSvgOptions, 'embed'> & {
  /** Set by the caller: every band must write the same date. */
  date: string;
  /** Pixels per CSS px asked for (pngSizeFor may lower it). */
  scale: number;
};

export interface BandRequest {
  doc: AssetMapDoc;
  options: PaintOptions;
  /** This band's number, of `bands`. Band 0's worker encodes the image. */
  band: number;
  bands: number;
  /** Band 0: one port per other band, where its bitmap comes. Other bands: the one port to send it on. */
  ports: MessagePort[];
}

export type BandReply = { blob: Blob; size: PngSize } | { sent: true } | { error: string };

interface Band {
  top: number;
  /** None when the band has no rows (an image fewer pixels high than there are bands). */
  bitmap?: ImageBitmap;
}

const TOO_LARGE = 'The image is too large for this browser to make.';

async function paintBand({ doc, options, band, bands, ports }: BandRequest): Promise<BandReply> {
  const scene = drawMap(doc, options);
  const size = pngSizeFor(scene.width, scene.height, options.scale);
  const { width, height } = size;
  const sx = width / scene.width;
  const sy = height / scene.height;
  const edge = (i: number) => Math.round((height * i) / bands);
  const top = edge(band);
  const bottom = edge(band + 1);

  if (band > 0) {
    const message: Band = { top };
    if (bottom > top) {
      const canvas = new OffscreenCanvas(width, bottom - top);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error(TOO_LARGE);
      ctx.translate(0, -top);
      paintScene(ctx, scene, sx, sy);
      message.bitmap = canvas.transferToImageBitmap();
    }
    ports[0]!.postMessage(message, message.bitmap ? [message.bitmap] : []);
    return { sent: true };
  }

  // Bands arrive whenever their workers finish; listening starts before this band is painted.
  const others = new Promise<Band[]>((resolve) => {
    const got: Band[] = [];
    for (const port of ports) {
      port.onmessage = (e: MessageEvent<Band>) => {
        got.push(e.data);
        port.close();
        if (got.length === ports.length) resolve(got);
      };
    }
    if (!ports.length) resolve(got);
  });
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(TOO_LARGE);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, width, bottom);
  ctx.clip();
  paintScene(ctx, scene, sx, sy);
  ctx.restore();
  // Reading a pixel rasterises what was painted now, while the other bands are painted, not at encoding.
  if (ports.length) ctx.getImageData(0, 0, 1, 1);
  const encoded = (async () => {
    for (const other of await others) {
      if (!other.bitmap) continue;
      ctx.drawImage(other.bitmap, 0, other.top);
      other.bitmap.close();
    }
    return canvas.convertToBlob({ type: 'image/png' });
  })();
  // The map's copy is made and compressed here, while the other bands are still being painted.
  return { blob: await embedInPngBlob(encoded, serializeMap(doc)), size };
}

self.onmessage = async (e: MessageEvent<BandRequest>) => {
  let reply: BandReply;
  try {
    reply = await paintBand(e.data);
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
