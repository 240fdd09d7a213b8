/** PNG images carry the map in an iTXt chunk; opening a damaged or foreign PNG gives a typed error, never throws. */
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { describeOpenError, serializeMap } from '../../../src/io/mapFile';
import { PNG_MAP_KEYWORD, embedInPng, embedInPngBlob, isPng, readMapFromPng } from '../../../src/io/export';
import { crc32, walkChunks } from '../../../src/io/export/pngChunks';
import { HOSTILE_LABELS, sunnydale } from './helpers';

/** A small valid RGBA PNG with a gradient, as a canvas would produce. */
function fixturePng(width = 24, height = 16): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data[i] = x * 10;
      png.data[i + 1] = y * 15;
      png.data[i + 2] = 128;
      png.data[i + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

const chunkTypes = (bytes: Uint8Array) => {
  const walk = walkChunks(bytes);
  return 'error' in walk ? [] : walk.chunks.map((c) => c.type);
};

describe('PNG round trip', () => {
  it('Sunnydale: embed → read gives the same document, and the image is unchanged', () => {
    const doc = sunnydale();
    const original = fixturePng();
    const withMap = embedInPng(original, serializeMap(doc));
    const opened = readMapFromPng(withMap);
    expect(opened.ok && opened.value.doc).toEqual(doc);
    // Still a valid PNG (pngjs checks every CRC) with the same pixels; the chunk sits just before IEND.
    const decoded = PNG.sync.read(Buffer.from(withMap), { checkCRC: true });
    expect(Buffer.from(decoded.data)).toEqual(PNG.sync.read(Buffer.from(original)).data);
    const types = chunkTypes(withMap);
    expect(types.slice(-2)).toEqual(['iTXt', 'IEND']);
    expect(new TextDecoder('latin1').decode(withMap)).toContain(PNG_MAP_KEYWORD);
  });

  it('keeps every kind of label, in any script', () => {
    const doc = sunnydale();
    const ids = Object.keys(doc.nodes);
    HOSTILE_LABELS.forEach((label, i) => (doc.nodes[ids[i]!]!.label = label));
    doc.title = 'مكتبة — ספרייה — 図書館 👩‍💻';
    const opened = readMapFromPng(embedInPng(fixturePng(), serializeMap(doc)));
    expect(opened.ok && opened.value.doc).toEqual(doc);
  });

  it('embedding again replaces the map instead of adding a second one', () => {
    const first = sunnydale();
    const second = sunnydale();
    second.title = 'Second';
    const twice = embedInPng(embedInPng(fixturePng(), serializeMap(first)), serializeMap(second));
    expect(chunkTypes(twice).filter((t) => t === 'iTXt')).toHaveLength(1);
    const opened = readMapFromPng(twice);
    expect(opened.ok && opened.value.doc.title).toBe('Second');
  });

  it('a PNG without a map says so in plain words', () => {
    const opened = readMapFromPng(fixturePng());
    expect(opened).toEqual({ ok: false, error: { kind: 'no-map-in-image', format: 'PNG' } });
    if (!opened.ok) {
      expect(describeOpenError(opened.error, 'photo.png')).toBe(
        'This image has no Asset Map data in it, so it cannot be opened as a map. Only PNG images exported by Asset Map can. Your current map was not changed.',
      );
    }
  });

  it('an uncompressed iTXt from another tool is read too', () => {
    const doc = sunnydale();
    const json = new TextEncoder().encode(serializeMap(doc));
    const keyword = new TextEncoder().encode(PNG_MAP_KEYWORD);
    const data = new Uint8Array([...keyword, 0, 0, 0, ...new TextEncoder().encode('en'), 0, 0, ...json]);
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set(new TextEncoder().encode('iTXt'), 4);
    chunk.set(data, 8);
    view.setUint32(8 + data.length, crc32(chunk, 4, 8 + data.length));
    const png = fixturePng();
    const out = new Uint8Array([...png.subarray(0, png.length - 12), ...chunk, ...png.subarray(png.length - 12)]);
    const opened = readMapFromPng(out);
    expect(opened.ok && opened.value.doc).toEqual(doc);
  });
});

describe('damaged PNGs', () => {
  const mapped = sunnydale();
  const withMap = embedInPng(fixturePng(), serializeMap(mapped));

  it('not a PNG, cut short, or with a broken checksum: an "invalid" error with a sentence', () => {
    const cases: [Uint8Array, string][] = [
      [new TextEncoder().encode('GIF89a not a png'), 'it is not a PNG image'],
      [new Uint8Array(0), 'it is not a PNG image'],
      [withMap.subarray(0, 40), 'the image is cut short or damaged'],
      [withMap.subarray(0, withMap.length - 40), 'the image is cut short or damaged'],
    ];
    const flipped = withMap.slice();
    flipped[flipped.length - 40] = flipped[flipped.length - 40]! ^ 0xff; // inside the map's chunk
    cases.push([flipped, 'the map data in this image is damaged']);
    for (const [bytes, detail] of cases) {
      const opened = readMapFromPng(bytes);
      expect(opened).toEqual({ ok: false, error: { kind: 'invalid', detail } });
      if (!opened.ok) expect(describeOpenError(opened.error, 'x.png')).toBe(`“x.png” is damaged: ${detail}. Your current map was not changed.`);
    }
  });

  it('never throws on any truncation or corruption', () => {
    fc.assert(
      fc.property(fc.nat(withMap.length), fc.array(fc.tuple(fc.nat(withMap.length - 1), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }), (cut, flips) => {
        const bytes = withMap.slice(0, cut);
        for (const [at, x] of flips) if (at < bytes.length) bytes[at]! ^= x;
        const opened = readMapFromPng(bytes);
        // Either the whole map comes back as it was, or the image is called damaged or map-less: a damaged image
        // is never read as another program's file, a newer version's or a different map.
        if (opened.ok) expect(opened.value.doc).toEqual(mapped);
        else expect(['invalid', 'no-map-in-image']).toContain(opened.error.kind);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('embedInPng refuses bytes that are not a whole PNG', () => {
    expect(() => embedInPng(new Uint8Array([1, 2, 3]), '{}')).toThrow(/not a PNG/);
    expect(() => embedInPng(fixturePng().subarray(0, 50), '{}')).toThrow(/no end/);
    expect(isPng(fixturePng())).toBe(true);
  });

  it('CRC-32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('embeds into a PNG blob without reading it whole, to the same bytes as embedInPng, and falls back when the end is odd', async () => {
    const png = fixturePng(6, 4);
    const envelope = serializeMap(sunnydale());
    const fromBlob = new Uint8Array(await (await embedInPngBlob(new Blob([png as Uint8Array<ArrayBuffer>]), envelope)).arrayBuffer());
    expect(fromBlob).toEqual(embedInPng(png, envelope));
    expect(readMapFromPng(fromBlob).ok).toBe(true);
    // Bytes after IEND (some encoders pad): not as fresh from the encoder, so it goes the long way round.
    const padded = new Uint8Array([...png, 0, 0]);
    const fallback = new Uint8Array(await (await embedInPngBlob(new Blob([padded]), envelope)).arrayBuffer());
    expect(fallback).toEqual(embedInPng(padded, envelope));
    expect(readMapFromPng(fallback).ok).toBe(true);
    // Not a PNG at all: refused in words, as embedInPng refuses it.
    await expect(embedInPngBlob(new Blob([new Uint8Array(40)]), envelope)).rejects.toThrow(/embedInPng/);
  });
});
