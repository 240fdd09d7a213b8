/** Deleting a map: its Restore can be reached, and stays until it is dismissed or something else is done. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readDoc, useApp } from './harness';

const app = useApp();

async function openWithClock(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // Time can be moved on: a message that goes away after some seconds would go by then.
  await page.clock.install();
  await page.goto(app.url);
  await page.waitForSelector('.react-flow__node', { timeout: 30_000 });
  return { page, close: () => context.close() };
}

async function addBranch(page: Page) {
  await page.getByRole('button', { name: 'Maps' }).click();
  const dialog = page.getByRole('dialog', { name: 'Maps' });
  await dialog.getByLabel('Template').selectOption('blank');
  await dialog.getByRole('button', { name: 'New map' }).click();
  await page.waitForFunction(() => Object.keys((window as any).assetMap.workspace.store.getDoc().nodes).length === 0);
  await expect.poll(() => page.getByLabel('Map title').inputValue()).toBe('Untitled map');
  await page.getByLabel('Map title').fill('Branch 2');
  await page.getByLabel('Map title').press('Enter');
  await page.waitForFunction(() => (window as any).assetMap.workspace.store.getDoc().title === 'Branch 2');
  await page.getByRole('button', { name: 'Maps' }).click();
  await dialog.getByRole('button', { name: 'Open Sunnydale Public Library' }).click();
  await page.waitForFunction(() => (window as any).assetMap.workspace.store.getDoc().title === 'Sunnydale Public Library');
}

describe('deleting a map', () => {
  it('offers Restore inside the Maps dialog, where it can be clicked, for as long as it takes', async () => {
    const { page, close } = await openWithClock();
    await addBranch(page);
    await page.getByRole('button', { name: 'Maps' }).click();
    const dialog = page.getByRole('dialog', { name: 'Maps' });
    const listed = () => dialog.getByRole('list', { name: 'Your maps' }).getByText('Branch 2', { exact: true }).count();
    await dialog.getByRole('button', { name: 'Delete Branch 2' }).click();
    await expect.poll(listed).toBe(0);
    await page.clock.fastForward(60_000);
    const status = dialog.getByRole('status').filter({ hasText: 'Deleted the map “Branch 2”.' });
    await status.getByRole('button', { name: 'Restore' }).click({ timeout: 5_000 });
    await expect.poll(listed).toBe(1);
    expect(await status.count()).toBe(0);
    await close();
  });

  it('after the dialog is closed, the message stays until dismissed or until the next change', async () => {
    const { page, close } = await openWithClock();
    await addBranch(page);
    await page.getByRole('button', { name: 'Maps' }).click();
    const dialog = page.getByRole('dialog', { name: 'Maps' });
    await dialog.getByRole('button', { name: 'Delete Branch 2' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Deleted the map' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Deleted the map “Branch 2”.' });
    await notice.waitFor();
    await page.clock.fastForward(60_000);
    expect(await notice.count()).toBe(1);
    // Something else: an edit. The offer to restore is gone with it.
    await page.getByRole('button', { name: 'Add asset' }).click();
    await page.getByRole('menuitem', { name: 'Partner' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(Object.values((await readDoc(page)).nodes).some((n) => n.label === 'New partner')).toBe(true);
    await close();
  });
});

describe('a new map', () => {
  it('from an example that loads on demand takes the title typed the moment it shows (three times over)', async () => {
    for (let round = 0; round < 3; round++) {
      const { page, close } = await openWithClock();
      await page.getByRole('button', { name: 'Maps' }).click();
      const dialog = page.getByRole('dialog', { name: 'Maps' });
      await dialog.getByLabel('Template').selectOption('smallville');
      await dialog.getByRole('button', { name: 'New map' }).click();
      await page.waitForFunction(() => (window as any).assetMap.workspace.store.getDoc().title.startsWith('Smallville'));
      await expect.poll(() => page.getByLabel('Map title').inputValue()).toMatch(/^Smallville/);
      await page.getByLabel('Map title').fill(`Branch ${round}`);
      await page.getByLabel('Map title').press('Enter');
      await expect.poll(() => page.evaluate(() => (window as any).assetMap.workspace.store.getDoc().title)).toBe(`Branch ${round}`);
      expect(await dialog.count()).toBe(0);
      await close();
    }
  });

  it('on a slow disk, an asset added the moment a new map shows keeps its selection and its typed name', async () => {
    const { page, close } = await openWithClock();
    // The new map's first save takes a second and a half, as on a busy machine.
    await page.evaluate(() => {
      const storage = (window as any).assetMap.workspace.storage;
      const save = storage.save.bind(storage);
      storage.save = async (doc: unknown) => {
        await new Promise((resolve) => window.setTimeout(resolve, 1500));
        return save(doc);
      };
    });
    await page.getByRole('button', { name: 'Maps' }).click();
    const dialog = page.getByRole('dialog', { name: 'Maps' });
    await dialog.getByLabel('Template').selectOption('blank');
    await dialog.getByRole('button', { name: 'New map' }).click();
    await page.waitForFunction(() => Object.keys((window as any).assetMap.workspace.store.getDoc().nodes).length === 0);
    await page.getByRole('button', { name: /^Add asset/ }).click();
    await page.getByRole('menuitem', { name: 'Partner' }).click();
    await page.keyboard.type('Library Foundation');
    // The save finishes meanwhile.
    await page.clock.runFor(2000);
    await expect.poll(() => page.evaluate(() => (window as any).assetMap.workspace.getState().save.state)).toBe('saved');
    const doc = await readDoc(page);
    const added = Object.values(doc.nodes);
    expect(added.map((n) => n.label)).toEqual(['Library Foundation']);
    expect(await page.evaluate(() => (window as any).assetMap.session.getState().selection)).toEqual([added[0]!.id]);
    await close();
  });
});
