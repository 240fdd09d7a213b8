/**
 * Nobody left out: axe finds no serious or critical problem on any view or dialog, and a small map can be built,
 * laid out and exported with the keyboard alone.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { openApp, readDoc, showWholeMap, useApp } from './harness';

const app = useApp();

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('accessibility', () => {
  it('has no serious or critical axe violations on any view or dialog', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.waitForTimeout(300);
    const found: Record<string, string[]> = {};
    found.map = await seriousViolations(page);
    for (const tab of ['Worksheet', 'Insights', 'Reflect']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(200);
      found[tab] = await seriousViolations(page);
    }
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.locator('.react-flow__node[aria-label="School Partnership (partner)"]').click();
    found.panel = await seriousViolations(page);
    await page.getByRole('button', { name: 'Maps' }).click();
    await page.getByRole('dialog', { name: 'Maps' }).waitFor();
    found.maps = await seriousViolations(page);
    await page.getByRole('dialog', { name: 'Maps' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export' }).waitFor();
    found.export = await seriousViolations(page);
    expect(found).toEqual({ map: [], Worksheet: [], Insights: [], Reflect: [], panel: [], maps: [], export: [] });
    await context.close();
  });

  it('builds a small map, lays it out and exports a PNG with the keyboard alone', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    let mouse = 0;
    await page.exposeFunction('countMouse', () => mouse++);
    await page.evaluate(() => {
      for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown']) {
        window.addEventListener(type, (e) => (e as MouseEvent).detail > 0 && (window as any).countMouse(), true);
      }
    });
    // Start from a blank map, chosen with the keyboard.
    const focusedName = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const label = el.getAttribute('aria-label') || (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) || el.textContent || '';
        return label.trim();
      });
    const tabTo = async (name: string | RegExp, back = false) => {
      for (let i = 0; i < 120; i++) {
        const current = await focusedName();
        if (typeof name === 'string' ? current === name : name.test(current)) return;
        await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      }
      throw new Error(`could not reach “${name}” with the Tab key`);
    };

    await tabTo('Maps');
    await page.keyboard.press('Enter');
    await tabTo('Template');
    await page.keyboard.press('Home'); // "Blank"
    await tabTo(/^New map/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Object.keys((window as any).assetMap.workspace.store.getDoc().nodes).length === 0);

    await tabTo(/^Add asset/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // Partner, the first item
    await page.keyboard.type('Library Foundation');
    await tabTo('Add strength');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Funds summer reading');
    await tabTo('Library Foundation', true);
    await page.keyboard.press('Enter');
    await tabTo('Add weakness');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Board meets twice a year');
    await tabTo('Add improvement');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Invite the board chair to a staff meeting');

    await tabTo(/^Add asset/, true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter'); // Staff
    await page.keyboard.type('Youth services librarian');
    await tabTo('Connect to');
    await page.keyboard.type('Library');
    await tabTo('Connect');
    await page.keyboard.press('Enter');

    await tabTo('Auto layout', true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as any).assetMap.workspace.store.getState().undoLabel === 'auto layout');

    const doc = await readDoc(page);
    const labels = Object.values(doc.nodes).map((n) => `${n.kind}:${n.label}`).sort();
    expect(labels).toEqual([
      'improvement:Invite the board chair to a staff meeting',
      'partner:Library Foundation',
      'staff:Youth services librarian',
      'strength:Funds summer reading',
      'weakness:Board meets twice a year',
    ]);
    expect(Object.values(doc.edges).map((e) => e.kind)).toEqual(['relationship']);

    await tabTo('Export');
    await page.keyboard.press('Enter');
    await tabTo('Export PNG');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/\.assetmap\.png$/);
    expect(mouse).toBe(0);
    await context.close();
  });

  it('on the map, the keyboard reaches assets before connections, edits an asset’s name and goes on to its fields, zooms, and gets its place back after a dialog', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const active = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '', node: !!el?.closest('.react-flow__node'), edge: !!el?.closest('.react-flow__edge'), id: el?.id ?? '' };
    });
    // From the search box onwards, the first thing Tab reaches on the map is an asset, never a connection.
    await page.getByPlaceholder('Find on map (Ctrl+F)').focus();
    let first: Awaited<ReturnType<typeof active>> | undefined;
    for (let i = 0; i < 40 && !first; i++) {
      await page.keyboard.press('Tab');
      const now = await active();
      expect(now.edge, `Tab reached a connection first: ${now.label}`).toBe(false);
      if (now.node) first = now;
    }
    expect(first?.node).toBe(true);
    // Enter selects it; Enter again (or F2) edits its name on the map; Tab from there goes on to its fields.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const name = first!.label.replace(/ \([^)]*\)$/, '');
    const editor = page.getByRole('textbox', { name: `Edit name of ${name}` });
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await editor.inputValue()).toBe(name);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.am-panel'))).toBe(true);
    expect(await page.getByRole('complementary', { name: 'Details' }).getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    expect(await editor.count()).toBe(0);

    // + and − zoom, 0 fits.
    const zoom = () => page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1]));
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 300 } });
    // Editing zoomed in on the name: 0 fits the map again.
    await page.keyboard.press('0');
    await page.waitForTimeout(500);
    const before = await zoom();
    await page.keyboard.press('+');
    await expect.poll(zoom).toBeGreaterThan(before);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(zoom).toBeLessThan(before);
    // 0 fits the whole map: as far out as the Fit View control takes it (the map opened at a readable zoom).
    await page.keyboard.press('0');
    await page.waitForTimeout(600);
    const fitted = await zoom();
    expect(await showWholeMap(page)).toBeCloseTo(fitted, 2);

    // Closing Export gives the focus back to the Export button.
    await page.getByRole('button', { name: 'Export', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Export' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await active()).label).toBe('Export');
    await context.close();
  });
});
