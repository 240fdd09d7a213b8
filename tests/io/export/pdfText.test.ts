/**
 * Text in every script on a PDF page (pdfText.ts), with jsPDF's Node build and the fonts the app ships: what is
 * drawn, in which font and in which order, read from the calls to jsPDF and from the file with poppler.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { PdfText } from '../../../src/io/export/pdfText';
import { woffToSfnt } from '../../../src/io/export/woff';
import { fontsFromDisk } from './helpers';

/** A page whose `text` and `rect` calls are recorded (and still made). */
async function page(texts: string[]) {
  const pdf = new jsPDF({ unit: 'pt', format: 'a4', compress: true });
  const writer = await PdfText.prepare(pdf, texts.map((text) => ({ text })), fontsFromDisk);
  const drawn: { text: string; x: number; font: string }[] = [];
  let boxes = 0;
  const text = pdf.text.bind(pdf);
  const rect = pdf.rect.bind(pdf);
  pdf.text = ((t: string, x: number, y: number, o: object) => {
    drawn.push({ text: t, x, font: pdf.getFont().fontName });
    return text(t, x, y, o);
  }) as typeof pdf.text;
  pdf.rect = ((...args: Parameters<typeof pdf.rect>) => {
    boxes++;
    return rect(...args);
  }) as typeof pdf.rect;
  return { pdf, writer, drawn, boxes: () => boxes };
}

const visual = (drawn: { text: string }[]) => drawn.map((d) => d.text).join('').normalize('NFKC');
const reversed = (s: string) => [...s].reverse().join('');

describe('PDF text', () => {
  it('unwraps a WOFF font into the TrueType file it holds', async () => {
    const sfnt = woffToSfnt(await fontsFromDisk('/node_modules/@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff'));
    expect([...sfnt.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    const tables = new DataView(sfnt.buffer).getUint16(4);
    const tags = Array.from({ length: tables }, (_, i) => String.fromCharCode(...sfnt.subarray(12 + 16 * i, 16 + 16 * i)));
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca']));
    // Bytes that are no WOFF are returned as they are.
    const plain = new Uint8Array([0, 1, 0, 0, 9]);
    expect(woffToSfnt(plain)).toBe(plain);
  });

  it('draws Hebrew and Farsi in visual order, Farsi joined, with digits and a Latin phrase where they belong', async () => {
    const { writer, drawn } = await page(['ספרייה עירונית', 'סניף 12', 'انجمن فرهنگی ایرانیان (Iranian Cultural Society)']);
    writer.draw('ספרייה עירונית', 500, 100, { size: 12, align: 'right', direction: 'rtl' });
    expect(visual(drawn)).toBe(reversed('ספרייה עירונית'));
    expect(drawn[0]!.font).toBe('hebrew-hebrew-400');

    drawn.length = 0;
    writer.draw('סניף 12', 500, 120, { size: 12, align: 'right', direction: 'rtl' });
    expect(visual(drawn)).toBe(`12 ${reversed('סניף')}`);

    drawn.length = 0;
    writer.draw('انجمن فرهنگی ایرانیان (Iranian Cultural Society)', 500, 140, { size: 12, align: 'right', direction: 'rtl' });
    // Left to right on the page: the English phrase in its brackets (mirrored, as the bidi algorithm wants), then
    // the Farsi, last word first.
    expect(visual(drawn)).toBe(`(Iranian Cultural Society) ${reversed('انجمن فرهنگی ایرانیان')}`);
    const farsi = drawn.find((d) => d.font.startsWith('arabic'))!;
    // Joined: the letters are drawn in their contextual forms, not as the isolated letters typed.
    expect(farsi.text).toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/u);
    expect(farsi.text).not.toMatch(/[\u0600-\u06FF]/u);
    expect(farsi.x).toBeGreaterThan(drawn.find((d) => d.text.includes('Iranian'))!.x);
  });

  it('takes Chinese, Cyrillic and Polish from embedded fonts, draws a box for an emoji, and a plain Latin line as it is', async () => {
    const { writer, drawn, boxes } = await page(['图书馆 😀 Łódź Библиотека']);
    writer.draw('Café 图书馆 😀 Łódź Библиотека', 40, 100, { size: 12 });
    const fonts = drawn.map((d) => d.font);
    expect(fonts).toEqual(expect.arrayContaining(['helvetica', 'sans-latin-ext-400', 'sans-cyrillic-400']));
    expect(fonts.some((f) => f.startsWith('cjk-'))).toBe(true);
    expect(visual(drawn)).toBe('Café 图书馆  Łódź Библиотека');
    expect(boxes()).toBe(1);
    expect(drawn.some((d) => /[?\uFFFD]/.test(d.text))).toBe(false);

    drawn.length = 0;
    writer.draw('Friends of the Library', 40, 120, { size: 12, bold: true });
    expect(drawn).toEqual([{ text: 'Friends of the Library', x: 40, font: 'helvetica' }]);
  });

  it('wraps at spaces, and Chinese between characters', async () => {
    const { writer } = await page(['图书馆图书馆图书馆图书馆']);
    const lines = writer.wrap('Work with the association to organize a carpool', 100, { size: 10 });
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe('Work with the association to organize a carpool');
    for (const line of lines) expect(writer.width(line, { size: 10 })).toBeLessThanOrEqual(100);
    const cjk = writer.wrap('图书馆图书馆图书馆图书馆', 40, { size: 10 });
    expect(cjk.length).toBeGreaterThan(1);
    expect(cjk.join('')).toBe('图书馆图书馆图书馆图书馆');
  });

  it('gives the words back to pdftotext in reading order, with only the glyphs used embedded', async () => {
    const { pdf, writer } = await page(['ספרייה עירונית', 'انجمن فرهنگی ایرانیان', '图书馆']);
    writer.draw('ספרייה עירונית', 500, 100, { size: 14, align: 'right', direction: 'rtl' });
    writer.draw('انجمن فرهنگی ایرانیان', 500, 130, { size: 14, align: 'right', direction: 'rtl' });
    writer.draw('Library 图书馆', 40, 160, { size: 14 });
    const file = join(mkdtempSync(join(tmpdir(), 'am-pdftext-')), 'text.pdf');
    const bytes = new Uint8Array(pdf.output('arraybuffer'));
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFKC');
    for (const words of ['ספרייה עירונית', 'انجمن فرهنگی ایرانیان', 'Library 图书馆']) expect(text).toContain(words);
    // Less than the Arabic font alone (79 KB as WOFF, 200 KB unpacked): only the glyphs drawn are embedded.
    expect(bytes.length).toBeLessThan(40_000);
  });
});
