/**
 * Groups in Chromium: assets put in a group with the keyboard (the side panel's Group field, the context menu's
 * Add to group), a frame around them that drags them along, auto layout keeping them inside it, collapse and
 * expand from the frame's own button by key, an SVG export showing the group, and axe clean.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { getGroupFrames } from '../../src/look/groups';
import { nodeSize } from '../../src/look/measure';
import type { AssetMapDoc } from '../../src/model';
import { openApp, showWholeMap, useApp } from './harness';

const app = useApp();

const NAME = "Children's services";
const doc = (page: Page) => page.evaluate(() => (window as any).assetMap.workspace.store.getDoc()) as Promise<AssetMapDoc>;
const activeName = (page: Page) => page.evaluate(() => document.activeElement?.querySelector('.am-menu-label')?.textContent ?? document.activeElement?.getAttribute('aria-label') ?? '');
const undoLabel = (page: Page) => page.evaluate(() => (window as any).assetMap.workspace.store.getState().undoLabel as string | undefined);
const groupId = async (page: Page) => Object.values((await doc(page)).groups ?? {}).find((g) => g.name === NAME)?.id;
const members = async (page: Page, gid: string) =>
  Object.values((await doc(page)).nodes).filter((n) => (n as { group?: string }).group === gid).map((n) => n.id).sort();

/** Every node a group holds lies inside its frame (as the map file has it, computed as the app does). */
async function outsideFrames(page: Page): Promise<string[]> {
  const d = await doc(page);
  const out: string[] = [];
  for (const f of getGroupFrames(d)) {
    for (const id of f.contents) {
      const n = d.nodes[id]!;
      const s = nodeSize(n);
      if (n.x < f.box.x || n.y < f.box.y || n.x + s.width > f.box.x + f.box.width || n.y + s.height > f.box.y + f.box.height) out.push(id);
    }
  }
  return out;
}

describe('groups', () => {
  it('puts assets in a group with the keyboard, drags the frame with them, lays out, collapses and expands, and exports it', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await showWholeMap(page);

    // The side panel: select a colleague with the keys, choose "New group…" in its Group field, type a name.
    await page.locator('.react-flow__node[data-id="children"]').focus();
    await page.keyboard.press('Enter');
    const field = page.locator('.am-panel').getByLabel('Group', { exact: true });
    await field.waitFor();
    await field.focus();
    await page.keyboard.press('End'); // the last choice: New group…
    const nameField = page.getByLabel('Name of the new group');
    await nameField.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('id') ?? '')).toBe(await nameField.getAttribute('id'));
    await page.keyboard.type(NAME);
    await page.keyboard.press('Enter');
    await expect.poll(() => groupId(page)).toBeTruthy();
    expect(await undoLabel(page)).toBe('put in group');
    const gid = (await groupId(page))!;

    // The context menu, by key: the meeting room joins it.
    await page.locator('.react-flow__node[data-id="room"]').focus();
    await page.keyboard.press('ContextMenu');
    await page.getByRole('menu').first().waitFor();
    for (let i = 0; i < 12 && (await activeName(page)) !== 'Add to group'; i++) await page.keyboard.press('ArrowDown');
    expect(await activeName(page)).toBe('Add to group');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('menu', { name: 'Add to group' }).waitFor();
    expect(await activeName(page)).toBe(NAME);
    await page.keyboard.press('Enter');
    await expect.poll(() => members(page, gid)).toEqual(['children', 'room']);

    // The frame: named for the group, around both, with its button named for what it does.
    const frame = page.locator(`.react-flow__node[data-id="am-group:${gid}"]`);
    await frame.waitFor();
    expect(await frame.getAttribute('aria-label')).toBe(`Group ${NAME}, 2 assets`);
    // Its members stay within reach of the pointer, the frame's name bar aside: a click on one selects it, with
    // the pointer passing over the frame first.
    const room = page.locator('.react-flow__node[data-id="room"]');
    const around = (await frame.boundingBox())!;
    await page.mouse.move(around.x + around.width - 4, around.y + around.height - 4);
    await room.click();
    await expect.poll(() => room.getAttribute('class')).toMatch(/\bselected\b/);
    const axe = await new AxeBuilder({ page }).include('.react-flow__node-frame').include('.am-panel').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);

    // Dragging the frame by its name bar moves its members, as one undo step.
    await showWholeMap(page);
    const before = await doc(page);
    const bar = (await frame.locator('.am-frame-bar').boundingBox())!;
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(bar.x + bar.width / 2 + i * 8, bar.y + bar.height / 2 + i * 5);
    await page.mouse.up();
    await expect.poll(async () => (await doc(page)).nodes.children!.x).not.toBe(before.nodes.children!.x);
    const after = await doc(page);
    const dx = after.nodes.children!.x - before.nodes.children!.x;
    const dy = after.nodes.children!.y - before.nodes.children!.y;
    expect(dx).toBeGreaterThan(0);
    expect(dy).toBeGreaterThan(0);
    for (const id of ['room', 'room.s0', 'children.w0']) {
      if (!before.nodes[id]) continue;
      expect({ x: after.nodes[id]!.x - before.nodes[id]!.x, y: after.nodes[id]!.y - before.nodes[id]!.y }).toEqual({ x: dx, y: dy });
    }
    expect(after.nodes.school!.x).toBe(before.nodes.school!.x);
    expect(await undoLabel(page)).toBe('move');

    // Auto layout keeps every member inside its frame.
    await page.getByRole('button', { name: 'Auto layout', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Laid out' }).waitFor();
    expect(await outsideFrames(page)).toEqual([]);
    await showWholeMap(page);
    // On the screen too: the members' boxes inside the frame's.
    const box = (await frame.boundingBox())!;
    for (const id of ['children', 'room']) {
      const b = (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(b.y).toBeGreaterThanOrEqual(box.y - 1);
      expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 1);
      expect(b.y + b.height).toBeLessThanOrEqual(box.y + box.height + 1);
    }

    // Collapse with the keyboard: one card with the name and the count; its members hidden. Then expand.
    const collapse = page.getByRole('button', { name: `Collapse group ${NAME}` });
    await collapse.focus();
    await page.keyboard.press('Enter');
    const card = page.locator(`.react-flow__node-collapsed[data-id="am-group:${gid}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('2 assets');
    expect(await card.textContent()).toContain(NAME);
    expect(await page.locator('.react-flow__node[data-id="children"]').isVisible()).toBe(false);
    expect(await undoLabel(page)).toBe('collapse or expand group');
    const expand = page.getByRole('button', { name: `Expand group ${NAME}` });
    await expand.focus();
    await page.keyboard.press('Enter');
    await page.locator('.react-flow__node[data-id="children"]').waitFor();
    expect((await doc(page)).groups![gid]!.collapsed).toBeUndefined();

    // The SVG export draws the frame with the group's name.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Export SVG' }).click();
    const file = await download;
    const path = join(mkdtempSync(join(tmpdir(), 'am-')), file.suggestedFilename());
    await file.saveAs(path);
    const svg = readFileSync(path, 'utf8');
    expect(svg).toMatch(/Children(&apos;|&#39;|&#x27;|')s services/);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });
});
