/** Insights in real Chromium: a finding shown on the map, a suggestion accepted and undone. */
import { describe, expect, it } from 'vitest';
import { openApp, readDoc, useApp } from './harness';

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

  it('dismisses a suggestion, remembers it in the map, and restores it', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('tab', { name: 'Insights' }).click();
    const group = page.getByRole('region', { name: /Suggested connections/ });
    const count = await group.getByRole('listitem').count();
    await group.getByRole('listitem').first().getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => group.getByRole('listitem').count()).toBe(count - 1);
    const doc = await readDoc(page) as any;
    expect(Object.keys(doc.dismissed)).toHaveLength(1);
    const dismissed = page.getByRole('region', { name: /Dismissed suggestions/ });
    await dismissed.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => group.getByRole('listitem').count()).toBe(count);
    await context.close();
  });
});
