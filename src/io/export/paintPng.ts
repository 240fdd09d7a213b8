/**
 * The PNG's pixels: painted in workers, a band of rows each (png.worker.ts), where the browser has module
 * workers with OffscreenCanvas; on this thread otherwise, or when a worker fails for any reason (the same
 * painting, with a pause, and the plain error of a real limit such as an image too large).
 */
import type { AssetMapDoc } from '../../model';
import { serializeMap } from '../mapFile';
import { paintScene } from './canvasPainter';
import { embedInPngBlob } from './pngChunks';
import type { BandReply, BandRequest, PaintOptions } from './png.worker';
import { type PngSize, pngSizeFor } from './pngSize';
import { markOnPage } from './offThread';
import { pixelCanvas } from './pixelCanvas';
import { drawMap } from './renderSvg';

export type { PaintOptions };

/** A map of fewer nodes is painted by one worker: a second would cost more to start than it saves. */
const BAND_NODES = 20;
const MAX_BANDS = 4;

/** Set when a worker failed to start here (blocked, or no module workers): paint on this thread from then on. */
let workersUnavailable = false;

/** The map as a PNG with the map inside, and its size. */
export async function paintPng(doc: AssetMapDoc, options: PaintOptions): Promise<{ blob: Blob; size: PngSize }> {
  if (!workersUnavailable && typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined') {
    try {
      return await inWorkers(doc, options);
    } catch {
      // Painted here instead; a real limit fails here too, with its message.
      markOnPage();
    }
  }
  const scene = drawMap(doc, options);
  const size = pngSizeFor(scene.width, scene.height, options.scale);
  const canvas = pixelCanvas(size.width, size.height);
  paintScene(canvas.context, scene, size.width / scene.width, size.height / scene.height);
  // The map's copy is made while the browser encodes the image.
  return { blob: await embedInPngBlob(canvas.toPng(), serializeMap(doc)), size };
}

function bandsFor(doc: AssetMapDoc): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 1;
  return Object.keys(doc.nodes).length < BAND_NODES ? 1 : Math.max(1, Math.min(cores, MAX_BANDS));
}

function inWorkers(doc: AssetMapDoc, options: PaintOptions): Promise<{ blob: Blob; size: PngSize }> {
  const bands = bandsFor(doc);
  const workers: Worker[] = [];
  return new Promise((resolve, reject) => {
    const end = () => {
      for (const w of workers) w.terminate();
    };
    for (let band = 0; band < bands; band++) {
      const w = new Worker(new URL('./png.worker.ts', import.meta.url), { type: 'module' });
      workers.push(w);
      let answered = false;
      w.addEventListener('error', (event) => {
        event.preventDefault();
        if (!answered) workersUnavailable = true;
        end();
        reject(new Error('The image could not be painted in the background.'));
      });
      w.addEventListener('message', (event: MessageEvent<BandReply>) => {
        answered = true;
        const reply = event.data;
        if ('error' in reply) {
          end();
          reject(new Error(reply.error));
        } else if ('blob' in reply) {
          end();
          resolve(reply);
        }
      });
    }
    // Band i's worker sends its bitmap to band 0's over a channel of its own.
    const channels = Array.from({ length: bands - 1 }, () => new MessageChannel());
    for (let band = 0; band < bands; band++) {
      const ports = band === 0 ? channels.map((c) => c.port1) : [channels[band - 1]!.port2];
      const request: BandRequest = { doc, options, band, bands, ports };
      workers[band]!.postMessage(request, ports);
    }
  });
}
