/** On a phone (390 × 844): no sideways scrolling; the toolbar folds into a menu; the side panel is a sheet. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './harness';

const app = useApp();

async function openPhone(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.waitForSelector('.react-flow__node', { timeout: 30_000 });
  return { page, close: () => context.close() };
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('phone', () => {
  it('fits the width, with every toolbar control one tap away', async () => {
    const { page, close } = await openPhone();
    expect(await overflow(page)).toBe(0);
    // The everyday controls are on the bar; the rest behind "More tools".
    for (const name of ['Add asset', 'Undo', 'Redo']) expect(await page.getByRole('button', { name, exact: true }).isVisible(), name).toBe(true);
    const more = page.getByRole('button', { name: 'More tools' });
    expect(await page.getByRole('button', { name: 'Export', exact: true }).isVisible()).toBe(false);
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    for (const name of ['Maps', 'Auto layout', 'Save file', 'Export']) expect(await page.getByRole('button', { name, exact: true }).isVisible(), name).toBe(true);
    expect(await page.getByLabel('Open file').count()).toBe(1);
    expect(await overflow(page)).toBe(0);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export' }).waitFor();
    await close();
  });

  it('shows the side panel as a sheet under the map, not beside it', async () => {
    const { page, close } = await openPhone();
    await page.locator('.react-flow__node[aria-label="High school (partner)"]').click();
    const panel = page.getByRole('complementary', { name: 'Details' });
    const box = (await panel.boundingBox())!;
    const canvas = (await page.locator('.am-view').boundingBox())!;
    expect(box.width).toBeGreaterThan(380);
    expect(box.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
    expect(canvas.height).toBeGreaterThan(300);
    expect(await overflow(page)).toBe(0);
    await close();
  });

  it('Worksheet, Insights and Reflect fit the width too; worksheet cells are wide enough to read', async () => {
    const { page, close } = await openPhone();
    for (const tab of ['Worksheet', 'Insights', 'Reflect']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(200);
      const wide = await page.evaluate(() => {
        const view = document.querySelector('.am-view')!;
        return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth, view.scrollWidth - view.clientWidth);
      });
      expect(wide, tab).toBe(0);
      if (tab === 'Worksheet') {
        const cell = (await page.getByLabel('Strengths of School Partnership').boundingBox())!;
        expect(cell.width).toBeGreaterThan(250);
      }
    }
    await close();
  });
});
