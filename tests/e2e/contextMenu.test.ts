/**
 * The map's context menu in Chromium: a `role="menu"` of menu items, opened by a right-click, the menu key or
 * Shift+F10 on a node, a connection, a selection or the empty map; worked with the keys; each action one undo
 * step; inside the window on a laptop and on a phone; clean under axe.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { openApp, readDoc, showNode, useApp } from './harness';

const app = useApp();

const menu = (page: Page) => page.getByRole('menu').first();
const activeName = (page: Page) => page.evaluate(() => document.activeElement?.querySelector('.am-menu-label')?.textContent ?? document.activeElement?.getAttribute('aria-label') ?? '');
const activeNode = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.react-flow__node')?.dataset.id);
const undoLabel = (page: Page) => page.evaluate(() => (window as any).assetMap.workspace.store.getState().undoLabel as string | undefined);
const undo = (page: Page) => page.evaluate(() => (window as any).assetMap.workspace.store.undo());
const countKind = async (page: Page, kind: string) => Object.values((await readDoc(page)).nodes).filter((n) => n.kind === kind).length;
const inside = async (page: Page, width: number, height: number) => {
  for (const m of await page.getByRole('menu').all()) {
    const b = (await m.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(width);
    expect(b.y + b.height).toBeLessThanOrEqual(height);
  }
};

describe('context menu', () => {
  it('opens on a right-click on an asset with what applies, is clean under axe, and Duplicate is one undo step', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.locator('.react-flow__node[data-id="school"]').click({ button: 'right' });
    await menu(page).waitFor();
    expect(await menu(page).getAttribute('aria-label')).toBe('Actions for School Partnership');
    const names = await menu(page).getByRole('menuitem').allTextContents();
    expect(names.map((n) => n.replace(/(F2|Ctrl\+D|Delete)$/, '').replace('›', ''))).toEqual([
      'Edit name', 'Add strength', 'Add weakness', 'Add improvement', 'Connect to…', 'Change kind', 'Add to group', 'Focus', 'Duplicate', 'Delete',
    ]);
    // Named exactly "Duplicate" (the key it shares is said apart, not in its name).
    await page.getByRole('menuitem', { name: 'Duplicate', exact: true }).waitFor();
    // The first item has the focus.
    expect(await activeName(page)).toBe('Edit name');
    const axe = await new AxeBuilder({ page }).include('.am-context-menu').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const partners = await countKind(page, 'partner');
    await page.getByRole('menuitem', { name: 'Duplicate', exact: true }).click();
    await expect.poll(() => countKind(page, 'partner')).toBe(partners + 1);
    expect(await page.getByRole('menu').count()).toBe(0);
    const copies = Object.values((await readDoc(page)).nodes).filter((n) => n.label === 'Teachers');
    expect(copies).toHaveLength(2);
    await undo(page);
    expect(await countKind(page, 'partner')).toBe(partners);
    expect(Object.values((await readDoc(page)).nodes).filter((n) => n.label === 'Teachers')).toHaveLength(1);
    await context.close();
  });

  it('opens with the menu key on a focused node; arrows, Home and End move; Escape closes and gives the focus back', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.locator('.react-flow__node[data-id="friends"]').focus();
    await page.keyboard.press('ContextMenu');
    await menu(page).waitFor();
    expect(await menu(page).getAttribute('aria-label')).toBe('Actions for Friends group');
    expect(await activeName(page)).toBe('Edit name');
    await page.keyboard.press('ArrowDown');
    expect(await activeName(page)).toBe('Add strength');
    await page.keyboard.press('End');
    expect(await activeName(page)).toBe('Delete');
    await page.keyboard.press('ArrowDown'); // round to the first
    expect(await activeName(page)).toBe('Edit name');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    expect(await activeName(page)).toBe('Edit name');
    // Delete here moves nothing and deletes nothing: the menu has the keys.
    const before = Object.keys((await readDoc(page)).nodes).length;
    await page.keyboard.press('Delete');
    expect(Object.keys((await readDoc(page)).nodes).length).toBe(before);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await activeNode(page)).toBe('friends');
    // Tab closes it too, and so does a click outside.
    await page.keyboard.press('Shift+F10');
    await menu(page).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.getByRole('menu').count()).toBe(0);
    await page.keyboard.press('Shift+F10');
    await menu(page).waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 300 } });
    expect(await page.getByRole('menu').count()).toBe(0);
    await context.close();
  });

  it('with Shift+F10 adds a strength (edited in place) and changes the kind through the submenu, each one undo step', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.locator('.react-flow__node[data-id="high"]').focus();
    await page.keyboard.press('Shift+F10');
    await menu(page).waitFor();
    await page.keyboard.press('ArrowDown'); // Add strength
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Edit text of New strength' });
    await editor.waitFor();
    await page.keyboard.type('Robotics club');
    await page.keyboard.press('Enter');
    await expect.poll(async () => Object.values((await readDoc(page)).nodes).find((n) => n.attachedTo === 'high')?.label).toBe('Robotics club');

    await page.locator('.react-flow__node[data-id="high"]').focus();
    await page.keyboard.press('ContextMenu');
    await menu(page).waitFor();
    await page.keyboard.press('c'); // Connect to…
    await page.keyboard.press('c'); // Change kind
    expect(await activeName(page)).toBe('Change kind');
    await page.keyboard.press('ArrowRight');
    const kinds = page.getByRole('menu', { name: 'Change kind' });
    await kinds.waitFor();
    expect(await activeName(page)).toBe('Partner');
    expect(await kinds.getByRole('menuitemradio', { name: 'Partner' }).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('ArrowLeft'); // back to the item
    expect(await page.getByRole('menu').count()).toBe(1);
    expect(await activeName(page)).toBe('Change kind');
    await page.keyboard.press('Enter');
    await kinds.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // Space
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readDoc(page)).nodes.high!.kind).toBe('space');
    expect(await page.getByRole('menu').count()).toBe(0);
    await undo(page);
    expect((await readDoc(page)).nodes.high!.kind).toBe('partner');
    // Connect to… goes to the side panel's choice of what to connect it to.
    await page.locator('.react-flow__node[data-id="high"]').focus();
    await page.keyboard.press('ContextMenu');
    await page.getByRole('menuitem', { name: 'Connect to…' }).click();
    await expect.poll(() => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
    })).toBe('Connect to');
    await undo(page); // the name
    await undo(page); // the new strength
    expect(Object.values((await readDoc(page)).nodes).some((n) => n.attachedTo === 'high')).toBe(false);
    await context.close();
  });

  it('on a connection changes its tie, and on a selection of several aligns them; one undo each', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    // The middle of the relationship between the colleague and the Friends group, on the screen.
    const mid = await page.evaluate(() => {
      const path = document.querySelector<SVGPathElement>('.react-flow__edge[data-id="rel1"] .react-flow__edge-interaction')!;
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM()!;
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    });
    await page.mouse.click(mid.x, mid.y, { button: 'right' });
    await menu(page).waitFor();
    expect(await menu(page).getAttribute('aria-label')).toBe("Actions for the connection between Children's Services staff and Friends group");
    expect(await page.getByRole('menuitemradio', { name: 'Regular tie' }).getAttribute('aria-checked')).toBe('true');
    await page.getByRole('menuitemradio', { name: 'Strong tie' }).click();
    await expect.poll(async () => ((await readDoc(page)).edges.rel1 as { tie?: string }).tie).toBe('strong');
    expect(await undoLabel(page)).toBe('edit connection');
    await undo(page);
    expect(((await readDoc(page)).edges.rel1 as { tie?: string }).tie).toBe('regular');

    // Two assets selected (Ctrl+click), a right-click on one: the selection's menu.
    await page.locator('.react-flow__node[data-id="friends"]').click();
    await page.locator('.react-flow__node[data-id="high"]').click({ modifiers: ['Control'] });
    await page.locator('.react-flow__node[data-id="high"]').click({ button: 'right' });
    await menu(page).waitFor();
    expect(await menu(page).getAttribute('aria-label')).toBe('Actions for 2 selected items');
    expect(await page.getByRole('menuitem', { name: 'Distribute across' }).getAttribute('aria-disabled')).toBe('true');
    await page.getByRole('menuitem', { name: 'Align left' }).click();
    await expect.poll(async () => {
      const d = await readDoc(page);
      return d.nodes.friends!.x === d.nodes.high!.x;
    }).toBe(true);
    expect(await undoLabel(page)).toBe('move');
    await context.close();
  });

  it('on the empty map adds an asset where the pointer was, and by key at the middle of the view', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const pane = page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    const at = { x: box.x + box.width * 0.75, y: box.y + box.height * 0.3 };
    // That point on the map (the view zooms in on the name being edited, so compare on the map).
    const point = await page.evaluate(({ x, y }) => {
      const r = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)!;
      return { x: (x - r.left - Number(m[1])) / Number(m[3]), y: (y - r.top - Number(m[2])) / Number(m[3]) };
    }, at);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await menu(page).waitFor();
    expect(await menu(page).getAttribute('aria-label')).toBe('Map actions');
    expect(await page.getByRole('menuitem', { name: 'Paste' }).getAttribute('aria-disabled')).toBe('true');
    await page.getByRole('menuitem', { name: 'Add asset here' }).click();
    await page.getByRole('menu', { name: 'Add asset here' }).getByRole('menuitem', { name: 'Space' }).click();
    // Its name is edited where it was put.
    const editor = page.getByRole('textbox', { name: 'Edit name of New space' });
    await editor.waitFor();
    await page.keyboard.type('Reading garden');
    await page.keyboard.press('Enter');
    await expect.poll(async () => Object.values((await readDoc(page)).nodes).some((n) => n.label === 'Reading garden')).toBe(true);
    const added = Object.values((await readDoc(page)).nodes).find((n) => n.label === 'Reading garden')!;
    // Near the pointer (in the free space nearest to it).
    expect(Math.hypot(added.x - point.x, added.y - point.y)).toBeLessThan(200);

    // The keyboard: the map region, then the menu key; Escape gives the focus back to the region.
    await page.evaluate(() => (window as any).assetMap.session.select([]));
    await page.locator('.am-canvas').focus();
    await page.keyboard.press('ContextMenu');
    await menu(page).waitFor();
    expect(await menu(page).getAttribute('aria-label')).toBe('Map actions');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('am-canvas'))).toBe(true);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });

  it('copies, then pastes where the map’s menu was opened', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await showNode(page, 'room');
    await page.locator('.react-flow__node[data-id="room"]').click();
    // Copied is what is selected, as the user sees it: the asset shown selected first.
    await expect.poll(() => page.evaluate(() => (window as any).assetMap.session.getState().selection)).toEqual(['room']);
    await page.keyboard.press('Control+c');
    const box = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.5, { button: 'right' });
    await page.getByRole('menuitem', { name: 'Paste' }).click();
    await expect.poll(async () => Object.values((await readDoc(page)).nodes).filter((n) => n.label === 'Meeting Room').length).toBe(2);
    expect(await undoLabel(page)).toBe('import');
    await context.close();
  });

  it('stays inside a phone’s screen and opens there by key', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { page, context } = await openApp(app.browser, app.url, ctx);
    const pane = page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    // Near the bottom right corner: the menu flips to stay in view.
    await page.mouse.click(box.x + box.width - 10, box.y + box.height - 10, { button: 'right' });
    await menu(page).waitFor();
    await inside(page, 390, 844);
    await page.getByRole('menuitem', { name: 'Add asset here' }).click();
    await page.getByRole('menu', { name: 'Add asset here' }).waitFor();
    await inside(page, 390, 844);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    await page.locator('.react-flow__node[data-id="school"]').focus();
    await page.keyboard.press('Shift+F10');
    await menu(page).waitFor();
    await inside(page, 390, 844);
    await page.keyboard.press('c');
    await page.keyboard.press('c');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('menu', { name: 'Change kind' }).waitFor();
    await inside(page, 390, 844);
    await context.close();
  });
});
