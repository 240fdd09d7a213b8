/** Exports in real Chromium: PNG, SVG and PDF downloads, and a PNG opening again as the same map. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { PNG } from 'pngjs';
import { openApp, openLargeMap, readDoc, useApp } from './harness';

const app = useApp();

async function exportAs(page: Page, button: string): Promise<{ path: string; name: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: button }).click();
  const file = await download;
  const path = join(mkdtempSync(join(tmpdir(), 'am-')), file.suggestedFilename());
  await file.saveAs(path);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { path, name: file.suggestedFilename() };
}

describe('export', () => {
  it('exports a PNG that holds the map, and opening it in a fresh browser restores the map', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const saved = await readDoc(page);
    const { path, name } = await exportAs(page, 'Export PNG');
    expect(name).toBe('Sunnydale Public Library.assetmap.png');
    const png = PNG.sync.read(readFileSync(path));
    expect(png.width).toBeGreaterThan(800);
    await context.close();

    const fresh = await openApp(app.browser, app.url);
    await fresh.page.getByRole('button', { name: 'Maps' }).click();
    await fresh.page.getByRole('dialog', { name: 'Maps' }).getByLabel('Template').selectOption('blank');
    await fresh.page.getByRole('button', { name: 'New map' }).click();
    await fresh.page.waitForFunction(() => Object.keys((window as any).assetMap.workspace.store.getDoc().nodes).length === 0);
    await fresh.page.getByLabel('Open file').setInputFiles(path);
    await fresh.page.getByRole('status').filter({ hasText: 'Opened “Sunnydale Public Library.assetmap.png”' }).waitFor();
    const opened = await readDoc(fresh.page);
    expect(opened.nodes).toEqual(saved.nodes);
    expect(opened.edges).toEqual(saved.edges);
    await fresh.context.close();
  });

  it('exports an SVG that opens again, and a PDF of the map and the worksheet', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const saved = await readDoc(page);
    const svg = await exportAs(page, 'Export SVG');
    const text = readFileSync(svg.path, 'utf8');
    expect(text).toContain('<metadata');
    expect(text).not.toMatch(/<script|\son\w+=|javascript:/i);

    const pdf = await exportAs(page, 'Export PDF');
    const info = execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);

    await page.getByLabel('Open file').setInputFiles(svg.path);
    await page.getByRole('status').filter({ hasText: 'Opened' }).waitFor();
    expect((await readDoc(page)).nodes).toEqual(saved.nodes);
    await context.close();
  });

  it('prints Farsi, Hebrew and Chinese in the PDF, with the fonts fetched as needed', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const fonts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.woff')) fonts.push(r.url());
    });
    await page.evaluate(() => {
      const { store } = (window as any).assetMap.workspace;
      const partners = Object.values(store.getDoc().nodes as Record<string, { id: string; kind: string }>).filter((n) => n.kind === 'partner');
      store.dispatch('setTitle', { title: 'کتابخانه عمومی سانی‌دیل' });
      store.dispatch('updateNode', { id: partners[0]!.id, patch: { label: 'انجمن فرهنگی ایرانیان' } });
      store.dispatch('updateNode', { id: partners[1]!.id, patch: { label: 'ספרייה עירונית' } });
      store.dispatch('updateNode', { id: partners[2]!.id, patch: { label: '社区图书馆之友' } });
    });
    const pdf = await exportAs(page, 'Export PDF');
    const text = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' }).normalize('NFKC');
    for (const words of ['کتابخانه عمومی سانی\u200cدیل', 'انجمن فرهنگی ایرانیان', 'ספרייה עירונית', '社区图书馆之友']) expect(text).toContain(words);
    expect(text).not.toContain('??');
    // Only the pieces the text needs: Arabic, Hebrew and a few of the hundred Chinese ones, in both weights at most.
    expect(fonts.some((u) => /noto-sans-arabic-arabic-400/.test(u))).toBe(true);
    expect(fonts.some((u) => /noto-sans-hebrew-hebrew-400/.test(u))).toBe(true);
    expect(fonts.length).toBeLessThan(20);
    await context.close();
  });

  it('draws the PNG as the SVG draws: the same pixels, up to anti-aliasing', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const painters: string[] = [];
    page.on('worker', (w) => {
      if (w.url().includes('png.worker')) painters.push(w.url());
    });
    const png = await exportAs(page, 'Export PNG');
    const svg = await exportAs(page, 'Export SVG');
    // Painted off the page, in bands, one per core (up to four): the bands must meet without a seam.
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(painters.length).toBe(Math.min(cores, 4));
    expect(await page.evaluate(() => performance.getEntriesByName('assetmap-export-on-page').length)).toBe(0);
    // Both images are drawn by this Chromium at the PNG's size and compared pixel by pixel.
    const diff = await page.evaluate(
      async ({ pngBase64, svgText }) => {
        const pngBytes = Uint8Array.from(atob(pngBase64), (c) => c.charCodeAt(0));
        const fromPng = await createImageBitmap(new Blob([pngBytes], { type: 'image/png' }));
        const { width, height } = fromPng;
        const img = new Image();
        img.src = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
        await img.decode();
        const pixels = (draw: (ctx: CanvasRenderingContext2D) => void) => {
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          const ctx = canvas.getContext('2d')!;
          draw(ctx);
          return ctx.getImageData(0, 0, width, height).data;
        };
        const a = pixels((ctx) => ctx.drawImage(fromPng, 0, 0));
        const b = pixels((ctx) => ctx.drawImage(img, 0, 0, width, height));
        let ink = 0;
        let off = 0;
        for (let i = 0; i < a.length; i += 4) {
          const inked = a[i]! < 235 || a[i + 1]! < 235 || a[i + 2]! < 235 || b[i]! < 235 || b[i + 1]! < 235 || b[i + 2]! < 235;
          if (!inked) continue;
          ink++;
          if (Math.max(Math.abs(a[i]! - b[i]!), Math.abs(a[i + 1]! - b[i + 1]!), Math.abs(a[i + 2]! - b[i + 2]!)) > 32) off++;
        }
        return { width, height, ink, off };
      },
      { pngBase64: readFileSync(png.path).toString('base64'), svgText: readFileSync(svg.path, 'utf8') },
    );
    expect(diff.width).toBeGreaterThan(800);
    // The map has ink: nodes, edges, text.
    expect(diff.ink / (diff.width * diff.height)).toBeGreaterThan(0.05);
    expect(diff.off / diff.ink).toBeLessThan(0.01);
    await context.close();
  });

  it('makes the SVG and PDF of a large map in a worker, and they open again', async () => {
    const { page, context, nodes } = await openLargeMap(app.browser, app.url, 200);
    expect(nodes).toBeGreaterThan(1000);
    // A Hebrew name: the worker fetches its font.
    await page.evaluate(() => {
      const { store } = (window as any).assetMap.workspace;
      const partner = Object.values(store.getDoc().nodes as Record<string, { id: string; kind: string }>).find((n) => n.kind === 'partner')!;
      store.dispatch('updateNode', { id: partner.id, patch: { label: 'ספרייה עירונית' } });
    });
    const saved = await readDoc(page);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const svg = await exportAs(page, 'Export SVG');
    const pdf = await exportAs(page, 'Export PDF');
    expect(workers.filter((u) => u.includes('export.worker'))).toHaveLength(2);
    // Made there, not on the page after the worker failed.
    expect(await page.evaluate(() => performance.getEntriesByName('assetmap-export-on-page').length)).toBe(0);
    expect(readFileSync(svg.path, 'utf8')).toContain('<metadata');
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' }))?.[1])).toBeGreaterThanOrEqual(2);
    expect(execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' })).toContain('ספרייה עירונית');
    for (const made of [svg, pdf]) {
      await page.getByLabel('Open file').setInputFiles(made.path);
      await page.getByRole('status').filter({ hasText: `Opened “${made.name}”` }).waitFor();
      expect((await readDoc(page)).nodes).toEqual(saved.nodes);
    }
    await context.close();
  });

  it('opening an older export of a map you have asks first: a copy by default, or a replacement that Undo takes back', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const png = await exportAs(page, 'Export PNG');
    const exported = await readDoc(page);
    // Rename an asset after the export.
    const [id, node] = Object.entries(exported.nodes).find(([, n]) => n.kind === 'partner')!;
    await page.evaluate(({ id }) => (window as any).assetMap.workspace.store.dispatch('updateNode', { id, patch: { label: 'Renamed after the export' } }), { id });
    const renamed = await readDoc(page);
    const mapId = await page.evaluate(() => (window as any).assetMap.workspace.store.getDoc().id as string);

    // Enter takes the default: open as a copy. The renamed map is untouched.
    await page.getByLabel('Open file').setInputFiles(png.path);
    const ask = page.getByRole('dialog', { name: `“${png.name}” holds a copy of your map` });
    await ask.waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'It was opened as a copy; your own map was not changed.' }).waitFor();
    const copy = await page.evaluate(() => (window as any).assetMap.workspace.store.getDoc());
    expect(copy.id).not.toBe(mapId);
    expect(copy.title).toBe(`${exported.title} (copy)`);
    expect(copy.nodes[id].label).toBe(node.label);
    await page.getByRole('button', { name: 'Maps' }).click();
    await page.getByRole('button', { name: `Open ${exported.title}`, exact: true }).click();
    await expect.poll(async () => (await readDoc(page)).nodes[id]?.label).toBe('Renamed after the export');

    // Replace: the export's content comes back, Undo is there and brings the rename back, and the renamed state
    // is kept as a saved version.
    await page.getByLabel('Open file').setInputFiles(png.path);
    await ask.getByRole('button', { name: 'Replace my map' }).click();
    await page.getByRole('status').filter({ hasText: `Replaced your map “${exported.title}”` }).waitFor();
    expect((await readDoc(page)).nodes).toEqual(exported.nodes);
    await page.getByRole('button', { name: /^Undo/ }).click();
    expect((await readDoc(page)).nodes).toEqual(renamed.nodes);
    const versions = await page.evaluate(async () => {
      const ws = (window as any).assetMap.workspace;
      const list = await ws.listVersions();
      const loaded = await Promise.all(list.map((v: { key: number }) => ws.storage.loadVersion(v.key)));
      return loaded.map((l: any) => Object.values(l.value.doc.nodes).some((n: any) => n.label === 'Renamed after the export'));
    });
    expect(versions).toContain(true);
    await context.close();
  });

  it('an image without a map inside gets a plain message and changes nothing', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const before = await readDoc(page);
    const dir = mkdtempSync(join(tmpdir(), 'am-'));
    const plain = new PNG({ width: 4, height: 4 });
    const file = join(dir, 'holiday.png');
    writeFileSync(file, PNG.sync.write(plain));
    await page.getByLabel('Open file').setInputFiles(file);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This image has no Asset Map data in it');
    expect(await readDoc(page)).toEqual(before);
    await context.close();
  });
});
