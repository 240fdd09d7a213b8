/**
 * WOFF 1.0 (W3C, 2012) back to the TrueType file it wraps, which is what jsPDF embeds. A WOFF file is the font's
 * tables, each zlib-compressed on its own when that made it smaller, behind a header and a table directory;
 * unwrapping it rebuilds the sfnt header and directory and inflates each table in place (fflate). The fonts ship
 * as WOFF because that is what their packages hold, a third of the size of the TrueType files.
 */
import { unzlibSync } from 'fflate';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_ENTRY = 16;

const pad4 = (n: number) => (n + 3) & ~3;

/** The sfnt (TrueType) file inside a WOFF file; the bytes themselves when they are one already. */
export function woffToSfnt(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER || view.getUint32(0) !== WOFF_SIGNATURE) return bytes;
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = HEADER + i * WOFF_ENTRY;
    return {
      tag: view.getUint32(at),
      offset: view.getUint32(at + 4),
      compLength: view.getUint32(at + 8),
      origLength: view.getUint32(at + 12),
      checksum: view.getUint32(at + 16),
    };
  });
  const directory = 12 + SFNT_ENTRY * numTables;
  const out = new Uint8Array(tables.reduce((size, t) => size + pad4(t.origLength), directory));
  const sfnt = new DataView(out.buffer);
  let power = 1;
  let log = 0;
  while (power * 2 <= numTables) {
    power *= 2;
    log++;
  }
  sfnt.setUint32(0, flavor);
  sfnt.setUint16(4, numTables);
  sfnt.setUint16(6, power * 16);
  sfnt.setUint16(8, log);
  sfnt.setUint16(10, numTables * 16 - power * 16);
  let offset = directory;
  tables.forEach((t, i) => {
    const stored = bytes.subarray(t.offset, t.offset + t.compLength);
    const data = t.compLength < t.origLength ? unzlibSync(stored) : stored;
    if (data.byteLength !== t.origLength) throw new Error('The font file is damaged.');
    out.set(data, offset);
    const at = 12 + i * SFNT_ENTRY;
    sfnt.setUint32(at, t.tag);
    sfnt.setUint32(at + 4, t.checksum);
    sfnt.setUint32(at + 8, offset);
    sfnt.setUint32(at + 12, t.origLength);
    offset += pad4(t.origLength);
  });
  return out;
}
