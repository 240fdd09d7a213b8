/**
 * Trust in real Chromium: hostile text stays text everywhere, an edit survives a tab closed at once, a full
 * disk is reported with nothing lost, and two tabs on one map never overwrite each other silently.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openApp, readDoc, useApp } from './harness';

const app = useApp();

export const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '</text><script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  '\u202Eexe.txt',
  '👩‍👩‍👧‍👦 família 🏳️‍🌈',
  '=HYPERLINK("http://evil.example","click")',
  '"><svg onload=window.__pwned=4>',
  'کتابخانه عمومی',
];

function hostileMap() {
  const nodes: Record<string, unknown> = {};
  const edges: Record<string, unknown> = {};
  HOSTILE.forEach((text, i) => {
    nodes[`a${i}`] = { id: `a${i}`, kind: i % 2 ? 'staff' : 'partner', label: text, x: i * 260, y: 0, order: i, details: text, fields: { [text.slice(0, 10)]: text }, passions: [{ text }] };
    nodes[`s${i}`] = { id: `s${i}`, kind: 'strength', label: text, attachedTo: `a${i}`, x: i * 260 + 24, y: 120, order: 0 };
    nodes[`w${i}`] = { id: `w${i}`, kind: 'weakness', label: text, attachedTo: `a${i}`, x: i * 260 + 24, y: 200, order: 0 };
    nodes[`i${i}`] = { id: `i${i}`, kind: 'improvement', label: text, attachedTo: `w${i}`, x: i * 260 + 24, y: 280, order: 0, status: 'idea' };
    if (i > 0) edges[`e${i}`] = { id: `e${i}`, kind: 'relationship', source: `a${i - 1}`, target: `a${i}`, tie: 'strong', label: text };
  });
  nodes.big = { id: 'big', kind: 'space', label: 'x'.repeat(100_000), x: 0, y: 600, order: 99 };
  const map = {
    id: 'hostile',
    title: HOSTILE[0],
    created: '2026-01-01T00:00:00.000Z',
    nodes,
    edges,
    routes: {},
    layout: { direction: 'LR', spacing: 60 },
    reflect: { connect: HOSTILE[1], notice: HOSTILE[6] },
    dismissed: {},
  };
  return JSON.stringify({ format: 'asset-map', version: 1, map });
}

async function guard(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { dialogs, pwned: () => page.evaluate(() => (window as any).__pwned) };
}

describe('trust', () => {
  it('shows hostile text as text on the canvas, worksheet, insights, reflect and in every export', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const { dialogs, pwned } = await guard(page);
    const dir = mkdtempSync(join(tmpdir(), 'am-'));
    const file = join(dir, 'hostile.assetmap.json');
    writeFileSync(file, hostileMap());
    await page.getByLabel('Open file').setInputFiles(file);
    await page.getByRole('status').filter({ hasText: 'Opened' }).waitFor();
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await page.waitForTimeout(300);
    // On the canvas: the markup is there as characters, and no element came from it.
    expect(await page.locator('.react-flow__node img, .react-flow__node script, .react-flow__renderer svg[onload]').count()).toBe(0);
    expect(await page.locator('.react-flow__node').filter({ hasText: '<img' }).count()).toBeGreaterThan(0);
    for (const tab of ['Worksheet', 'Insights', 'Reflect']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(200);
      expect(await page.locator('main img, main script').count(), tab).toBe(0);
    }
    expect(await page.getByLabel('Your answer to question 1').inputValue()).toBe(HOSTILE[1]);
    // Exports.
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const save = async (button: string) => {
      const d = page.waitForEvent('download');
      await dialog.getByRole('button', { name: button }).click();
      const path = join(dir, (await d).suggestedFilename());
      await (await d).saveAs(path);
      return readFileSync(path, 'utf8');
    };
    const svg = await save('Export SVG');
    // Parsed as XML: no script, no foreign HTML, no event attribute, no javascript: or outside link anywhere.
    const report = await page.evaluate((text) => {
      const xml = new DOMParser().parseFromString(text, 'image/svg+xml');
      const all = [...xml.getElementsByTagName('*')];
      return {
        parseError: xml.getElementsByTagName('parsererror').length,
        elements: [...new Set(all.map((e) => e.localName))].filter((n) => ['script', 'foreignObject', 'img', 'iframe'].includes(n)),
        badAttributes: all.flatMap((e) =>
          [...e.attributes]
            .filter((a) => /^on/i.test(a.localName) || /javascript:/i.test(a.value) || (/href$/i.test(a.localName) && !a.value.startsWith('#')))
            .map((a) => `${e.localName}@${a.name}=${a.value}`),
        ),
        text: xml.documentElement.textContent ?? '',
      };
    }, svg);
    expect(report).toMatchObject({ parseError: 0, elements: [], badAttributes: [] });
    expect(report.text).toContain('<img src=x onerror="window.__pwned=1">');
    const csv = await save('Export CSV');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const md = await save('Export Markdown');
    expect(md).not.toMatch(/<img|<script|<svg/i);
    await save('Export PNG');
    await save('Export PDF');
    expect(dialogs).toEqual([]);
    expect(await pwned()).toBeUndefined();
    await context.close();
  });

  it('an edit made just before the tab closes is there when the map is opened again', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForSelector('.react-flow__node');
    await page.waitForSelector('.am-save-saved');
    await page.locator('.react-flow__node[aria-label="High school (partner)"]').click();
    await page.getByRole('complementary', { name: 'Details' }).getByLabel('Name').fill('Riverside High School');
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await again.goto(app.url);
    await again.waitForSelector('.react-flow__node[aria-label="Riverside High School (partner)"]');
    await context.close();
  });

  it('a name with a right-to-left override is shown for what it is in the side panel, and the control can be removed', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const id = await page.evaluate(() => {
      const store = (window as any).assetMap.workspace.store;
      const node = Object.values(store.getDoc().nodes).find((n: any) => n.label === 'High school') as { id: string };
      store.dispatch('updateNode', { id: node.id, patch: { label: '\u202eevil librarian' } });
      return node.id;
    });
    await page.locator(`.react-flow__node[data-id="${id}"]`).click();
    const note = page.getByRole('complementary', { name: 'Details' }).getByRole('note');
    await note.waitFor();
    expect(await note.textContent()).toContain('right-to-left override, U+202E');
    expect(await note.textContent()).toContain('⟨U+202E⟩evil librarian');
    await note.getByRole('button', { name: 'Remove direction controls' }).click();
    await expect.poll(async () => (await readDoc(page)).nodes[id]!.label).toBe('evil librarian');
    expect(await note.count()).toBe(0);
    await context.close();
  });

  it('a full disk is reported in words, work goes on, and nothing saved is lost', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.waitForSelector('.am-save-saved');
    const before = await readDoc(page);
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.locator('.react-flow__node[aria-label="High school (partner)"]').click();
    await page.getByRole('complementary', { name: 'Details' }).getByLabel('Name').fill('Renamed on a full disk');
    const alert = page.getByRole('alert').filter({ hasText: 'could not be saved' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('storage for this site is full');
    expect(await alert.getByRole('button', { name: 'Save file' }).count()).toBe(1);
    // What was saved before is intact: read it straight from IndexedDB.
    const stored = await page.evaluate(
      (id) =>
        new Promise((resolve) => {
          const open = indexedDB.open('asset-map');
          open.onsuccess = () => {
            const get = open.result.transaction('maps').objectStore('maps').get(id);
            get.onsuccess = () => resolve(typeof get.result.map === 'string' ? JSON.parse(get.result.map) : get.result.map);
          };
        }),
      (before as any).id,
    );
    expect(stored).toEqual(before);
    await context.close();
  });

  it('two tabs on one map: the other tab follows a change', async () => {
    const context = await app.browser.newContext();
    const a = await context.newPage();
    await a.goto(app.url);
    await a.waitForSelector('.am-save-saved');
    const b = await context.newPage();
    await b.goto(app.url);
    await b.waitForSelector('.react-flow__node');
    await a.locator('.react-flow__node[aria-label="High school (partner)"]').click();
    await a.getByRole('complementary', { name: 'Details' }).getByLabel('Name').fill('Changed in the first tab');
    await b.waitForSelector('.react-flow__node[aria-label="Changed in the first tab (partner)"]');
    await context.close();
  });
});
