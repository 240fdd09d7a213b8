/** Ctrl+Z in a field that edits the map does what the toolbar's Undo does: the whole edit, in one step. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, readDoc, useApp } from './harness';

const app = useApp();
const labelOf = async (page: Page, id: string) => (await readDoc(page)).nodes[id]!.label;
const state = (page: Page) => page.evaluate(() => {
  const s = (window as any).assetMap.workspace.store.getState();
  return { canUndo: s.canUndo, canRedo: s.canRedo };
});

describe('Ctrl+Z in a field', () => {
  it('in the side panel takes back the whole edit, and Ctrl+Shift+Z brings it back', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.locator('.react-flow__node[aria-label="School Partnership (partner)"]').click();
    const name = page.getByRole('complementary', { name: 'Details' }).getByLabel('Name');
    await name.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' East');
    expect(await labelOf(page, 'school')).toBe('School Partnership East');
    await page.keyboard.press('Control+z');
    await expect.poll(() => name.inputValue()).toBe('School Partnership');
    expect(await labelOf(page, 'school')).toBe('School Partnership');
    expect(await state(page)).toEqual({ canUndo: false, canRedo: true });
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => name.inputValue()).toBe('School Partnership East');
    expect(await labelOf(page, 'school')).toBe('School Partnership East');
    // Typing on after an undo starts a new step of its own.
    await page.keyboard.press('Control+z');
    await page.keyboard.type('!');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => name.inputValue()).toBe('School Partnership');
    await context.close();
  });

  it('in a worksheet cell, the same', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('tab', { name: 'Worksheet' }).click();
    const cell = page.getByLabel('Space name');
    await cell.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' 2');
    expect(await cell.inputValue()).toBe('Meeting Room 2');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell.inputValue()).toBe('Meeting Room');
    expect(Object.values((await readDoc(page)).nodes).find((n) => n.kind === 'space')!.label).toBe('Meeting Room');
    expect(await state(page)).toEqual({ canUndo: false, canRedo: true });
    await context.close();
  });
});
