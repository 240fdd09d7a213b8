/** SVG images carry the map: export → open gives the same document, through the same path as a JSON file. */
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { buildExample, SUNNYDALE, emptyDoc } from '../../../src/model';
import { describeOpenError, serializeMap } from '../../../src/io/mapFile';
import { SVG_MAP_NAMESPACE, readMapFromSvg, renderMapSvg } from '../../../src/io/export';
import { compressEnvelope, toBase64 } from '../../../src/io/export/payload';
import { HOSTILE_LABELS, sunnydale } from './helpers';

const opts = { background: 'white', title: true, legend: true, embed: true } as const;

describe('SVG round trip', () => {
  it('re-opens the Sunnydale example as the same document', () => {
    const doc = sunnydale();
    const opened = readMapFromSvg(renderMapSvg(doc, opts));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.doc).toEqual(doc);
    expect(opened.value.repairs).toEqual([]);
  });

  it('keeps hostile labels, titles and unknown fields exactly', () => {
    const doc = sunnydale();
    doc.title = HOSTILE_LABELS[1]!;
    HOSTILE_LABELS.forEach((label, i) => {
      const ids = Object.keys(doc.nodes);
      doc.nodes[ids[i % ids.length]!]!.label = label;
    });
    (doc as unknown as Record<string, unknown>).futureField = { kept: ['yes', 1] };
    const opened = readMapFromSvg(renderMapSvg(doc, opts));
    expect(opened.ok && opened.value.doc).toEqual(doc);
  });

  it('round-trips a view (region) export and a transparent one without title or legend', () => {
    const doc = sunnydale();
    const svg = renderMapSvg(doc, { region: { x: 100, y: 50, width: 300, height: 200 }, background: 'transparent', title: false, legend: false, embed: true });
    const opened = readMapFromSvg(svg);
    expect(opened.ok && opened.value.doc).toEqual(doc);
  });

  it('an empty map round-trips', () => {
    const doc = emptyDoc('Nothing yet', 'map_empty');
    const opened = readMapFromSvg(renderMapSvg(doc, opts));
    expect(opened.ok && opened.value.doc).toEqual(doc);
  });

  it('an SVG without the map says so in plain words', () => {
    const plain = renderMapSvg(sunnydale(), { ...opts, embed: false });
    const opened = readMapFromSvg(plain);
    expect(opened).toEqual({ ok: false, error: { kind: 'no-map-in-image', format: 'SVG' } });
    if (opened.ok) return;
    expect(describeOpenError(opened.error, 'map.svg')).toBe(
      'This image has no Asset Map data in it, so it cannot be opened as a map. Only SVG images exported by Asset Map can. Your current map was not changed.',
    );
    expect(readMapFromSvg('<svg xmlns="http://www.w3.org/2000/svg"><metadata><rdf:RDF/></metadata></svg>').ok).toBe(false);
    expect(readMapFromSvg('not even xml').ok).toBe(false);
  });

  it('finds the map after an editor re-saved the file with another prefix, the namespace on the root and wrapped base64', () => {
    const doc = buildExample(SUNNYDALE, 'map_x');
    const b64 = toBase64(compressEnvelope(serializeMap(doc)));
    const wrapped = b64.replace(/(.{76})/g, '$1\n      ');
    const svg = `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:ns1="${SVG_MAP_NAMESPACE}">\n<metadata>\n  <ns1:map encoding='zlib+base64'>\n      ${wrapped}\n  </ns1:map>\n</metadata></svg>`;
    const opened = readMapFromSvg(svg);
    expect(opened.ok && opened.value.doc).toEqual(doc);
  });

  it('ignores an element of the same name in another namespace', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><metadata><x:map xmlns:x="https://example.invalid/other">AAAA</x:map></metadata></svg>`;
    expect(readMapFromSvg(svg)).toEqual({ ok: false, error: { kind: 'no-map-in-image', format: 'SVG' } });
  });

  it('reports damaged data, never throws', () => {
    const svg = renderMapSvg(sunnydale(), opts);
    const body = /encoding="zlib\+base64">([^<]*)</.exec(svg)![1]!;
    const cases = [
      svg.replace(body, body.slice(0, body.length / 2)), // cut short
      svg.replace(body, '!!!not base64!!!'),
      svg.replace(body, toBase64(new Uint8Array([1, 2, 3, 4, 5]))),
      svg.replace(body, toBase64(compressEnvelope('{"format":"asset-map",'))), // JSON cut short
      svg.replace(body, ''),
    ];
    for (const text of cases) {
      const opened = readMapFromSvg(text);
      expect(opened.ok).toBe(false);
      if (!opened.ok) expect(opened.error.kind).toBe('invalid');
    }
    const foreign = svg.replace(body, toBase64(compressEnvelope('{"format":"other-app","version":1}')));
    expect(readMapFromSvg(foreign)).toEqual({ ok: false, error: { kind: 'not-asset-map', what: 'other-app' } });
    const newer = svg.replace(body, toBase64(compressEnvelope('{"format":"asset-map","version":999,"map":{}}')));
    expect(readMapFromSvg(newer)).toEqual({ ok: false, error: { kind: 'too-new', version: 999 } });
  });

  it('refuses a payload that inflates past the limit (a zip bomb) without building it', () => {
    const bomb = deflateSync(new Uint8Array(80 * 1024 * 1024), { level: 9 });
    // zlib = 2-byte header + deflate data + adler32; the reader must stop long before the adler check.
    const zlib = new Uint8Array(2 + bomb.length + 4);
    zlib.set([0x78, 0xda]);
    zlib.set(bomb, 2);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><metadata><assetmap:map xmlns:assetmap="${SVG_MAP_NAMESPACE}" encoding="zlib+base64">${toBase64(zlib)}</assetmap:map></metadata></svg>`;
    const opened = readMapFromSvg(svg);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error.kind).toBe('too-big');
  }, 30_000);

  it('refuses text too large to be one of its images', () => {
    const opened = readMapFromSvg({ length: 1e9 } as unknown as string);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error.kind).toBe('too-big');
  });
});
