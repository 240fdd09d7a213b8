/**
 * Sharing in the browser: the app built into a temporary folder, served by the real server on 127.0.0.1, two
 * pages in Chromium (two people), one sharing and one opening the view link.
 */
import { describe, expect, it } from 'vitest';
import { servedApp } from './support';

const app = servedApp('share-ui');

describe('Share in the app', () => {
  it('start sharing, copy-able edit and view links; the view link opens the map read-only and follows edits', async () => {
    const owner = await (await app.browser.newContext()).newPage();
    const violations: string[] = [];
    owner.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const page = await owner.goto(app.url);
    // Served with the app's policy, and sharing works under it (the endpoint is this origin's ws://).
    expect(page?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
    await owner.getByRole('button', { name: 'Share', exact: true }).click();
    await owner.getByRole('textbox', { name: /Your name/ }).fill('Ana');
    await owner.getByRole('button', { name: 'Start sharing' }).click();
    const editLink = owner.getByRole('textbox', { name: 'Edit link' });
    await expect.poll(() => editLink.inputValue(), { timeout: 15_000 }).toMatch(/#shared=/);
    const viewLink = await owner.getByRole('textbox', { name: 'View link' }).inputValue();
    expect(viewLink).not.toBe(await editLink.inputValue());
    await expect.poll(() => owner.getByRole('status').filter({ hasText: 'Live' }).count(), { timeout: 15_000 }).toBe(1);
    await owner.keyboard.press('Escape');

    const viewer = await (await app.browser.newContext()).newPage();
    await viewer.goto(viewLink);
    await expect.poll(() => viewer.getByText('Opened with a view link').count(), { timeout: 15_000 }).toBe(1);
    // Each sees the other: the owner by the name given once, the viewer (no name given) as "Someone".
    await expect.poll(() => viewer.getByLabel('Also here: Ana').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => owner.getByLabel('Also here: Someone').count(), { timeout: 15_000 }).toBe(1);
    const title = await owner.getByRole('textbox', { name: 'Map title' }).inputValue();
    await expect.poll(() => viewer.getByRole('textbox', { name: 'Map title' }).inputValue(), { timeout: 15_000 }).toBe(title);

    await owner.getByRole('textbox', { name: 'Map title' }).fill('Renamed together');
    await owner.getByRole('textbox', { name: 'Map title' }).press('Enter');
    await expect.poll(() => viewer.getByRole('textbox', { name: 'Map title' }).inputValue(), { timeout: 15_000 }).toBe('Renamed together');

    // The viewer cannot rename: the title is read-only and the controls that change the map are disabled.
    expect(await viewer.getByRole('textbox', { name: 'Map title' }).isEditable()).toBe(false);
    expect(await viewer.getByRole('button', { name: 'Add asset' }).isDisabled()).toBe(true);
    expect(await viewer.getByRole('button', { name: 'Auto layout' }).isDisabled()).toBe(true);
    await viewer.getByRole('textbox', { name: 'Map title' }).press('x');
    await viewer.getByRole('textbox', { name: 'Map title' }).press('Enter');
    await new Promise((r) => setTimeout(r, 500));
    expect(await owner.getByRole('textbox', { name: 'Map title' }).inputValue()).toBe('Renamed together');

    // The map from the link is in the viewer's Maps list, marked shared; another map opened, then this one
    // again from the list, it opens shared (live, and read-only as its link was).
    await viewer.getByRole('button', { name: 'Maps', exact: true }).click();
    const listed = viewer.getByRole('list', { name: 'Your maps' }).getByRole('listitem').filter({ hasText: 'Renamed together' });
    await expect.poll(() => listed.textContent(), { timeout: 10_000 }).toMatch(/Shared/);
    await viewer.getByRole('button', { name: 'New map' }).click();
    await expect.poll(() => viewer.getByRole('status').filter({ hasText: 'Live' }).count(), { timeout: 10_000 }).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Add asset' }).isDisabled()).toBe(false);
    await viewer.getByRole('button', { name: 'Maps', exact: true }).click();
    await viewer.getByRole('button', { name: 'Open Renamed together' }).click();
    await expect.poll(() => viewer.getByRole('status').filter({ hasText: 'Live' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => viewer.getByText('Opened with a view link').count(), { timeout: 15_000 }).toBe(1);
    expect(violations).toEqual([]);
  }, 90_000);

  it('with no server to answer, Share says so in words', async () => {
    const page = await (await app.browser.newContext()).newPage();
    await page.route('**/api/rooms', (r) => r.abort());
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Start sharing' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(/No sharing server is reachable/);
  }, 60_000);
});
