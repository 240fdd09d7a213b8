/**
 * The map carried inside an exported image: the envelope JSON of the native file, zlib-compressed.
 * Opening goes through `parseMapFile`, the same path as a `.assetmap.json` file, so an image re-opens exactly as
 * the file would (migrations, repairs, unknown fields kept).
 * Decompression stops past a size limit, so that a crafted image cannot exhaust memory.
 */
import { Unzlib, zlibSync } from 'fflate';
import { type OpenError, type Opened, parseMapFile } from '../mapFile';
import { type Result, err } from '../result';

/** The largest map JSON an image may unpack to. A 1,000-asset map is about 2 MB. */
export const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

export function compressEnvelope(envelopeJson: string): Uint8Array {
  return zlibSync(new TextEncoder().encode(envelopeJson), { level: 6 });
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  // fromCharCode over slices: one call per byte is slow, one call for all overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Decodes base64, ignoring whitespace (an editor may wrap it); undefined when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  let bin: string;
  try {
    bin = atob(clean);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

class TooBig extends Error {}

/**
 * Inflates zlib data, refusing to produce more than `limit` bytes: `{ tooBig }` then holds how far it got.
 */
export function inflateLimited(data: Uint8Array, limit = MAX_PAYLOAD_BYTES): Uint8Array | { tooBig: number } | 'damaged' {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflater = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooBig();
    parts.push(chunk);
  });
  try {
    // Pushed in slices so that the limit is checked while inflating, not after the whole output exists.
    const step = 64 * 1024;
    for (let i = 0; i < data.length; i += step) inflater.push(data.subarray(i, i + step), i + step >= data.length);
    if (data.length === 0) return 'damaged';
  } catch (e) {
    return e instanceof TooBig ? { tooBig: total } : 'damaged';
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Opens a map from the compressed envelope found in an image. */
export function openCompressedEnvelope(data: Uint8Array, where: string): Result<Opened, OpenError> {
  const json = inflateLimited(data);
  if (json === 'damaged') return err({ kind: 'invalid', detail: `the map data in this ${where} is damaged` });
  if ('tooBig' in json) return err({ kind: 'too-big', bytes: json.tooBig, limit: MAX_PAYLOAD_BYTES });
  return openEnvelopeText(new TextDecoder().decode(json), where);
}

/** Opens envelope JSON found in an image; JSON that does not parse means the embedded data is damaged. */
export function openEnvelopeText(text: string, where: string): Result<Opened, OpenError> {
  const opened = parseMapFile(text);
  if (!opened.ok && opened.error.kind === 'not-json') {
    return err({ kind: 'invalid', detail: `the map data in this ${where} is damaged` });
  }
  return opened;
}
