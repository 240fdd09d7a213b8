/**
 * Printing: the worksheet prints every line of every cell within the page, without the search box; the Map tab
 * prints the map fitted to the page on Ctrl+P, and from the browser's menu a line saying how, never a blank page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useApp } from './harness';

const app = useApp();

async function printedText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const file = join(mkdtempSync(join(tmpdir(), 'am-print-')), 'page.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('printing', () => {
  it('the worksheet prints every line of a long cell, and not the search box', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.evaluate(() => {
      const store = (window as any).assetMap.workspace.store;
      const node = Object.values(store.getDoc().nodes).find((n: any) => n.label === 'Many bilingual - English/Farsi Speakers') as { id: string };
      store.dispatch('updateNode', { id: node.id, patch: { label: 'Many bilingual - English/Farsi Speakers who also run the Saturday homework club and translate flyers for the branch every month' } });
    });
    await page.getByRole('tab', { name: 'Worksheet' }).click();
    await page.getByRole('heading', { name: /Partnership/ }).first().waitFor();
    const text = (await printedText(page)).replace(/\s+/g, ' ');
    expect(text).toContain('translate flyers for the branch every month');
    expect(text).toContain('How can it be improved?');
    // A wrapped cell prints all its lines (the columns are side by side in the text: its lines are apart).
    for (const part of ['Work with the teachers and PTA', 'to make a shared calendar that', 'is updated weekly']) expect(text).toContain(part);
    expect(text).not.toContain('Find on map');
    await context.close();
  });

  it('the map tab prints the map on Ctrl+P, and a line saying how from the browser menu', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    // From the menu: not a blank page.
    expect((await printedText(page)).replace(/\s+/g, ' ')).toContain('The map prints from the Map tab with Ctrl+P');
    // Ctrl+P: the map as the exports draw it, on the page.
    await page.evaluate(() => {
      (window as any).printed = 0;
      window.print = () => {
        (window as any).printed++;
      };
    });
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+p');
    await page.waitForFunction(() => (window as any).printed === 1);
    expect(await page.locator('.am-print-map img').evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
    const text = (await printedText(page)).replace(/\s+/g, ' ');
    expect(text).toContain('Sunnydale Public Library');
    expect(text).toContain('School Partnership');
    expect(text).not.toContain('The map prints from the Map tab');
    await context.close();
  });
});
