/**
 * A browser self-check of the exports that need a DOM (PNG drawing, PDF): makes the Sunnydale example's PNG and
 * PDF and opens each again. End-to-end tests call it in Chromium; it returns facts rather than asserting, so the
 * caller decides what to check.
 */
import { SUNNYDALE, buildExample } from '../../model';
import { layOutInPlace } from '../../layout';
import { exportPdf } from './exportPdf';
import { exportPng } from './exportPng';
import { readMapFromPdf } from './pdfMetadata';
import { readMapFromPng } from './pngChunks';

export interface ExportSmokeReport {
  png: { bytes: number; width: number; height: number; reopened: boolean; sameDoc: boolean; ms: number };
  pdf: { bytes: number; pages: number; startsWithHeader: boolean; reopened: boolean; sameDoc: boolean; ms: number };
}

export async function runExportSmoke(): Promise<ExportSmokeReport> {
  const doc = buildExample(SUNNYDALE, 'map_smoke');
  layOutInPlace(doc);
  const expected = JSON.stringify(doc);

  let t = performance.now();
  const png = await exportPng(doc, { background: 'white', title: true, legend: true, scale: 2 });
  const pngBytes = new Uint8Array(await png.blob.arrayBuffer());
  const pngMs = performance.now() - t;
  const fromPng = readMapFromPng(pngBytes);

  t = performance.now();
  const pdfBytes = await exportPdf(doc, { paper: 'a4' });
  const pdfMs = performance.now() - t;
  const fromPdf = readMapFromPdf(pdfBytes);
  const pdfText = new TextDecoder('latin1').decode(pdfBytes);

  return {
    png: {
      bytes: pngBytes.length,
      width: png.width,
      height: png.height,
      reopened: fromPng.ok,
      sameDoc: fromPng.ok && JSON.stringify(fromPng.value.doc) === expected,
      ms: Math.round(pngMs),
    },
    pdf: {
      bytes: pdfBytes.length,
      pages: (pdfText.match(/\/Type\s*\/Page[^s]/g) ?? []).length,
      startsWithHeader: pdfText.startsWith('%PDF-'),
      reopened: fromPdf.ok,
      sameDoc: fromPdf.ok && JSON.stringify(fromPdf.value.doc) === expected,
      ms: Math.round(pdfMs),
    },
  };
}
