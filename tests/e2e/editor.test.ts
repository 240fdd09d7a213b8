/**
 * The map editor in real Chromium: first visit, building a map, layout, undo/redo, autosave across a reload,
 * deleting with undo, several maps, and a broken file that changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openApp, readDoc, showWholeMap, useApp } from './harness';

const app = useApp();

const node = (page: Page, name: string) => page.locator(`.react-flow__node[aria-label="${name}"]`);
const panel = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const positions = (doc: Awaited<ReturnType<typeof readDoc>>) =>
  Object.fromEntries(Object.values(doc.nodes).map((n) => [n.label, { x: n.x, y: n.y }]));

describe('map editor', () => {
  it('opens the Sunnydale example on the first visit', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await expect(node(page, 'School Partnership (partner)').isVisible()).resolves.toBe(true);
    // The whole map, far out (it opens at a readable zoom, showing its busiest part).
    await showWholeMap(page);
    for (const name of ['Neighborhood Association 1 (partner)', 'Neighborhood Association 2 (partner)', "Children's Services staff (staff)", 'Meeting Room (space)', 'Technology acquisition (resource)', 'Friends group (partner)', 'High school (partner)']) {
      expect(await node(page, name).count(), name).toBe(1);
    }
    expect(await node(page, 'Many bilingual - English/Farsi Speakers (strength of Neighborhood Association 1)').count()).toBe(1);
    // Every edge painted on the map canvas, strengths and weaknesses (solid green, dashed red) among them.
    await expect
      .poll(() => page.locator('.am-paint').first().getAttribute('data-kinds'))
      .toBe('strength 9, weakness 6, improvement 5, relationship 2, supports 1, suggestion 2');
    for (const name of ['Add asset', 'Auto layout', 'Undo', 'Redo', 'Maps', 'Save file', 'Open file']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    for (const name of ['Map', 'Worksheet', 'Insights', 'Reflect']) expect(await page.getByRole('tab', { name }).count()).toBe(1);
    expect(await page.title()).toBe('Asset Map');
    await context.close();
  });

  it('adds a partner with a strength and a weakness, lays out, undoes and redoes, and keeps it all after a reload', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('button', { name: 'Add asset' }).click();
    await page.getByRole('menuitem', { name: 'Partner' }).click();
    const name = panel(page).getByLabel('Name');
    await name.fill('Library Foundation');
    await page.getByRole('button', { name: 'Add strength' }).click();
    await panel(page).getByLabel('Text').fill('Funds summer reading');
    await panel(page).getByRole('button', { name: 'Library Foundation' }).click();
    await page.getByRole('button', { name: 'Add weakness' }).click();
    await panel(page).getByLabel('Text').fill('Board meets only twice a year');
    await expect(node(page, 'Library Foundation (partner)').isVisible()).resolves.toBe(true);
    await expect(node(page, 'Funds summer reading (strength of Library Foundation)').count()).resolves.toBe(1);

    const beforeLayout = positions(await readDoc(page));
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await page.waitForFunction(() => (window as any).assetMap.workspace.store.getState().undoLabel === 'auto layout');
    const afterLayout = positions(await readDoc(page));
    expect(afterLayout).not.toEqual(beforeLayout);

    await page.getByRole('button', { name: 'Undo' }).click();
    expect(positions(await readDoc(page))).toEqual(beforeLayout);
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(positions(await readDoc(page))).toEqual(afterLayout);
    // Keyboard: Ctrl+Z and Ctrl+Y do the same.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    expect(positions(await readDoc(page))).toEqual(beforeLayout);
    await page.keyboard.press('Control+y');
    expect(positions(await readDoc(page))).toEqual(afterLayout);

    await page.waitForSelector('.am-save-saved');
    const saved = await readDoc(page);
    await page.reload();
    await page.waitForSelector('.react-flow__node');
    const reloaded = await readDoc(page);
    expect(reloaded).toEqual(saved);
    await expect(node(page, 'Board meets only twice a year (weakness of Library Foundation)').count()).resolves.toBe(1);
    await context.close();
  });

  it('deletes an asset with its strengths, weaknesses and notes; undo brings all of it back', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const before = await readDoc(page);
    await node(page, 'School Partnership (partner)').click();
    await page.keyboard.press('Delete');
    const after = await readDoc(page);
    expect(Object.keys(before.nodes).length - Object.keys(after.nodes).length).toBe(6);
    expect(Object.values(after.edges).some((e) => e.target === 'school' || e.source === 'school')).toBe(false);
    await expect(page.getByRole('status').filter({ hasText: 'Deleted “School Partnership” and 5 attached items.' }).count()).resolves.toBe(1);
    await page.keyboard.press('Control+z');
    expect(await readDoc(page)).toEqual(before);
    await context.close();
  });

  it('a drag is one undo step and carries the asset’s items along', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await showWholeMap(page);
    const before = await readDoc(page);
    const box = (await node(page, 'Meeting Room (space)').boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 10);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + 40 + i * 15, box.y + 10 + i * 5);
    await page.mouse.up();
    const after = await readDoc(page);
    const dx = after.nodes.room!.x - before.nodes.room!.x;
    expect(dx).toBeGreaterThan(50);
    expect(after.nodes['room.s0']!.x - before.nodes['room.s0']!.x).toBe(dx);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await readDoc(page)).toEqual(before);
    await context.close();
  });

  it('connects two assets from the side panel, with a tie strength', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await node(page, 'High school (partner)').click();
    await panel(page).getByLabel('Connect to').selectOption({ label: "Children's Services staff (staff)" });
    await panel(page).getByLabel('Tie').selectOption('strong');
    await panel(page).getByRole('button', { name: 'Connect' }).click();
    const doc = await readDoc(page);
    const edge = Object.values(doc.edges).find((e) => e.source === 'high');
    expect(edge).toMatchObject({ kind: 'relationship', target: 'children', tie: 'strong' });
    await context.close();
  });

  it('opening a broken file says what is wrong and changes nothing', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const before = await readDoc(page);
    const dir = mkdtempSync(join(tmpdir(), 'am-'));
    const broken = join(dir, 'broken.assetmap.json');
    writeFileSync(broken, '{"format":"asset-map","version":1,"map":{"nodes":{');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file' }).click();
    await (await chooser).setFiles(broken);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('“broken.assetmap.json” could not be opened');
    expect(await readDoc(page)).toEqual(before);

    const newer = join(dir, 'newer.assetmap.json');
    writeFileSync(newer, JSON.stringify({ format: 'asset-map', version: 99, map: {} }));
    await page.getByLabel('Open file').setInputFiles(newer);
    await page.getByRole('alert').filter({ hasText: 'newer version' }).waitFor();
    expect(await readDoc(page)).toEqual(before);
    await context.close();
  });

  it('saves a file and opens it again as a map', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save file' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Sunnydale Public Library.assetmap.json');
    const path = join(mkdtempSync(join(tmpdir(), 'am-')), file.suggestedFilename());
    await file.saveAs(path);
    const saved = await readDoc(page);
    // Change the map, then open the saved file: it is the same map, so the app asks before replacing; replacing
    // brings the saved map back, and one Undo takes the replacement back.
    await page.getByRole('button', { name: 'Add asset' }).click();
    await page.getByRole('menuitem', { name: 'Program' }).click();
    const changed = await readDoc(page);
    await page.getByLabel('Open file').setInputFiles(path);
    const ask = page.getByRole('dialog', { name: '“Sunnydale Public Library.assetmap.json” holds a copy of your map' });
    await ask.getByRole('button', { name: 'Replace my map' }).click();
    await page.getByRole('status').filter({ hasText: 'Replaced your map “Sunnydale Public Library”' }).waitFor();
    expect((await readDoc(page)).nodes).toEqual(saved.nodes);
    await page.getByRole('button', { name: /^Undo/ }).click();
    expect((await readDoc(page)).nodes).toEqual(changed.nodes);
    await context.close();
  });

  it('adding assets one after another keeps the zoom and lines them up in view, under each other', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const zoom = () => page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1]));
    const before = await zoom();
    const added: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Add asset' }).click();
      await page.getByRole('menuitem', { name: 'Partner' }).click();
      await panel(page).getByLabel('Name').fill(`New partner ${i + 1}`);
      added.push(`New partner ${i + 1}`);
    }
    await page.waitForTimeout(400);
    expect(await zoom()).toBeCloseTo(before, 3);
    const doc = await readDoc(page);
    const made = added.map((label) => Object.values(doc.nodes).find((n) => n.label === label)!);
    // One column: the same left edge, each below the one before.
    expect(new Set(made.map((n) => n.x)).size).toBe(1);
    expect(made[1]!.y).toBeGreaterThan(made[0]!.y);
    expect(made[2]!.y).toBeGreaterThan(made[1]!.y);
    // All in view.
    const canvas = (await page.locator('.am-canvas').boundingBox())!;
    for (const label of added) {
      const box = (await node(page, `${label} (partner)`).boundingBox())!;
      expect(box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height, label).toBe(true);
    }
    await context.close();
  });

  it('with several assets selected, changes their kind and aligns them, each one undo step', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const ids = await page.evaluate(() => {
      const { workspace, session } = (window as any).assetMap;
      const nodes = Object.values(workspace.store.getDoc().nodes) as { id: string; label: string }[];
      const picked = nodes.filter((n) => n.label === 'High school' || n.label === 'Friends group').map((n) => n.id);
      session.select(picked);
      return picked;
    });
    await panel(page).getByRole('heading', { name: '2 selected' }).waitFor();
    await panel(page).getByLabel('Kind of the 2 selected assets').selectOption({ label: 'Community' });
    let doc = await readDoc(page);
    expect(ids.map((id) => doc.nodes[id]!.kind)).toEqual(['community', 'community']);
    await panel(page).getByRole('button', { name: 'Align left' }).click();
    doc = await readDoc(page);
    expect(doc.nodes[ids[0]!]!.x).toBe(doc.nodes[ids[1]!]!.x);
    await page.getByRole('button', { name: /^Undo/ }).click();
    await page.getByRole('button', { name: /^Undo/ }).click();
    doc = await readDoc(page);
    expect(ids.map((id) => doc.nodes[id]!.kind)).toEqual(['partner', 'partner']);
    await context.close();
  });

  it('Ctrl+D duplicates an asset with what hangs off it, side by side; copy and paste does the same, each one undo step', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const count = async (label: string) => Object.values((await readDoc(page)).nodes).filter((n) => n.label === label).length;
    await node(page, 'School Partnership (partner)').click();
    await page.keyboard.press('Control+d');
    await expect.poll(() => count('School Partnership')).toBe(2);
    expect(await count('Teachers')).toBe(2);
    await page.keyboard.press('Control+d');
    await expect.poll(() => count('School Partnership')).toBe(3);
    // Never on top of each other.
    const spots = Object.values((await readDoc(page)).nodes).filter((n) => n.label === 'School Partnership').map((n) => `${n.x},${n.y}`);
    expect(new Set(spots).size).toBe(3);
    await page.getByRole('button', { name: /^Undo/ }).click();
    await page.getByRole('button', { name: /^Undo/ }).click();
    expect(await count('School Partnership')).toBe(1);
    // Copy and paste through the clipboard events, as Ctrl+C and Ctrl+V send them.
    await node(page, 'Friends group (partner)').click();
    const pasted = await page.evaluate(() => {
      const data = new DataTransfer();
      window.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      const text = data.getData('text/plain');
      window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      return text;
    });
    expect(pasted).toBe('Friends group');
    await expect.poll(() => count('Friends group')).toBe(2);
    await context.close();
  });

  it('a map file that was never laid out (every node at 0,0) opens laid out, and says so', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const stacked = await page.evaluate(() => {
      const doc = structuredClone((window as any).assetMap.workspace.store.getDoc());
      doc.id = 'map-stacked';
      doc.title = 'Stacked';
      for (const n of Object.values(doc.nodes) as { x: number; y: number }[]) n.x = n.y = 0;
      doc.routes = {};
      return JSON.stringify({ format: 'asset-map', version: 1, map: doc });
    });
    const path = join(mkdtempSync(join(tmpdir(), 'am-')), 'stacked.assetmap.json');
    writeFileSync(path, stacked);
    await page.getByLabel('Open file').setInputFiles(path);
    await page.getByRole('status').filter({ hasText: 'It had never been laid out, so it was laid out as it opened.' }).waitFor();
    const opened = await readDoc(page);
    expect(opened.title).toBe('Stacked');
    const spots = new Set(Object.values(opened.nodes).map((n) => `${n.x},${n.y}`));
    expect(spots.size).toBe(Object.keys(opened.nodes).length);
    await context.close();
  });

  it('keeps several maps: new, rename, switch, delete with undo', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('button', { name: 'Maps' }).click();
    const dialog = page.getByRole('dialog', { name: 'Maps' });
    await dialog.getByLabel('Template').selectOption('blank');
    await dialog.getByRole('button', { name: 'New map' }).click();
    await page.waitForFunction(() => Object.keys((window as any).assetMap.workspace.store.getDoc().nodes).length === 0);
    // The title box shows the new map's title before it is typed over (on a busy machine the page may still be
    // drawing the switch, and would put the old title back).
    await expect.poll(() => page.getByLabel('Map title').inputValue()).toBe('Untitled map');
    await page.getByLabel('Map title').fill('Branch 2');
    await page.getByLabel('Map title').press('Enter');
    await page.waitForFunction(() => (window as any).assetMap.workspace.store.getDoc().title === 'Branch 2');
    await page.getByRole('button', { name: 'Maps' }).click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Your maps' }).getByText('Branch 2', { exact: true }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Open Sunnydale Public Library' }).click();
    await page.waitForSelector('.react-flow__node');
    expect((await readDoc(page)).title).toBe('Sunnydale Public Library');
    await page.getByRole('button', { name: 'Maps' }).click();
    await dialog.getByRole('button', { name: 'Delete Branch 2' }).click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Your maps' }).getByText('Branch 2', { exact: true }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted the map “Branch 2”.' }).getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('button', { name: 'Maps' }).click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Your maps' }).getByText('Branch 2', { exact: true }).count()).toBe(1);
    await context.close();
  });
});
