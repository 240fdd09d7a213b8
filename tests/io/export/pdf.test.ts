/**
 * The PDF, made in Node (jsPDF needs no DOM): its map page drawn from the same marks as the images, read back
 * with poppler (pdftotext, pdftoppm; Debian package poppler-utils), and the map inside it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawMap, exportPdf, readMapFromPdf } from '../../../src/io/export';
import { paintScenePdf } from '../../../src/io/export/pdfPainter';
import { PdfText } from '../../../src/io/export/pdfText';
import { HOSTILE_LABELS, fontsFromDisk, sunnydale } from './helpers';

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

  it('prints Farsi, Hebrew, Chinese and Cyrillic with embedded fonts, in the Title too, and hostile text as text', async () => {
    const doc = sunnydale();
    doc.title = 'کتابخانه عمومی سانی‌دیل';
    doc.nodes.na1!.label = 'انجمن فرهنگی ایرانیان';
    doc.nodes.friends!.label = 'ספרייה עירונית';
    doc.nodes.school!.label = 'Café “Ünïcödé” 图书馆 \u{1F600} Библиотека';
    doc.nodes.high!.label = HOSTILE_LABELS[1]!;
    const file = write(await exportPdf(doc, { paper: 'letter' }, fontsFromDisk));
    // Every page, read back; Arabic comes back in its joined forms, which NFKC folds to the letters typed.
    const read = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const text = read.stdout.normalize('NFKC');
    for (const words of ['کتابخانه عمومی سانی\u200cدیل', 'انجمن فرهنگی ایرانیان', 'ספרייה עירונית', 'Café “Ünïcödé” 图书馆', 'Библиотека']) {
      // The map page and the worksheet both have them.
      expect(text.split(words).length - 1, words).toBeGreaterThanOrEqual(2);
    }
    expect(text).not.toMatch(/\?\?|图书馆 \?/);
    expect(text).toContain('</text><script>alert(1)');
    // No complaints from the reader: jsPDF's wrong name for the fonts' character collection is mended.
    expect(read.stderr).toBe('');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Title:\s+کتابخانه عمومی سانی\u200cدیل$/m);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    for (const name of ['arabic-arabic-', 'hebrew-hebrew-400', 'sans-cyrillic-', 'cjk-']) expect(fonts).toMatch(new RegExp(`${name}\\S*\\s+CID TrueType\\s+Identity-H\\s+yes`));
  });

  it('places a right-to-left line by its right end, as the screen does', async () => {
    const doc = sunnydale();
    doc.nodes.na1!.label = 'אגודת השכונה';
    const { jsPDF } = await import('jspdf');
    const pdf = new jsPDF({ unit: 'pt', format: [2000, 2000] });
    const scene = drawMap(doc, { background: 'white', title: false, legend: false });
    const writer = await PdfText.prepare(pdf, [{ text: 'אגודת השכונה' }], fontsFromDisk);
    // Where the lines go, one unit per px: every piece of text drawn, with its left end and width.
    const calls: { text: string; x: number; width: number }[] = [];
    const text = pdf.text.bind(pdf);
    pdf.text = ((t: string, x: number, y: number, o: object) => {
      calls.push({ text: t, x, width: pdf.getTextWidth(t) });
      return text(t, x, y, o);
    }) as typeof pdf.text;
    paintScenePdf(pdf, writer, scene, 0, 0, 1);
    const at = calls.findIndex((c) => c.text === [...'אגודת השכונה'].reverse().join(''));
    expect(at).toBeGreaterThan(0);
    // Drawn right after its node's header ("PARTNER", after a 14 px icon and 5 px gap, 12 px in): the line ends
    // 12 px inside the 220 px card's right edge.
    expect(calls[at - 1]!.text).toBe('PARTNER');
    const cardLeft = calls[at - 1]!.x - (12 + 14 + 5);
    expect(calls[at]!.x + calls[at]!.width).toBeCloseTo(cardLeft + 220 - 12, 1);
  });
});
