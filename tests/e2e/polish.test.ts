/** Small things a new user notices: file names, a toolbar that stays put, messages that do not pile up. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useApp } from './harness';

const app = useApp();

async function exportName(page: Page, button: string): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: button }).click();
  return (await download).suggestedFilename();
}

describe('polish', () => {
  it('names spreadsheets and other worksheet exports plainly; map files and images keep .assetmap', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    expect(await exportName(page, 'Export CSV')).toBe('Sunnydale Public Library.csv');
    expect(await exportName(page, 'Export Excel')).toBe('Sunnydale Public Library.xlsx');
    expect(await exportName(page, 'Export Markdown')).toBe('Sunnydale Public Library.md');
    expect(await exportName(page, 'Export SVG')).toBe('Sunnydale Public Library.assetmap.svg');
    await context.close();
  });

  it('toolbar buttons stay where they are whatever the save status says', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const lefts = await page.evaluate(() => {
      const status = document.querySelector('.am-save')!;
      const maps = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Maps')!;
      const before = status.textContent;
      const out = ['', 'Saving…', 'All changes saved', 'Not saved'].map((text) => {
        status.textContent = text;
        return Math.round(maps.getBoundingClientRect().left);
      });
      status.textContent = before;
      return out;
    });
    expect(new Set(lefts).size).toBe(1);
    await context.close();
  });

  it('messages do not pile up: a new one takes the place of the last, errors stay', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.evaluate(() => {
      const session = (window as any).assetMap.session;
      session.notify({ tone: 'error', text: 'Something failed.' });
      session.notify({ tone: 'success', text: 'First.' });
      session.notify({ tone: 'info', text: 'Second.' });
      session.notify({ tone: 'success', text: 'Third.' });
    });
    const shown = async () => (await page.locator('.am-notice').allTextContents()).map((t) => t.replace(/×$/, ''));
    expect(await shown()).toEqual(['Something failed.', 'Third.']);
    await context.close();
  });

  it('says in words what the number on a box counts', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const badge = page.locator('.react-flow__node[aria-label="School Partnership (partner)"] .am-badge');
    const seen = await badge.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.am-sr').forEach((n) => n.remove());
      return { text: copy.textContent!.trim(), width: el.getBoundingClientRect().width };
    });
    expect(seen.text).toMatch(/^\d+ insights?$/);
    // Wide enough to be read at the first view's zoom, not a lone digit.
    expect(seen.width).toBeGreaterThan(30);
    await context.close();
  });
});

describe('first view', () => {
  const zoom = (page: Page) =>
    page.evaluate(() => Number(/scale\(([-\d.e]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)![1]));

  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    it(`opens the example readable at ${width}×${height}: its words at 9.5 px or more, a whole row of items under the legend, Fit a click away`, async () => {
      const context = await app.browser.newContext({ viewport: { width, height } });
      const { page } = await openApp(app.browser, app.url, context);
      await expect.poll(() => zoom(page)).toBeGreaterThanOrEqual(0.8);
      // An item's own words, as drawn on the screen.
      const px = await page.evaluate(() => Math.min(...[...document.querySelectorAll('.react-flow__node .am-node-label')].map((e) => parseFloat(getComputedStyle(e).fontSize))));
      expect(px * (await zoom(page))).toBeGreaterThanOrEqual(9.5);
      // Several items are whole in view, and none of them under the legend strip.
      const canvas = (await page.locator('.am-canvas').boundingBox())!;
      const legend = (await page.locator('.am-legend').boundingBox())!;
      const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      const whole = boxes.filter((b) => b.left >= canvas.x && b.top >= canvas.y && b.right <= canvas.x + canvas.width && b.bottom <= canvas.y + canvas.height);
      expect(whole.length).toBeGreaterThanOrEqual(8);
      const top = Math.min(...whole.map((b) => b.top));
      expect(top).toBeGreaterThanOrEqual(legend.y + legend.height);
      // Fit view shows the whole map, far out.
      await page.getByRole('button', { name: 'Fit View' }).click();
      await expect.poll(() => zoom(page)).toBeLessThan(0.8);
      await context.close();
    });
  }
});
