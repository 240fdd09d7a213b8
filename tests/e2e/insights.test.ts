/**
 * Insights in real Chromium: a finding shown on the map, a suggestion accepted and undone, dismissing one that
 * lowers the alike one behind "Show more", and a broker shown on the map.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layOutInPlace } from '../../src/layout';
import { serializeMap } from '../../src/io/mapFile';
import { map } from '../analysis/mapBuilder';
import { openApp, openLargeMap, readDoc, useApp } from './harness';

const app = useApp();

describe('insights', () => {
  it('shows a finding on the map: its nodes selected, the rest dimmed; Escape clears', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('tab', { name: 'Insights' }).click();
    const group = page.getByRole('region', { name: /Partners no colleague holds/ });
    const finding = group.getByRole('listitem').filter({ hasText: 'High school' });
    await finding.getByRole('button', { name: 'Show on map' }).click();
    await page.getByRole('tab', { name: 'Map', selected: true }).waitFor();
    const node = page.locator('.react-flow__node[aria-label="High school (partner)"]');
    await expect.poll(() => node.getAttribute('class')).toMatch(/selected/);
    expect(await page.locator('.react-flow__node.am-dimmed').count()).toBeGreaterThan(10);
    await page.locator('.react-flow__pane').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.react-flow__node.am-dimmed').count()).toBe(0);
    await context.close();
  });

  it('accepts a suggested connection as a real edge, and undo takes it back', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('tab', { name: 'Insights' }).click();
    const before = await readDoc(page);
    const group = page.getByRole('region', { name: /Suggested connections/ });
    const first = group.getByRole('listitem').first();
    const reason = await first.locator('p').first().textContent();
    expect(reason).toBeTruthy();
    await first.getByRole('button', { name: 'Accept' }).click();
    const after = await readDoc(page);
    const added = Object.values(after.edges).filter((e) => !before.edges[(e as any).id]);
    expect(added).toHaveLength(1);
    // The accepted suggestion is no longer suggested.
    await expect.poll(() => group.getByText(reason!, { exact: true }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Map' }).click();
    const edgeId = (added[0] as any).id;
    await page.locator(`[data-id="${edgeId}"]`).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator(`[data-id="${edgeId}"]`).count()).toBe(0);
    expect(await readDoc(page)).toEqual(before);
    await context.close();
  });

  it('dismisses a suggestion, lowers the alike one behind "Show more", remembers it in the map, and restores it', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('tab', { name: 'Insights' }).click();
    const group = page.getByRole('region', { name: /Suggested connections/ });
    // Sunnydale: the PTA for an association with few members, and for tables too heavy to move.
    await expect.poll(() => group.getByRole('listitem').count()).toBe(2);
    expect(await group.getByText('Possible match', { exact: true }).count()).toBe(2);
    expect(await group.getByRole('button', { name: /Show more/ }).count()).toBe(0);
    await group.getByRole('listitem').first().getByRole('button', { name: 'Dismiss' }).click();
    // The same offer for the same kind of need now ranks lower: weak, behind "Show more".
    await expect.poll(() => group.getByRole('listitem').count()).toBe(0);
    const more = group.getByRole('button', { name: 'Show more (1)' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await group.getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => group.getByRole('listitem').count()).toBe(1);
    expect(await group.getByRole('listitem').first().textContent()).toContain('Weak match');
    const doc = (await readDoc(page)) as any;
    expect(Object.keys(doc.dismissed)).toHaveLength(1);
    const dismissed = page.getByRole('region', { name: /Dismissed suggestions/ });
    await dismissed.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => group.getByText('Possible match', { exact: true }).count()).toBe(2);
    await context.close();
  });

  it('shows a colleague who is the only way in to partners on the map', async () => {
    const doc = map()
      .asset('ana', 'staff', 'Ana, outreach librarian')
      .asset('ben', 'staff', 'Ben, branch manager')
      .asset('centro', 'partner', 'Centro Latino')
      .asset('clinic', 'partner', 'Health clinic')
      .relationship('ana', 'ben')
      .relationship('ana', 'centro')
      .relationship('centro', 'clinic').doc;
    doc.title = 'Broker test';
    const file = join(mkdtempSync(join(tmpdir(), 'am-')), 'broker.assetmap.json');
    writeFileSync(file, serializeMap(layOutInPlace(doc)));
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByLabel('Open file').setInputFiles(file);
    await page.getByRole('status').filter({ hasText: 'Opened' }).waitFor();
    await page.getByRole('tab', { name: 'Insights' }).click();
    const group = page.getByRole('region', { name: /Colleagues who are the only way in/ });
    const finding = group.getByRole('listitem').first();
    expect(await finding.textContent()).toContain('If Ana, outreach librarian leaves, 2 partners (Centro Latino and Health clinic) would have no tie left');
    await finding.getByRole('button', { name: 'Show on map' }).click();
    await page.getByRole('tab', { name: 'Map', selected: true }).waitFor();
    for (const label of ['Ana, outreach librarian (staff)', 'Centro Latino (partner)', 'Health clinic (partner)']) {
      await expect.poll(() => page.locator(`.react-flow__node[aria-label="${label}"]`).getAttribute('class')).toMatch(/selected/);
    }
    await expect.poll(() => page.locator('.react-flow__node[aria-label="Ben, branch manager (staff)"]').getAttribute('class')).toMatch(/am-dimmed/);
    await context.close();
  });

  it('analyses a large map in a worker and lists its findings', async () => {
    const { page, context } = await openLargeMap(app.browser, app.url, 800);
    await page.getByRole('tab', { name: 'Insights' }).click();
    const group = page.getByRole('region', { name: /Suggested connections/ });
    await expect.poll(() => group.getByRole('listitem').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(scripts.some((name) => /analysis\.worker/.test(name))).toBe(true);
    await context.close();
  });
});
