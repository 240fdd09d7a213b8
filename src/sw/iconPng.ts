/**
 * Draws the app icon (public/icon.svg) as PNG files at build time, so the SVG is the one source of the icon and
 * the sizes the web manifest lists (192, 512) never drift from it.
 *
 * A full SVG renderer would be a large dependency for three circles and three lines, so this reads only what the
 * icon uses — `<rect>` (with rounded corners), `<circle>` and `<line>`, filled or stroked in `#rgb`/`#rrggbb` — and
 * refuses anything else with an error that says so, rather than drawing a PNG that differs from the SVG. Shapes are
 * drawn from their signed distance, which gives anti-aliased edges without supersampling.
 *
 * Runs in Node (the build), never in the browser.
 */
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
interface Paint {
  fill?: Rgb;
  stroke?: Rgb;
  strokeWidth: number;
}
/** A shape as the distance from a point to its outline: negative inside, in viewBox units. */
interface Shape extends Paint {
  distance: (x: number, y: number) => number;
  /** Lines have no inside: their "fill" is the stroke, so only the stroke is drawn, from the centre line. */
  open?: boolean;
}

const ALLOWED: Record<string, readonly string[]> = {
  svg: ['xmlns', 'viewBox', 'width', 'height'],
  title: [],
  desc: [],
  g: [],
  rect: ['x', 'y', 'width', 'height', 'rx', 'fill', 'stroke', 'stroke-width'],
  circle: ['cx', 'cy', 'r', 'fill', 'stroke', 'stroke-width'],
  line: ['x1', 'y1', 'x2', 'y2', 'stroke', 'stroke-width', 'stroke-linecap'],
};

function fail(message: string): never {
  throw new Error(`icon.svg: ${message} (the build draws the PNG icons itself and knows only <rect>, <circle> and <line>)`);
}

function colour(value: string | undefined, attribute: string): Rgb | undefined {
  if (value === undefined || value === 'none') return undefined;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  const parts = long ? long.slice(1) : short ? short.slice(1).map((d) => d + d) : fail(`${attribute}="${value}" is not a #rgb or #rrggbb colour`);
  return parts.map((h) => parseInt(h, 16)) as unknown as Rgb;
}

function number(attrs: Record<string, string>, name: string, fallback?: number): number {
  const raw = attrs[name];
  if (raw === undefined) return fallback ?? fail(`a shape is missing ${name}`);
  const value = Number(raw);
  return Number.isFinite(value) ? value : fail(`${name}="${raw}" is not a plain number`);
}

/** Distance to an axis-aligned box centred on the origin with half sizes (hx, hy), corners rounded by r. */
function roundedBox(px: number, py: number, hx: number, hy: number, r: number): number {
  const qx = Math.abs(px) - hx + r;
  const qy = Math.abs(py) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function toShape(tag: string, a: Record<string, string>): Shape {
  const paint: Paint = { fill: colour(a.fill ?? (tag === 'line' ? 'none' : '#000'), 'fill'), stroke: colour(a.stroke, 'stroke'), strokeWidth: number(a, 'stroke-width', 1) };
  if (tag === 'rect') {
    const [x, y, w, h] = [number(a, 'x', 0), number(a, 'y', 0), number(a, 'width'), number(a, 'height')];
    const r = Math.min(number(a, 'rx', 0), w / 2, h / 2);
    return { ...paint, distance: (px, py) => roundedBox(px - x - w / 2, py - y - h / 2, w / 2, h / 2, r) };
  }
  if (tag === 'circle') {
    const [cx, cy, r] = [number(a, 'cx', 0), number(a, 'cy', 0), number(a, 'r')];
    return { ...paint, distance: (px, py) => Math.hypot(px - cx, py - cy) - r };
  }
  const [x1, y1, x2, y2] = [number(a, 'x1', 0), number(a, 'y1', 0), number(a, 'x2', 0), number(a, 'y2', 0)];
  const cap = a['stroke-linecap'] ?? 'butt';
  if (cap !== 'round' && cap !== 'butt') fail(`stroke-linecap="${cap}" is not round or butt`);
  const length = Math.hypot(x2 - x1, y2 - y1);
  const [ux, uy] = length ? [(x2 - x1) / length, (y2 - y1) / length] : [1, 0];
  const half = paint.strokeWidth / 2;
  return {
    ...paint,
    open: true,
    distance: (px, py) => {
      // In the line's own frame: u along it from its middle, v across it.
      const u = (px - x1) * ux + (py - y1) * uy - length / 2;
      const v = -(px - x1) * uy + (py - y1) * ux;
      return cap === 'round' ? Math.hypot(Math.max(Math.abs(u) - length / 2, 0), v) - half : roundedBox(u, v, length / 2, half, 0);
    },
  };
}

/** The icon's square viewBox and its shapes, in paint order. */
export function parseIcon(svg: string): { box: { x: number; y: number; size: number }; shapes: Shape[] } {
  const source = svg.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?xml[^>]*\?>/, '');
  let box: { x: number; y: number; size: number } | undefined;
  const shapes: Shape[] = [];
  for (const [, closing, tag, rest] of source.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    if (closing) continue;
    const allowed = ALLOWED[tag!] ?? fail(`<${tag}> is not supported`);
    const attrs: Record<string, string> = {};
    const attribute = /([\w:-]+)\s*=\s*"([^"]*)"/g;
    for (const [, name, value] of rest!.matchAll(attribute)) {
      if (!allowed.includes(name!)) fail(`<${tag} ${name}> is not supported`);
      attrs[name!] = value!;
    }
    // Whatever the pattern did not read (single quotes, a bare word) would otherwise be dropped without a word.
    if (rest!.replace(attribute, '').trim().replace(/\/$/, '').trim()) fail(`<${tag}${rest}> has attributes written in a way it cannot read`);
    if (tag === 'svg') {
      const [x, y, w, h] = (attrs.viewBox ?? fail('the <svg> needs a viewBox')).trim().split(/[\s,]+/).map(Number);
      if (w === undefined || w <= 0 || w !== h) fail('the viewBox must be a square');
      box = { x: x!, y: y!, size: w };
    } else if (tag === 'rect' || tag === 'circle' || tag === 'line') {
      shapes.push(toShape(tag, attrs));
    }
  }
  return { box: box ?? fail('no <svg> element'), shapes };
}

/** RGBA pixels of the icon drawn at size × size. */
export function drawIcon(svg: string, size: number): Uint8Array {
  const { box, shapes } = parseIcon(svg);
  const scale = size / box.size;
  const pixels = new Uint8Array(size * size * 4);
  // Coverage of a pixel by a shape edge `d` pixels away: a one-pixel ramp centred on the outline.
  const cover = (d: number) => Math.min(1, Math.max(0, 0.5 - d * scale));
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = box.x + (i + 0.5) / scale;
      const y = box.y + (j + 0.5) / scale;
      let [r, g, b, a] = [0, 0, 0, 0];
      const paint = (rgb: Rgb, alpha: number) => {
        if (alpha <= 0) return;
        // "Source over" with straight alpha, in sRGB as browsers composite SVG.
        const out = alpha + a * (1 - alpha);
        r = (rgb[0] * alpha + r * a * (1 - alpha)) / out;
        g = (rgb[1] * alpha + g * a * (1 - alpha)) / out;
        b = (rgb[2] * alpha + b * a * (1 - alpha)) / out;
        a = out;
      };
      for (const shape of shapes) {
        const d = shape.distance(x, y);
        if (shape.open) {
          if (shape.stroke) paint(shape.stroke, cover(d));
          continue;
        }
        if (shape.fill) paint(shape.fill, cover(d));
        if (shape.stroke) paint(shape.stroke, cover(Math.abs(d) - shape.strokeWidth / 2));
      }
      const at = (j * size + i) * 4;
      pixels.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], at);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

/** An 8-bit RGBA PNG file of the given pixels. */
export function encodePng(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filters, no interlace
  // Each row starts with its filter type; 0 (none) keeps this small and the icons still compress well.
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The icon as a size × size PNG file. */
export function iconPng(svg: string, size: number): Uint8Array {
  return encodePng(drawIcon(svg, size), size, size);
}
