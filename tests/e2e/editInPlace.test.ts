/**
 * Editing a name on the map itself: F2, Enter on a selected node or a double click opens a text box over the
 * node; Escape leaves the name alone, Enter keeps it as one undo step, Tab keeps it and goes on to the node's
 * next field in the side panel.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, readDoc, showNode, useApp } from './harness';

const app = useApp();

const history = (page: Page) => page.evaluate(() => {
  const s = (window as any).assetMap.workspace.store.getState();
  return { canUndo: s.canUndo as boolean, undoLabel: s.undoLabel as string | undefined };
});
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
    return { id: el?.closest<HTMLElement>('.react-flow__node')?.dataset.id, inPanel: !!el?.closest('.am-panel'), label: label ?? el?.getAttribute('aria-label') ?? '' };
  });

describe('editing a name in place', () => {
  it('F2 opens the editor on the map; Escape leaves the name as it was and gives the focus back to the node', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.locator('.react-flow__node[data-id="school"]').focus();
    await page.keyboard.press('F2');
    const editor = page.getByRole('textbox', { name: 'Edit name of School Partnership' });
    await editor.waitFor();
    // On the canvas, over the node, with the name selected for typing over.
    expect(await editor.evaluate((el) => !!el.closest('.react-flow__viewport') && !el.closest('.am-panel'))).toBe(true);
    expect(await editor.inputValue()).toBe('School Partnership');
    // Over the node (once the view has zoomed in on it, if it was far out).
    const offset = async () => {
      const nodeBox = (await page.locator('.react-flow__node[data-id="school"]').boundingBox())!;
      const box = (await editor.boundingBox())!;
      return Math.max(Math.abs(box.x - nodeBox.x), Math.abs(box.y - nodeBox.y));
    };
    await expect.poll(offset).toBeLessThan(3);
    await page.keyboard.type('Something else');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('textbox', { name: /^Edit name of/ }).count()).toBe(0);
    expect((await readDoc(page)).nodes.school!.label).toBe('School Partnership');
    expect(await history(page)).toEqual({ canUndo: false, undoLabel: undefined });
    await expect.poll(async () => (await focused(page)).id).toBe('school');
    await context.close();
  });

  it('Enter on a selected node opens it; Enter keeps the new name as one undo step', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const node = page.locator('.react-flow__node[data-id="friends"]');
    await node.focus();
    await page.keyboard.press('Enter'); // selects
    await page.keyboard.press('Enter'); // edits
    const editor = page.getByRole('textbox', { name: 'Edit name of Friends group' });
    await editor.waitFor();
    await page.keyboard.type('Friends of the <b>Library</b>');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readDoc(page)).nodes.friends!.label).toBe('Friends of the <b>Library</b>');
    // Text, never markup: the node shows the characters typed.
    await expect.poll(() => node.getAttribute('aria-label')).toBe('Friends of the <b>Library</b> (partner)');
    expect((await node.locator('.am-node-label').textContent())!.replace(/\s/g, '')).toBe('Friendsofthe<b>Library</b>');
    expect(await node.locator('b').count()).toBe(0);
    expect(await history(page)).toEqual({ canUndo: true, undoLabel: 'edit' });
    await expect.poll(async () => (await focused(page)).id).toBe('friends');
    // One undo takes the whole edit back.
    await page.keyboard.press('Control+z');
    expect((await readDoc(page)).nodes.friends!.label).toBe('Friends group');
    expect((await history(page)).canUndo).toBe(false);
    await context.close();
  });

  it('a double click edits a strength’s text; Tab keeps it and goes on to the next field in the side panel', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.locator('.react-flow__node[data-id="school.s0"]').dblclick();
    const editor = page.getByRole('textbox', { name: 'Edit text of Teachers' });
    await editor.waitFor();
    await editor.fill('Teachers who run clubs');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await readDoc(page)).nodes['school.s0']!.label).toBe('Teachers who run clubs');
    // The panel's text field shows it, and the focus is on what comes after it there.
    await expect.poll(async () => (await focused(page)).inPanel).toBe(true);
    expect(await page.getByRole('complementary', { name: 'Details' }).getByLabel('Text', { exact: true }).inputValue()).toBe('Teachers who run clubs');
    expect(await history(page)).toEqual({ canUndo: true, undoLabel: 'edit' });
    await context.close();
  });

  it('Tab from an asset’s name goes on to its Kind; a click elsewhere keeps what was typed', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await showNode(page, 'room');
    await page.locator('.react-flow__node[data-id="room"]').dblclick();
    await page.getByRole('textbox', { name: 'Edit name of Meeting Room' }).fill('Community room');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await focused(page)).label).toBe('Kind');
    expect((await readDoc(page)).nodes.room!.label).toBe('Community room');

    await page.locator('.react-flow__node[data-id="tech"]').dblclick();
    await page.getByRole('textbox', { name: 'Edit name of Technology acquisition' }).fill('Technology fund');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 300 } });
    await expect.poll(async () => (await readDoc(page)).nodes.tech!.label).toBe('Technology fund');
    expect(await page.getByRole('textbox', { name: /^Edit name of/ }).count()).toBe(0);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });

  it('Tab from the name waits for the side panel’s fields when their code comes late (a slow machine or line)', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    // The panel's code, loaded on demand, arrives two and a half seconds after it is asked for.
    await context.route(/DetailPanels-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.continue();
    });
    const { page } = await openApp(app.browser, app.url, context);
    await page.locator('.react-flow__node[data-id="school"]').focus();
    await page.keyboard.press('F2');
    const editor = page.getByRole('textbox', { name: 'Edit name of School Partnership' });
    await editor.waitFor();
    await page.keyboard.type('School district');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await focused(page)).label).toBe('Kind');
    expect((await readDoc(page)).nodes.school!.label).toBe('School district');
    await context.close();
  });
});
