/** The board summary from the Export dialog, in real Chromium: a PDF read back with poppler, and the web page. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, useApp } from './harness';

const app = useApp();

async function download(page: Page, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const file = page.waitForEvent('download', { timeout: 60_000 });
  await click();
  const d = await file;
  const path = join(mkdtempSync(join(tmpdir(), 'am-board-')), d.suggestedFilename());
  await d.saveAs(path);
  return { path, name: d.suggestedFilename() };
}

describe('board summary', () => {
  it('makes a PDF and a web page for the board, with what changed since a review, from the keyboard', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    // A review in the spring, then a partner renamed (in Farsi) and one deleted.
    await page.evaluate(() => {
      const { store } = (window as any).assetMap.workspace;
      const { reviews: _r, ...map } = store.getDoc();
      store.dispatch('saveReview', { review: { id: 'rev_spring', name: 'Spring 2026 review', at: '2026-04-01T10:00:00.000Z', map: structuredClone(map) } });
      const partners = Object.values(store.getDoc().nodes as Record<string, { id: string; kind: string; label: string }>).filter((n) => n.kind === 'partner');
      store.dispatch('updateNode', { id: partners.find((p) => p.label === 'Neighborhood Association 1')!.id, patch: { label: 'انجمن فرهنگی ایرانیان' } });
      store.dispatch('deleteNodes', { ids: [partners.find((p) => p.label === 'High school')!.id] });
    });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Changes since').selectOption({ label: 'Spring 2026 review' });
    const pdf = await download(page, async () => {
      await dialog.getByRole('button', { name: 'Board summary' }).focus();
      await page.keyboard.press('Enter');
    });
    expect(pdf.name).toBe('Sunnydale Public Library – board summary.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const text = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' }).normalize('NFKC');
    for (const words of ['Sunnydale Public Library', 'Board summary', 'Partnerships most at risk', 'Changes since Spring 2026 review', 'Removed: “High school” (partner)', 'انجمن فرهنگی ایرانیان']) {
      expect(text, words).toContain(words);
    }

    await dialog.getByLabel('Format').selectOption('html');
    const html = await download(page, () => dialog.getByRole('button', { name: 'Board summary' }).click());
    expect(html.name).toBe('Sunnydale Public Library – board summary.html');
    const page2 = readFileSync(html.path, 'utf8');
    expect(page2).toContain('<h2 dir="auto">Changes since Spring 2026 review</h2>');
    expect(page2).not.toMatch(/<script/i);

    // The page opens on its own, with nothing to fetch: its map and words are there.
    const viewer = await context.newPage();
    const requests: string[] = [];
    viewer.on('request', (r) => requests.push(r.url()));
    await viewer.goto(`file://${html.path}`);
    expect(await viewer.getByRole('heading', { level: 1 }).textContent()).toBe('Sunnydale Public Library');
    expect(await viewer.locator('figure svg').count()).toBe(1);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await context.close();
  });
});
