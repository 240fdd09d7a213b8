/**
 * The PDF, made in Node (jsPDF needs no DOM): its map page drawn from the same marks as the images, read back
 * with poppler (pdftotext, pdftoppm; Debian package poppler-utils), and the map inside it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawMap, exportPdf, readMapFromPdf } from '../../../src/io/export';
import { paintScenePdf } from '../../../src/io/export/pdfPainter';
import { labelLines } from '../../../src/look';
import { toWinAnsi } from '../../../src/io/export/winAnsi';
import { HOSTILE_LABELS, sunnydale } from './helpers';

const write = (bytes: Uint8Array) => {
  const file = join(mkdtempSync(join(tmpdir(), 'am-pdf-')), 'map.pdf');
  writeFileSync(file, bytes);
  return file;
};
const pageText = (file: string) => execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });

describe('PDF', () => {
  it('draws the map page as text and vectors, with the worksheet after it and the map inside', async () => {
    const doc = sunnydale();
    const bytes = await exportPdf(doc, { paper: 'a4', date: '2026-01-01' });
    const file = write(bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pageText(file);
    for (const word of ['Sunnydale Public Library', '2026-01-01', 'Legend', 'STRENGTH · EXPERTISE', 'Friends group', 'Relationship (strong tie)']) expect(text).toContain(word);
    const opened = readMapFromPdf(bytes);
    expect(opened.ok && JSON.stringify(opened.value.doc)).toBe(JSON.stringify(doc));

    // Rendered, the page shows strength-green and weakness-red edges and dark labels.
    execFileSync('pdftoppm', ['-r', '100', '-f', '1', '-l', '1', '-singlefile', '-png', file, file]);
    const png = PNG.sync.read(readFileSync(`${file}.png`));
    let green = 0;
    let red = 0;
    let card = 0;
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (g > 120 && r < 80 && b < 110) green++;
      if (r > 180 && g < 80 && b < 80) red++;
      // A strength's card: its pale green fill.
      if (Math.abs(r - 0xf0) < 6 && Math.abs(g - 0xfd) < 6 && Math.abs(b - 0xf4) < 6) card++;
      if (r < 80 && g < 100 && b < 100) dark++;
    }
    expect(green).toBeGreaterThan(50);
    expect(red).toBeGreaterThan(50);
    // Nine strength cards, some 2,000 pixels of their fill each at this resolution; and the dark pixels are text,
    // not cards filled with the colour of the last label drawn (0.9% of the page when they were, 0.06% now).
    expect(card).toBeGreaterThan(9 * 1500);
    expect(dark / (png.width * png.height)).toBeLessThan(0.003);
  });

  it('prints other scripts as "?", places right-to-left lines by their right end, and hostile text as text', async () => {
    const doc = sunnydale();
    doc.nodes.na1!.label = 'אגודת השכונה';
    doc.nodes.school!.label = 'Café “Ünïcödé” 図書館 \u{1F600}';
    doc.nodes.friends!.label = HOSTILE_LABELS[1]!;
    const text = pageText(write(await exportPdf(doc, { paper: 'letter' })));
    const lines = labelLines(doc.nodes.school!).map(toWinAnsi);
    expect(lines.join(' ')).toBe('Café “Ünïcödé” ??? ?');
    for (const line of lines) expect(text).toContain(line);
    expect(text).toContain('????? ??????');
    // The label, wrapped: its pieces are there as they were typed.
    expect(text).toContain('</text><script>alert(1)');

    // Where the lines go: a fake page records what is drawn, one unit per px.
    const calls: { text: string; x: number; align?: string }[] = [];
    const fake = new Proxy({}, { get: (_t, name) => (name === 'text' ? (t: string, x: number, _y: number, o: { align?: string }) => calls.push({ text: t, x, align: o?.align }) : () => fake) });
    paintScenePdf(fake as never, drawMap(doc, { background: 'white', title: false, legend: false }), 0, 0, 1);
    const at = calls.findIndex((c) => c.text === '????? ??????');
    expect(calls[at]!.align).toBe('right');
    // Drawn right after its node's header ("PARTNER", left-aligned after a 14 px icon and 5 px gap, 12 px in): the
    // line ends 12 px inside the 220 px card's right edge.
    expect(calls[at - 1]).toMatchObject({ text: 'PARTNER', align: 'left' });
    expect(calls[at]!.x - calls[at - 1]!.x).toBeCloseTo(220 - 12 - (12 + 14 + 5));
    expect(calls.find((c) => c.text === lines[0])!.align).toBe('left');
  });
});
