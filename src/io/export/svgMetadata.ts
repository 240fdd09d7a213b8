/**
 * The map inside an SVG image, and reading it back.
 *
 * Format (stable; other tools may rely on it):
 *   <metadata>
 *     <assetmap:map xmlns:assetmap="https://assetmap.invalid/ns/map" encoding="zlib+base64">BASE64</assetmap:map>
 *   </metadata>
 * BASE64 is the zlib stream (RFC 1950) of the UTF-8 envelope JSON of a `.assetmap.json` file. The namespace is
 * a name, never fetched (`.invalid` can never resolve). Readers match the namespace, not the prefix, and ignore
 * whitespace in the base64, since an SVG editor may rename the prefix or re-wrap the text when it saves.
 *
 * Reading does not build a DOM (this runs in Node and in workers): it only looks for this one element.
 */
import { type OpenError, type Opened } from '../mapFile';
import { type Result, err } from '../result';
import { MAX_PAYLOAD_BYTES, compressEnvelope, fromBase64, openCompressedEnvelope, toBase64 } from './payload';

export const SVG_MAP_NAMESPACE = 'https://assetmap.invalid/ns/map';
export const SVG_MAP_ENCODING = 'zlib+base64';

/** Base64 is ~4/3 of the compressed map, and the drawing is several times that: allow generous room. */
export const MAX_SVG_CHARS = 4 * MAX_PAYLOAD_BYTES;

export function svgMetadata(envelopeJson: string): string {
  return `<metadata><assetmap:map xmlns:assetmap="${SVG_MAP_NAMESPACE}" encoding="${SVG_MAP_ENCODING}">${toBase64(compressEnvelope(envelopeJson))}</assetmap:map></metadata>`;
}

const NS_DECL = /xmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(["'])([^"']*)\2/g;

/** The prefixes bound to our namespace anywhere in the text ('' for a default namespace). */
function prefixesOf(text: string): Set<string> {
  const prefixes = new Set<string>();
  for (const m of text.matchAll(NS_DECL)) if (m[3] === SVG_MAP_NAMESPACE) prefixes.add(m[1] ?? '');
  return prefixes;
}

/** The text content of the first `<PREFIX:map …>…</PREFIX:map>` in a metadata element, bound to our namespace. */
function findPayload(text: string): { body: string; encoding: string | undefined } | undefined {
  // The namespace may be declared on the element or, after an editor re-saved the file, on the root element.
  const rootEnd = text.indexOf('>', text.indexOf('<svg'));
  const onRoot = rootEnd < 0 ? new Set<string>() : prefixesOf(text.slice(0, Math.min(rootEnd, 64 * 1024)));
  let from = 0;
  for (;;) {
    const start = text.indexOf('<metadata', from);
    if (start < 0) return undefined;
    const end = text.indexOf('</metadata>', start);
    if (end < 0) return undefined;
    const section = text.slice(start, end);
    const prefixes = new Set([...onRoot, ...prefixesOf(section)]);
    for (const prefix of prefixes) {
      const name = prefix ? `${prefix}:map` : 'map';
      const open = new RegExp(`<${name.replace(/[.]/g, '\\.')}(\\s[^>]*)?>`).exec(section);
      if (!open) continue;
      const bodyStart = open.index + open[0].length;
      const close = section.indexOf(`</${name}>`, bodyStart);
      if (close < 0) continue;
      const encoding = /\sencoding\s*=\s*(["'])([^"']*)\1/.exec(open[1] ?? '')?.[2];
      return { body: section.slice(bodyStart, close), encoding };
    }
    from = end + 1;
  }
}

export function readMapFromSvg(text: string): Result<Opened, OpenError> {
  if (text.length > MAX_SVG_CHARS) return err({ kind: 'too-big', bytes: text.length, limit: MAX_SVG_CHARS });
  const found = findPayload(text);
  if (!found) return err({ kind: 'no-map-in-image', format: 'SVG' });
  if (found.encoding !== undefined && found.encoding !== SVG_MAP_ENCODING) {
    return err({ kind: 'invalid', detail: 'the map data in this image is stored in a way this version cannot read' });
  }
  const bytes = fromBase64(found.body);
  if (!bytes) return err({ kind: 'invalid', detail: 'the map data in this image is damaged' });
  return openCompressedEnvelope(bytes, 'image');
}
