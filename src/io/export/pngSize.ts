/**
 * The pixel size of an exported PNG. Browsers cannot draw canvases past about 16,384 px a side or 64 megapixels
 * (beyond that `toBlob` fails or the image comes out blank), so a scale that would pass either limit is lowered,
 * and `reduced` tells the UI to say so.
 */
export const MAX_PNG_SIDE = 16_384;
export const MAX_PNG_PIXELS = 64_000_000;

export interface PngSize {
  /** The scale used: the one asked for, or lower. */
  scale: number;
  width: number;
  height: number;
  /** True when the scale was lowered to fit the limits. */
  reduced: boolean;
}

/** The size of a `width` × `height` image (CSS px) drawn at `scale`, within the canvas limits. */
export function pngSizeFor(width: number, height: number, scale: number): PngSize {
  const w = Number.isFinite(width) && width > 0 ? width : 1;
  const h = Number.isFinite(height) && height > 0 ? height : 1;
  const asked = Number.isFinite(scale) && scale > 0 ? scale : 1;
  const limit = Math.min(MAX_PNG_SIDE / w, MAX_PNG_SIDE / h, Math.sqrt(MAX_PNG_PIXELS / (w * h)));
  const reduced = asked > limit;
  const s = reduced ? limit : asked;
  // Rounding must not push a side or the area back over a limit: when it would, round down instead.
  let pw = Math.max(1, Math.min(MAX_PNG_SIDE, Math.round(w * s)));
  let ph = Math.max(1, Math.min(MAX_PNG_SIDE, Math.round(h * s)));
  if (pw * ph > MAX_PNG_PIXELS) {
    pw = Math.max(1, Math.floor(w * s));
    ph = Math.max(1, Math.floor(h * s));
  }
  return { scale: s, width: pw, height: ph, reduced };
}
