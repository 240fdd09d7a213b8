/**
 * The map inside a PNG image, and reading it back.
 *
 * Format (stable): one `iTXt` chunk before `IEND`, keyword `application/vnd.asset-map+json`, compression flag 1
 * (zlib), empty language tag and translated keyword; its text is the UTF-8 envelope JSON of a `.assetmap.json`
 * file. iTXt rather than tEXt/zTXt because those hold Latin-1 only and labels are any language.
 *
 * The chunk code is written here (a CRC-32 table and a walk over length/type/data/crc records) rather than taken
 * from png-chunks-extract/-encode: those are single 2017 releases, unmaintained, CommonJS without types, pull in
 * an old crc-32 and throw on damaged input, while we need typed errors and only a few lines of logic.
 */
import { type OpenError, type Opened } from '../mapFile';
import { type Result, err } from '../result';
import { compressEnvelope, openCompressedEnvelope, openEnvelopeText } from './payload';

export const PNG_MAP_KEYWORD = 'application/vnd.asset-map+json';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let table: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as PNG uses it) of the bytes. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface PngChunk {
  type: string;
  /** Offset of the chunk's length field. */
  offset: number;
  /** Offset and length of the chunk's data. */
  data: number;
  length: number;
}

export type ChunkWalk = { chunks: PngChunk[]; ended: boolean } | { error: string };

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((v, i) => bytes[i] === v);
}

/**
 * The chunks of a PNG, up to IEND. A file cut short is reported as such, with the chunks read before the cut.
 */
export function walkChunks(bytes: Uint8Array): ChunkWalk {
  if (!isPng(bytes)) return { error: 'it is not a PNG image' };
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) return { error: 'the image is damaged' };
    if (at + 12 + length > bytes.length) return { chunks, ended: false };
    chunks.push({ type, offset: at, data: at + 8, length });
    at += 12 + length;
    if (type === 'IEND') return { chunks, ended: true };
  }
  return { chunks, ended: false };
}

function writeU32(out: Uint8Array, at: number, v: number) {
  out[at] = v >>> 24;
  out[at + 1] = (v >>> 16) & 0xff;
  out[at + 2] = (v >>> 8) & 0xff;
  out[at + 3] = v & 0xff;
}

function makeChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  writeU32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  writeU32(out, 8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

const KEYWORD_BYTES = Uint8Array.from(PNG_MAP_KEYWORD, (c) => c.charCodeAt(0));

function keywordIs(bytes: Uint8Array, chunk: PngChunk): boolean {
  if (chunk.length < KEYWORD_BYTES.length + 1 || bytes[chunk.data + KEYWORD_BYTES.length] !== 0) return false;
  for (let i = 0; i < KEYWORD_BYTES.length; i++) if (bytes[chunk.data + i] !== KEYWORD_BYTES[i]) return false;
  return true;
}

const isOurs = (bytes: Uint8Array, c: PngChunk) => c.type === 'iTXt' && keywordIs(bytes, c);

/**
 * A copy of the PNG with the envelope in an iTXt chunk just before IEND; a map embedded before is replaced.
 * Throws on bytes that are not a whole PNG: its input is the exporter's own image, so that is a bug, not a
 * user's damaged file.
 */
/** The iTXt chunk that carries the map. */
function mapChunk(envelopeJson: string): Uint8Array {
  const compressed = compressEnvelope(envelopeJson);
  // keyword, NUL, compression flag 1, method 0 (zlib), empty language tag + NUL, empty translated keyword + NUL.
  const data = new Uint8Array(KEYWORD_BYTES.length + 5 + compressed.length);
  data.set(KEYWORD_BYTES, 0);
  data.set([0, 1, 0, 0, 0], KEYWORD_BYTES.length);
  data.set(compressed, KEYWORD_BYTES.length + 5);
  return makeChunk('iTXt', data);
}

const IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/**
 * `embedInPng` for a PNG the browser has just encoded, as a Blob: the map's chunk goes in before the closing
 * IEND, and the image's tens of megabytes are sliced, never read or copied. Only the first 8 and last 12 bytes
 * are read, to check that they are a PNG's; anything else goes the long way, through `embedInPng`.
 */
export async function embedInPngBlob(image: Blob | Promise<Blob>, envelopeJson: string): Promise<Blob> {
  // The chunk is made first: while the image is still being encoded, when it is given as a promise.
  const chunk = mapChunk(envelopeJson);
  const png = await image;
  const head = new Uint8Array(await png.slice(0, 8).arrayBuffer());
  const tail = new Uint8Array(await png.slice(Math.max(0, png.size - 12)).arrayBuffer());
  const fresh = png.size > 20 && SIGNATURE.every((b, i) => head[i] === b) && IEND.every((b, i) => tail[i] === b);
  if (!fresh) return new Blob([embedInPng(new Uint8Array(await png.arrayBuffer()), envelopeJson) as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  return new Blob([png.slice(0, png.size - 12), chunk as Uint8Array<ArrayBuffer>, png.slice(png.size - 12)], { type: 'image/png' });
}

export function embedInPng(png: Uint8Array, envelopeJson: string): Uint8Array {
  const walk = walkChunks(png);
  if ('error' in walk || !walk.ended) throw new Error(`embedInPng: ${'error' in walk ? walk.error : 'the image has no end'}`);
  const chunk = mapChunk(envelopeJson);

  const keep = walk.chunks.filter((c) => !isOurs(png, c));
  const size = 8 + keep.reduce((s, c) => s + 12 + c.length, 0) + chunk.length;
  const out = new Uint8Array(size);
  out.set(png.subarray(0, 8), 0);
  let at = 8;
  for (const c of keep) {
    if (c.type === 'IEND') {
      out.set(chunk, at);
      at += chunk.length;
    }
    out.set(png.subarray(c.offset, c.offset + 12 + c.length), at);
    at += 12 + c.length;
  }
  return out;
}

export function readMapFromPng(bytes: Uint8Array): Result<Opened, OpenError> {
  const walk = walkChunks(bytes);
  if ('error' in walk) return err({ kind: 'invalid', detail: walk.error });
  const chunk = walk.chunks.find((c) => isOurs(bytes, c));
  if (!chunk) {
    return walk.ended ? err({ kind: 'no-map-in-image', format: 'PNG' }) : err({ kind: 'invalid', detail: 'the image is cut short or damaged' });
  }
  const end = chunk.data + chunk.length;
  const damaged = err({ kind: 'invalid', detail: 'the map data in this image is damaged' } as const);
  if (crc32(bytes, chunk.offset + 4, end) !== u32(bytes, end)) return damaged;

  let at = chunk.data + KEYWORD_BYTES.length + 1;
  const compressed = bytes[at];
  const method = bytes[at + 1];
  at += 2;
  // Skip the language tag and the translated keyword, each ended by a NUL.
  for (let field = 0; field < 2; field++) {
    const nul = bytes.indexOf(0, at);
    if (nul < 0 || nul >= end) return damaged;
    at = nul + 1;
  }
  const text = bytes.subarray(at, end);
  if (compressed === 0) return openEnvelopeText(new TextDecoder().decode(text), 'image');
  if (compressed !== 1 || method !== 0) return damaged;
  return openCompressedEnvelope(text, 'image');
}
