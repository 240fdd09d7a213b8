/**
 * Two people on one shared map, each in a Chromium context of their own (and a third with the view link): edits
 * go both ways within a second, edits made while one is offline meet when it is back, undo takes back only one's
 * own change, the view link cannot edit, and each sees what the other has selected in the other's colour.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { servedApp } from './support';

const app = servedApp('together');

/** A person with a name others see (given once, kept in the browser). */
async function person(name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((n) => localStorage.setItem('asset-map:name', n), name);
  return { context, page: await context.newPage() };
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const labelOf = (page: Page, id: string) => page.evaluate((i) => (window as unknown as { assetMap: { workspace: { store: { getDoc(): { nodes: Record<string, { label: string }> } } } } }).assetMap.workspace.store.getDoc().nodes[i]?.label, id);
const live = (page: Page) => page.getByRole('status').filter({ hasText: 'Live' });

async function rename(page: Page, id: string, label: string) {
  await node(page, id).click();
  const field = page.getByRole('textbox', { name: 'Name', exact: true });
  await field.fill(label);
  await field.blur();
}

describe('Two people on one shared map', () => {
  it('edits both ways, offline and back, undo of one’s own change, a view link that cannot edit, the other’s selection in their colour', async () => {
    const ana = await person('Ana');
    await ana.page.goto(app.url);
    await ana.page.getByRole('button', { name: 'Share', exact: true }).click();
    await ana.page.getByRole('button', { name: 'Start sharing' }).click();
    const editLink = ana.page.getByRole('textbox', { name: 'Edit link' });
    await expect.poll(() => editLink.inputValue(), { timeout: 15_000 }).toMatch(/#shared=/);
    const edit = await editLink.inputValue();
    const view = await ana.page.getByRole('textbox', { name: 'View link' }).inputValue();
    await ana.page.keyboard.press('Escape');

    const ben = await person('Ben');
    await ben.page.goto(edit);
    await expect.poll(() => live(ben.page).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => ben.page.getByLabel('Also here: Ana').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => node(ben.page, 'school').count(), { timeout: 15_000 }).toBe(1);

    // An edit in one shows in the other within a second.
    await rename(ana.page, 'school', 'School, renamed by Ana');
    await expect.poll(() => node(ben.page, 'school').textContent(), { timeout: 1000, interval: 50 }).toContain('School, renamed by Ana');

    // Ben goes offline; both change a different asset meanwhile.
    await ben.context.setOffline(true);
    await expect.poll(() => ben.page.locator('.am-share-status').textContent(), { timeout: 5000 }).toMatch(/^Offline/);
    await rename(ana.page, 'na1', 'Association, by Ana offline');
    await rename(ben.page, 'room', 'Room, by Ben offline');
    await new Promise((r) => setTimeout(r, 500));
    expect(await labelOf(ana.page, 'room')).toBe('Meeting Room');
    expect(await labelOf(ben.page, 'na1')).toBe('Neighborhood Association 1');
    // Back online: both edits on both.
    await ben.context.setOffline(false);
    await expect.poll(() => live(ben.page).count(), { timeout: 20_000 }).toBe(1);
    for (const page of [ana.page, ben.page]) {
      await expect.poll(() => labelOf(page, 'room'), { timeout: 10_000 }).toBe('Room, by Ben offline');
      await expect.poll(() => labelOf(page, 'na1'), { timeout: 10_000 }).toBe('Association, by Ana offline');
    }

    // Undo in Ben's page takes back Ben's change only, for both.
    await ben.page.getByRole('button', { name: 'Undo', exact: true }).click();
    for (const page of [ana.page, ben.page]) {
      await expect.poll(() => labelOf(page, 'room'), { timeout: 10_000 }).toBe('Meeting Room');
      expect(await labelOf(page, 'na1')).toBe('Association, by Ana offline');
      expect(await labelOf(page, 'school')).toBe('School, renamed by Ana');
    }

    // Each sees what the other has selected, outlined in the other's colour and named.
    await node(ana.page, 'school').click();
    await node(ben.page, 'children').click();
    const colourOf = (page: Page, name: string) => page.locator(`.am-person[title="${name}"]`).evaluate((el) => getComputedStyle(el).color);
    const outline = (page: Page, id: string) => node(page, id).evaluate((el) => ({ colour: getComputedStyle(el).outlineColor, style: getComputedStyle(el).outlineStyle, title: el.getAttribute('title'), description: el.getAttribute('aria-description') }));
    const anaColour = await colourOf(ben.page, 'Ana');
    const benColour = await colourOf(ana.page, 'Ben');
    expect(anaColour).not.toBe(benColour);
    await expect.poll(() => outline(ben.page, 'school'), { timeout: 10_000 }).toEqual({ colour: anaColour, style: 'dashed', title: 'Selected by Ana', description: 'Selected by Ana' });
    await expect.poll(() => outline(ana.page, 'children'), { timeout: 10_000 }).toEqual({ colour: benColour, style: 'dashed', title: 'Selected by Ben', description: 'Selected by Ben' });
    // One's own selection is not outlined as someone else's.
    expect((await outline(ana.page, 'school')).title).toBeNull();

    // The view link: the controls that change the map are disabled, with the reason, and the store refuses a change.
    const cy = await person('Cy');
    await cy.page.goto(view);
    await expect.poll(() => cy.page.getByText('Opened with a view link').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => labelOf(cy.page, 'school'), { timeout: 15_000 }).toBe('School, renamed by Ana');
    for (const name of ['Add asset', 'Auto layout', 'Undo', 'Redo']) expect(await cy.page.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true);
    expect(await cy.page.getByRole('textbox', { name: 'Map title' }).isEditable()).toBe(false);
    await node(cy.page, 'school').click();
    expect(await cy.page.getByRole('textbox', { name: 'Name', exact: true }).isEditable()).toBe(false);
    expect(await cy.page.getByRole('button', { name: 'Delete partner' }).isDisabled()).toBe(true);
    expect(await cy.page.getByRole('button', { name: 'Add strength' }).isDisabled()).toBe(true);
    const forced = await cy.page.evaluate(() => (window as unknown as { assetMap: { workspace: { store: { dispatch(c: string, p: unknown): boolean } } } }).assetMap.workspace.store.dispatch('setTitle', { title: 'Forced by the viewer' }));
    expect(forced).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(await ana.page.getByRole('textbox', { name: 'Map title' }).inputValue()).not.toBe('Forced by the viewer');
    // The viewer's selection shows for the others all the same.
    await expect.poll(() => outline(ana.page, 'school').then((o) => o.title), { timeout: 10_000 }).toBe('Selected by Cy');
  }, 120_000);
});
