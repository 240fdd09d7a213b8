/**
 * SVG to PNG in the browser: the SVG is loaded as an image from a Blob URL and drawn on a canvas at the pixel
 * size asked for; the canvas is encoded with `toBlob`/`convertToBlob`, never `toDataURL` (which builds a string of
 * hundreds of MB for a large image). DOM APIs are touched only when the function is called, so the module can be
 * imported anywhere; it fails with a plain Error outside a browser.
 */
export type Background = 'white' | 'transparent';

async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.decoding = 'async';
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('The map image could not be drawn.'));
    img.src = url;
  });
  return img;
}

/**
 * The SVG with its root's width and height set to `width` × `height` (its viewBox keeps the drawing whole).
 * Only the root tag is touched; an SVG without a viewBox is returned as it is.
 */
export function svgAtSize(svg: string, width: number, height: number): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open || !/\sviewBox="/.test(open[0])) return svg;
  const tag = open[0].replace(/\swidth="[^"]*"/, ` width="${width}"`).replace(/\sheight="[^"]*"/, ` height="${height}"`);
  return svg.slice(0, open.index) + tag + svg.slice(open.index + open[0].length);
}

/** Draws the SVG at width × height pixels and encodes it as PNG. */
export async function rasterizeSvg(svg: string, width: number, height: number, background: Background): Promise<Blob> {
  if (typeof document === 'undefined' && typeof OffscreenCanvas === 'undefined') {
    throw new Error('rasterizeSvg needs a browser.');
  }
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  // The image at the size it is drawn: scaled by drawImage instead, the browser may first draw it at its own
  // size (four times the pixels for a large map at half scale).
  const url = URL.createObjectURL(new Blob([svgAtSize(svg, w, h)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url);
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(w, h);
      draw(canvas.getContext('2d'), img, w, h, background);
      return await canvas.convertToBlob({ type: 'image/png' });
    }
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    draw(canvas.getContext('2d'), img, w, h, background);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image is too large for this browser to make.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function draw(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null,
  img: HTMLImageElement,
  w: number,
  h: number,
  background: Background,
) {
  // A context is refused when the canvas is past the browser's limits.
  if (!ctx) throw new Error('The image is too large for this browser to make.');
  if (background === 'white') {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
  }
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, 0, 0, w, h);
}
