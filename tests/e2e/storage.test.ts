/**
 * Maps saved in the browser come in through the same restore as files: a map stored by the first release (the
 * document itself, `{id, doc}`) keeps opening, is upgraded when the file format moves on, and is then stored in
 * the current form; a damaged record gets a plain message and the other maps still open.
 *
 * The upgrade is proven on a build made with `--mode format-bump`, which has one file version more than the
 * shipped app (see src/io/migrations.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, readDoc, serveDist } from './harness';
import { createFromTemplate } from '../../src/store/workspace';
import type { AssetMapDoc } from '../../src/model';

const ROOT = join(import.meta.dirname, '../..');

let bumpDir: string;
let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  bumpDir = mkdtempSync(join(tmpdir(), 'am-format-bump-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'format-bump', '--outDir', bumpDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  server = await serveDist();
  ({ browser, close: closeBrowser } = await launch());
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  if (bumpDir) rmSync(bumpDir, { recursive: true, force: true });
});

/** Writes records into the app's database the way the first release did, and makes `lastMap` the first. */
async function writeReleasedRecords(page: Page, records: { id: string; value: unknown; title: string; assets: number }[]) {
  await page.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('asset-map');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['maps', 'summaries', 'meta'], 'readwrite');
    for (const r of records) {
      tx.objectStore('maps').put(r.value);
      tx.objectStore('summaries').put({ id: r.id, title: r.title, created: '2026-10-01T09:00:00.000Z', updated: '2026-11-20T09:00:00.000Z', assets: r.assets });
    }
    tx.objectStore('meta').put(records[0]!.id, 'lastMap');
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

async function readRecord(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('asset-map');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const value = await new Promise((resolve) => {
      const get = db.transaction('maps').objectStore('maps').get(id);
      get.onsuccess = () => resolve(get.result);
    });
    db.close();
    // The current form keeps the map as JSON text: read it back as the map.
    const record = value as Record<string, unknown> | undefined;
    return record && typeof record.map === 'string' ? { ...record, map: JSON.parse(record.map) } : record;
  }, id);
}

/** A page on the app served from `dir` (dist/ when absent), with no service worker in the way. */
async function appFrom(dir?: string) {
  server.setRoot(dir ?? join(ROOT, 'dist'));
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.react-flow__node', { timeout: 30_000 });
  return { page, context };
}

const released = (doc: AssetMapDoc) => ({ id: doc.id, value: { id: doc.id, doc }, title: doc.title, assets: 12 });

describe('maps saved in the browser', () => {
  it('a map stored by the first release opens with nothing lost, and is stored again as a version-1 envelope', async () => {
    const doc = { ...(await createFromTemplate('smallville')), title: 'Smallville, saved by the first release' };
    const { page, context } = await appFrom();
    await writeReleasedRecords(page, [released(doc)]);
    await page.reload();
    await expect.poll(async () => (await readDoc(page)).title).toBe(doc.title);
    expect(await readDoc(page)).toEqual(doc);
    await expect.poll(() => readRecord(page, doc.id)).toEqual({ id: doc.id, format: 'asset-map', version: 1, map: doc });
    await context.close();
  });

  it('when the format moves on, a map stored by the first release is upgraded on opening and stored in the new form', async () => {
    const doc = { ...(await createFromTemplate('sunnydale')), title: 'Sunnydale, before the upgrade' };
    const { page, context } = await appFrom(bumpDir);
    await writeReleasedRecords(page, [released(doc)]);
    await page.reload();
    await expect.poll(async () => (await readDoc(page)).title).toBe(doc.title);
    // The test build's step marks the map; everything else is as it was.
    expect(await readDoc(page)).toEqual({ ...doc, upgradedFrom: 1 });
    await expect.poll(() => readRecord(page, doc.id)).toEqual({ id: doc.id, format: 'asset-map', version: 2, map: { ...doc, upgradedFrom: 1 } });
    // An edit is saved in the new form too, and the map opens again after a reload.
    await page.getByLabel('Map title').fill('Sunnydale, after the upgrade');
    await page.getByLabel('Map title').press('Enter');
    await expect.poll(async () => (await readRecord(page, doc.id))?.map).toMatchObject({ title: 'Sunnydale, after the upgrade', upgradedFrom: 1 });
    await page.reload();
    await expect.poll(async () => (await readDoc(page)).title).toBe('Sunnydale, after the upgrade');
    await context.close();
  });

  it('a damaged record gets a plain message, is left as it is, and the other maps still open', async () => {
    const good = { ...(await createFromTemplate('gotham')), title: 'Gotham, fine' };
    const damaged = { id: 'map-damaged-1', format: 'asset-map', version: 1, map: { title: 'Branch B', nodes: 7 } };
    const { page, context } = await appFrom();
    await writeReleasedRecords(page, [
      { id: damaged.id, value: damaged, title: 'Branch B', assets: 4 },
      released(good),
    ]);
    await page.reload();
    const message = 'The map “Branch B” saved in this browser is damaged and could not be opened: its list of nodes is missing. It was left as it is; your other maps are fine.';
    await page.getByText(message).waitFor();
    // The most recently changed of the others opened instead (the example made on the first visit).
    await expect.poll(async () => (await readDoc(page)).title).toBe('Sunnydale Public Library');
    expect(await readRecord(page, damaged.id)).toEqual(damaged);
    // Every map is still in the list; the good one opens, the damaged one says again why it does not.
    await page.getByRole('button', { name: 'Maps' }).click();
    await page.getByRole('button', { name: 'Open Gotham, fine' }).click();
    await expect.poll(async () => (await readDoc(page)).title).toBe(good.title);
    expect(await readDoc(page)).toEqual(good);
    await page.getByRole('button', { name: 'Maps' }).click();
    await page.getByRole('button', { name: 'Open Branch B' }).click();
    await expect.poll(() => page.getByText(message).count()).toBeGreaterThan(0);
    expect((await readDoc(page)).title).toBe(good.title);
    expect(await readRecord(page, damaged.id)).toEqual(damaged);
    await context.close();
  });
});
