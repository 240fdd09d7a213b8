/**
 * Reviews as a user keeps them: save the map as a review, change three things, compare, and see the three
 * changes in the list and marked on the map (added outlined, removed as a ghost where it was, changed with the
 * change in words); Show on map brings each into view; the keyboard reaches it all; axe finds nothing serious.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { openApp, openLargeMap, readDoc, useApp } from './harness';

const app = useApp();
const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const node = (page: Page, label: string) => page.locator(`.react-flow__node[aria-label="${label}"]`);

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Whether an element's box lies inside the map canvas's. */
async function inCanvas(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const canvas = document.querySelector('.am-canvas');
    if (!el || !canvas) return false;
    const a = el.getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    return a.left >= c.left && a.right <= c.right && a.top >= c.top && a.bottom <= c.bottom;
  }, selector);
}

async function saveReview(page: Page, name: string) {
  await page.getByRole('button', { name: 'Reviews' }).click();
  await page.getByRole('menuitem', { name: 'Save as review…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as review' });
  await dialog.getByLabel('Review name').fill(name);
  await dialog.getByRole('button', { name: 'Save review' }).click();
  await page.getByRole('status').filter({ hasText: `as the review “${name}”` }).waitFor();
}

/** Three changes: a partner renamed, one deleted, one added. */
async function changeThreeThings(page: Page) {
  await node(page, 'School Partnership (partner)').click();
  await details(page).getByLabel('Name').fill('Lincoln School Partnership');
  await details(page).getByLabel('Name').press('Tab');
  await node(page, 'Friends group (partner)').click();
  await page.keyboard.press('Delete');
  await page.getByRole('button', { name: 'Add asset' }).click();
  await page.getByRole('menuitem', { name: 'Partner' }).click();
  await expect.poll(async () => Object.values((await readDoc(page)).nodes).some((n) => n.label === 'New partner')).toBe(true);
}

describe('reviews and comparing them', () => {
  it('save a review, change three things, compare: three entries, three marks on the map, each shown on request', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await saveReview(page, 'Spring 2026 review');
    await changeThreeThings(page);

    await page.getByRole('button', { name: 'Reviews' }).click();
    await page.getByRole('menuitem', { name: 'Compare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare two states of the map' });
    expect(await dialog.getByLabel('From', { exact: true }).inputValue()).toMatch(/^review:/);
    expect(await dialog.getByLabel('To', { exact: true }).inputValue()).toBe('now');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Compare', exact: true }).click();

    const panel = page.getByRole('complementary', { name: 'Comparison' });
    await panel.getByText('From the review “Spring 2026 review” to the map now: 3 changes.').waitFor();
    for (const heading of ['Added (1)', 'Removed (1)', 'Changed (1)']) expect(await panel.getByRole('heading', { name: heading }).count()).toBe(1);
    expect(await panel.locator('.am-change-added, .am-change-removed, .am-change-changed').count()).toBe(3);
    await panel.getByText('renamed from “School Partnership” to “Lincoln School Partnership”').waitFor();

    // On the map: the new partner outlined as added, the renamed one as changed (in words too), a ghost of the deleted one.
    expect(await page.locator('.react-flow__node.am-diff-added').count()).toBe(1);
    expect(await page.locator('.react-flow__node.am-diff-changed').count()).toBe(1);
    // The deleted partner's ghost, with what hung off it.
    expect(await page.locator('.react-flow__node-ghost[aria-label^="Friends group (partner)"]').count()).toBe(1);
    const changed = node(page, 'Lincoln School Partnership (partner)');
    expect(await changed.getAttribute('aria-description')).toBe('Changed: renamed from “School Partnership” to “Lincoln School Partnership”');
    await changed.hover();
    expect(await changed.locator('.am-diff-note').isVisible()).toBe(true);
    expect(await changed.locator('.am-diff-tag').textContent()).toBe('Changed');
    expect(await page.locator('.react-flow__node-ghost[aria-label^="Friends group (partner)"] .am-diff-tag').textContent()).toBe('Removed');

    // Show on map brings the ghost of the removed partner into view, far in or far out.
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.evaluate(() => (window as any).assetMap.session.set({ centreOn: undefined }));
    const removed = panel.locator('.am-change-removed');
    await removed.getByRole('button', { name: 'Show on map' }).click();
    await expect.poll(() => inCanvas(page, '.react-flow__node-ghost[aria-label^="Friends group (partner)"]')).toBe(true);
    await panel.locator('.am-change-added').getByRole('button', { name: 'Show on map' }).click();
    await expect.poll(() => inCanvas(page, '.react-flow__node.am-diff-added')).toBe(true);
    expect(await page.locator('.react-flow__node.am-diff-added.selected').count()).toBe(1);

    expect(await seriousViolations(page)).toEqual([]);

    // The change list exports.
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export as Markdown' }).click();
    const md = readFileSync((await (await download).path())!, 'utf8');
    expect(md).toContain('## Added (1)');
    expect(md).toContain('- “New partner” (partner)');
    expect(md).toContain('## Removed (1)');
    // What went with it is told with it, not listed again.
    expect(md).toContain('- “Friends group” (partner): with 1 connection');
    const csvDownload = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export as CSV' }).click();
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);

    // The map with the comparison drawn on it, as an image and as a page: the words are in them.
    const svgDownload = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export as SVG' }).click();
    const svg = readFileSync((await (await svgDownload).path())!, 'utf8');
    for (const word of ['>Added<', '>Removed<', '>Changed<', '>Friends group<']) expect(svg).toContain(word);
    expect(svg).toMatch(/>Changes from the review “Spring 2026 review” to the map now · \d{4}-\d{2}-\d{2}</);
    const pdfDownload = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export as PDF' }).click();
    const pdfPath = (await (await pdfDownload).path())!;
    const pdfText = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
    for (const word of ['Added', 'Removed', 'Changed', 'Friends group']) expect(pdfText).toContain(word);
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1])).toBe(1);

    // The review follows edits made while comparing; closing it gives the details panel back.
    await panel.getByRole('button', { name: 'Close comparison' }).click();
    await details(page).waitFor();
    expect(await page.locator('.react-flow__node-ghost').count()).toBe(0);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });

  it('from the Maps dialog: reviews are listed, exported alone as a map file, and compared; all with the keyboard', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await saveReview(page, 'Autumn 2025 review');
    await node(page, 'School Partnership (partner)').click();
    await details(page).getByLabel('Name').fill('School Partnership (renewed)');
    await details(page).getByLabel('Name').press('Tab');

    // Keyboard only from here: the Maps button, the review's buttons, the Compare dialog, the list.
    await page.getByRole('button', { name: 'Maps' }).focus();
    await page.keyboard.press('Enter');
    const maps = page.getByRole('dialog', { name: 'Maps' });
    const reviews = maps.getByRole('list', { name: 'Reviews' });
    await reviews.getByText('Autumn 2025 review').waitFor();
    expect(await maps.getByRole('button', { name: 'Save as review…' }).count()).toBe(1);
    expect(await maps.getByRole('button', { name: 'Compare', exact: true }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await reviews.getByRole('button', { name: 'Save file of the review Autumn 2025 review' }).focus();
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe('Sunnydale Public Library (Autumn 2025 review).assetmap.json');
    const saved = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(saved.format).toBe('asset-map');
    expect(Object.values(saved.map.nodes as Record<string, { label: string }>).some((n) => n.label === 'School Partnership')).toBe(true);
    expect(saved.map.reviews).toBeUndefined();

    await reviews.getByRole('button', { name: 'Compare with now: the review Autumn 2025 review' }).focus();
    await page.keyboard.press('Enter');
    const compare = page.getByRole('dialog', { name: 'Compare two states of the map' });
    await compare.getByRole('button', { name: 'Compare', exact: true }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Comparison' });
    await panel.getByText('1 change.', { exact: false }).waitFor();
    expect(await maps.count()).toBe(0);

    // Tab reaches the list's Show on map, and Enter on it selects the changed partner on the map.
    await panel.getByRole('button', { name: 'Close comparison' }).focus();
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Show on map');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node.am-diff-changed.selected').count()).toBe(1);
    await context.close();
  });

  it('compares the map with a map file someone sent', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const doc = await readDoc(page);
    // Their copy: one partner fewer, one renamed.
    const theirs = structuredClone(doc) as any;
    const friends = Object.values(theirs.nodes as Record<string, { id: string; label: string }>).find((n) => n.label === 'Friends group')!;
    delete theirs.nodes[friends.id];
    for (const [id, e] of Object.entries(theirs.edges as Record<string, { source: string; target: string }>)) if (e.source === friends.id || e.target === friends.id) delete theirs.edges[id];
    for (const n of Object.values(theirs.nodes as Record<string, { attachedTo?: string; id: string }>)) if (n.attachedTo === friends.id) delete theirs.nodes[n.id];
    await page.getByRole('button', { name: 'Reviews' }).click();
    await page.getByRole('menuitem', { name: 'Compare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare two states of the map' });
    await dialog.getByLabel('From', { exact: true }).selectOption('now');
    await dialog.getByLabel('To', { exact: true }).selectOption('file');
    await dialog.getByLabel('Map file or image (to)').setInputFiles({ name: 'theirs.assetmap.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'asset-map', version: 1, map: theirs })) });
    await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Comparison' });
    await panel.getByText('From the map now to “theirs.assetmap.json”').waitFor();
    expect(await panel.getByRole('heading', { name: /^Removed \(\d+\)$/ }).textContent()).not.toBe('Removed (0)');
    expect(await panel.locator('.am-change-removed').first().textContent()).toContain('Friends group');
    await context.close();
  });
});

describe('comparing a large map', () => {
  it('a 1,000-asset map against its review, every node moved: a rename, a deletion and an addition told apart from the moves', async () => {
    const { page, context, nodes } = await openLargeMap(app.browser, app.url, 1000);
    await saveReview(page, 'Before the move');
    // A rename, a deletion, an addition, and every node moved (as an auto layout does): one step each.
    await page.evaluate(() => {
      const { workspace } = (window as any).assetMap;
      const store = workspace.store;
      const doc = store.getDoc();
      const assets = Object.values(doc.nodes).filter((n: any) => !n.attachedTo) as any[];
      store.dispatch('updateNode', { id: assets[0].id, patch: { label: 'Renamed partner' } });
      store.dispatch('deleteNodes', { ids: [assets[1].id] });
      store.dispatch('addAsset', { id: 'pa_new', kind: 'partner', label: 'Makers Guild', x: 0, y: 0 });
      const positions: Record<string, { x: number; y: number }> = {};
      for (const n of Object.values(store.getDoc().nodes) as any[]) positions[n.id] = { x: n.x + 40, y: n.y };
      store.dispatch('moveNodes', { positions });
    });
    await page.getByRole('button', { name: 'Reviews' }).click();
    await page.getByRole('menuitem', { name: 'Compare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare two states of the map' });
    await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Comparison' });
    await panel.getByRole('heading', { name: 'Changed (1)' }).waitFor();
    const moved = Number((await panel.getByRole('heading', { name: /^Moved \(\d+\)$/ }).textContent())!.replace(/\D/g, ''));
    // Every node but the renamed one (a change) and those deleted.
    expect(moved).toBeGreaterThan(nodes - 12);
    await context.close();
  });
});
