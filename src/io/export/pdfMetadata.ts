/**
 * The map inside an exported PDF: the same zlib+base64 payload as in SVG images, stored as an XMP property
 * (jsPDF's `addMetadata`), in the document's uncompressed /Metadata stream:
 *   <rdf:Description xmlns:jspdf="https://assetmap.invalid/ns/map/"><jspdf:metadata>BASE64</jspdf:metadata>
 * XMP is the place PDF tools keep (and never draw) application data; a document attachment would show in
 * viewers' attachment panes instead. Reading scans the bytes for that property; no PDF parser is needed.
 */
import { type OpenError, type Opened } from '../mapFile';
import { type Result, err } from '../result';
import { compressEnvelope, fromBase64, openCompressedEnvelope, toBase64 } from './payload';

/** XMP wants a namespace that ends with a slash or a hash. */
export const PDF_MAP_NAMESPACE = 'https://assetmap.invalid/ns/map/';

export function pdfPayload(envelopeJson: string): string {
  return toBase64(compressEnvelope(envelopeJson));
}

/** A map from a PDF exported by Asset Map; a PDF without one is reported as a file that cannot be opened. */
export function readMapFromPdf(bytes: Uint8Array): Result<Opened, OpenError> {
  // Latin-1 keeps one character per byte, so the XMP text is found as written.
  const text = new TextDecoder('latin1').decode(bytes);
  const decl = text.indexOf(`xmlns:jspdf="${PDF_MAP_NAMESPACE}"`);
  const open = decl < 0 ? -1 : text.indexOf('<jspdf:metadata>', decl);
  const close = open < 0 ? -1 : text.indexOf('</jspdf:metadata>', open);
  if (close < 0) return err({ kind: 'no-map-in-image', format: 'PDF' });
  const data = fromBase64(text.slice(open + '<jspdf:metadata>'.length, close));
  if (!data) return err({ kind: 'invalid', detail: 'the map data in this PDF is damaged' });
  return openCompressedEnvelope(data, 'PDF');
}
