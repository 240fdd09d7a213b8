/**
 * Saved views and presenting them, and the map's look: two views saved with the keyboard, presented with the
 * arrow keys (Escape gives the map and the focus back), a view exported as a PNG of its part of the map, assets
 * sized by their ties, tags as chips and the tag filter; axe finds nothing serious in Present mode or the new
 * controls.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { PNG } from 'pngjs';
import { openApp, readDoc, showWholeMap, useApp } from './harness';

const app = useApp();
const node = (page: Page, label: string) => page.locator(`.react-flow__node[aria-label="${label}"]`);

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

interface ViewInDoc {
  id: string;
  name: string;
  region: { x: number; y: number; width: number; height: number };
  hiddenKinds?: string[];
}
const viewsOf = async (page: Page): Promise<ViewInDoc[]> =>
  Object.values(((await readDoc(page)) as unknown as { views?: Record<string, ViewInDoc> }).views ?? {});

/** Saved views → Save view…, all with keys. */
async function saveViewByKeyboard(page: Page, name: string) {
  await page.getByRole('button', { name: 'Saved views' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Save view…');
  await page.keyboard.press('Enter');
  const field = page.getByRole('dialog', { name: 'Save view' }).getByLabel('View name');
  await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: `Saved the view “${name}”` }).waitFor();
}

/** The number of asset nodes on screen of a kind. */
const shownOfKind = (page: Page, kind: string) => page.locator(`.react-flow__node-asset[aria-label$="(${kind})"]:visible`).count();

describe('saved views and presenting them', () => {
  it('save two views with the keyboard, present them with the arrow keys, Escape gives everything back', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await showWholeMap(page);
    await saveViewByKeyboard(page, 'Everything');
    // The second: no partners, zoomed in.
    await page.getByRole('button', { name: 'Show partner assets' }).click();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await saveViewByKeyboard(page, 'No partners');
    const views = await viewsOf(page);
    expect(views.map((v) => v.name).sort()).toEqual(['Everything', 'No partners']);
    const [everything, noPartners] = ['Everything', 'No partners'].map((n) => views.find((v) => v.name === n)!);
    expect(everything!.hiddenKinds).toBeUndefined();
    expect(noPartners!.hiddenKinds).toEqual(['partner']);
    expect(noPartners!.region.width).toBeLessThan(everything!.region.width);
    // Saving was one undo step each.
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/^Undo save view/);

    // Back to everything shown, then present.
    await page.getByRole('button', { name: 'Show partner assets' }).click();
    const present = page.getByRole('button', { name: 'Present', exact: true });
    await present.focus();
    await page.keyboard.press('Enter');
    const presenter = page.getByRole('dialog', { name: 'Presenting Sunnydale Public Library' });
    await presenter.waitFor();
    const caption = presenter.getByRole('status');
    await expect.poll(() => caption.textContent()).toBe('Everything1 of 2');
    expect(await shownOfKind(page, 'partner')).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => caption.textContent()).toBe('No partners2 of 2');
    await expect.poll(() => shownOfKind(page, 'partner')).toBe(0);
    // Past the last view it stays there; arrows, Page Up and Space step.
    await page.keyboard.press('Space');
    await expect.poll(() => caption.textContent()).toBe('No partners2 of 2');
    await page.keyboard.press('PageUp');
    await expect.poll(() => caption.textContent()).toBe('Everything1 of 2');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => caption.textContent()).toBe('No partners2 of 2');
    // Presenting changed nothing in the map.
    expect(Object.keys((await readDoc(page)).nodes).length).toBeGreaterThan(10);
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/^Undo save view/);

    await page.keyboard.press('Escape');
    await presenter.waitFor({ state: 'detached' });
    await expect.poll(() => present.evaluate((el) => el === document.activeElement)).toBe(true);
    // The map shows what it showed before: partners too.
    await expect.poll(() => shownOfKind(page, 'partner')).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    await context.close();
  });

  it('with no saved views Present shows the whole map; Leave ends it', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const presenter = page.getByRole('dialog', { name: /^Presenting/ });
    await expect.poll(() => presenter.getByRole('status').textContent()).toBe('Whole map1 of 1');
    // Every asset of the map is inside the screen.
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('.react-flow__node-asset')].every((el) => {
            const r = el.getBoundingClientRect();
            return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
          }),
        ),
      )
      .toBe(true);
    await presenter.getByRole('button', { name: 'Leave' }).click();
    await presenter.waitFor({ state: 'detached' });
    await context.close();
  });

  it('a view exports as a PNG of its part of the map', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await showWholeMap(page);
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await saveViewByKeyboard(page, 'Close up');
    const [view] = await viewsOf(page);
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('menuitem', { name: 'Manage views…' }).click();
    const list = page.getByRole('dialog', { name: 'Saved views' });
    expect(await seriousViolations(page)).toEqual([]);
    await list.getByRole('button', { name: 'Export image… of “Close up”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    expect(await dialog.getByLabel('Area').inputValue()).toBe(`saved:${view!.id}`);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Export PNG' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Sunnydale Public Library - Close up.assetmap.png');
    const path = join(mkdtempSync(join(tmpdir(), 'am-')), 'view.png');
    await file.saveAs(path);
    const png = PNG.sync.read(readFileSync(path));
    // Scale 2, a 24 px margin each side: the width is the view's.
    expect(png.width).toBe(2 * (Math.ceil(view!.region.width) + 48));
    // Closing Export puts the focus on the Saved views menu (the dialog that opened it has gone).
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^Saved views/);
    await context.close();
  });
});

describe('the look: size by ties, tags', () => {
  it('Size by ties draws the assets with more ties larger, and those with none as they were', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await showWholeMap(page);
    const width = (label: string) => node(page, label).evaluate((el) => el.getBoundingClientRect().width);
    const hub = await width('School Partnership (partner)');
    const alone = await width('High school (partner)');
    await page.getByLabel('Size by ties').check();
    await expect.poll(() => width('School Partnership (partner)')).toBeGreaterThan(hub * 1.2);
    expect(await width('High school (partner)')).toBeCloseTo(alone, 0);
    await page.getByLabel('Size by ties').uncheck();
    await expect.poll(() => width('School Partnership (partner)')).toBeCloseTo(hub, 0);
    await context.close();
  });

  it('tags show as chips, in words; Filter by tag hides the assets without the tag', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await showWholeMap(page);
    await page.evaluate(() => {
      const store = (window as any).assetMap.workspace.store;
      store.dispatch('tagNodes', { ids: ['school', 'na1'], tag: 'teens' });
      store.dispatch('tagNodes', { ids: ['room'], tag: '<b>grant</b>' });
    });
    await expect.poll(() => node(page, 'School Partnership (partner)').locator('.am-tag').allTextContents()).toEqual(['teens']);
    // User text is data: the tag's markup is shown as text.
    expect(await node(page, 'Meeting Room (space)').locator('.am-tag').allTextContents()).toEqual(['<b>grant</b>']);
    expect(await node(page, 'School Partnership (partner)').getAttribute('aria-description')).toContain('Tags: teens');

    const filter = page.getByRole('combobox', { name: 'Filter by tag' });
    expect(await seriousViolations(page)).toEqual([]);
    await filter.selectOption({ label: 'teens (2)' });
    await expect.poll(() => page.locator('.react-flow__node-asset:visible').count()).toBe(2);
    expect(await node(page, 'School Partnership (partner)').isVisible()).toBe(true);
    expect(await node(page, 'Neighborhood Association 1 (partner)').isVisible()).toBe(true);
    // What hangs off a shown asset shows with it.
    expect(await page.locator('.react-flow__node-item:visible').count()).toBeGreaterThan(2);
    await filter.selectOption({ label: 'All tags' });
    await expect.poll(() => page.locator('.react-flow__node-asset:visible').count()).toBeGreaterThan(5);
    await context.close();
  });
});
