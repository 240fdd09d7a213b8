/** Insights in the order a user acts on them, long groups folded, and the place kept after "Show on map". */
import { describe, expect, it } from 'vitest';
import { openApp, useApp } from './harness';

const app = useApp();

describe('insights order and place', () => {
  it('lists suggestions first and unused strengths last, and folds a long group behind "Show all"', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('tab', { name: 'Insights' }).click();
    await page.locator('.am-insight-group h2').first().waitFor();
    const headings = await page.locator('.am-insight-group h2').allTextContents();
    expect(headings[0]).toMatch(/^Suggested connections/);
    expect(headings[headings.length - 2]).toMatch(/^Unused strengths/);
    expect(headings[headings.length - 1]).toMatch(/^Dismissed suggestions/);

    const unused = page.getByRole('region', { name: /Unused strengths/ });
    expect(await unused.getByRole('listitem').count()).toBe(5);
    const more = unused.getByRole('button', { name: 'Show all 8' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await unused.getByRole('listitem').count()).toBe(8);
    await context.close();
  });

  it('comes back where it was after "Show on map"', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.setViewportSize({ width: 1440, height: 600 });
    await page.getByRole('tab', { name: 'Insights' }).click();
    const group = page.getByRole('region', { name: /Partners no colleague holds/ });
    const finding = group.getByRole('listitem').filter({ hasText: 'High school' });
    await finding.scrollIntoViewIfNeeded();
    const scroller = page.locator('.am-view');
    const before = await scroller.evaluate((el) => el.scrollTop);
    expect(before).toBeGreaterThan(100);
    await finding.getByRole('button', { name: 'Show on map' }).click();
    await page.getByRole('tab', { name: 'Map', selected: true }).waitFor();
    await page.getByRole('tab', { name: 'Insights' }).click();
    await group.waitFor();
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(before);
    await context.close();
  });
});
