/**
 * A canvas of a given pixel size, and its PNG encoding, in the browser. The canvas is an OffscreenCanvas where
 * there is one; it is encoded with `convertToBlob`/`toBlob`, never `toDataURL` (which builds a string of hundreds
 * of MB for a large image). DOM APIs are touched only when a function is called, so the module can be imported
 * anywhere; it fails with a plain Error outside a browser.
 */
type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface PixelCanvas {
  context: Context;
  /** Encodes what was painted as PNG. */
  toPng: () => Promise<Blob>;
}

const TOO_LARGE = 'The image is too large for this browser to make.';

/** A blank, transparent canvas of width × height pixels. */
export function pixelCanvas(width: number, height: number): PixelCanvas {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(w, h);
    return { context: contextOf(canvas.getContext('2d')), toPng: () => canvas.convertToBlob({ type: 'image/png' }) };
  }
  if (typeof document === 'undefined') throw new Error('Drawing an image needs a browser.');
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  return {
    context: contextOf(canvas.getContext('2d')),
    toPng: () => new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(TOO_LARGE))), 'image/png')),
  };
}

// A context is refused when the canvas is past the browser's limits.
function contextOf<T extends Context>(ctx: T | null): T {
  if (!ctx) throw new Error(TOO_LARGE);
  return ctx;
}
