/**
 * The built app under a strict Content Security Policy, as a careful host would serve it: no eval, no inline
 * script, images only from the app itself or from data:/blob: URLs. Every part a user reaches — the map, layout,
 * editing, the image, PDF and Excel exports (which load their own chunks), the worksheet, insights and the
 * offline service worker — must run with no violation. A violation shows up as a `securitypolicyviolation` event on the page or a console error naming the
 * policy; both are collected from before the app's first script runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, readDoc, serveDist } from './harness';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:";

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  server = await serveDist({ headers: { 'Content-Security-Policy': POLICY } });
  ({ browser, close: closeBrowser } = await launch());
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

/** Records violations in the page from the very start, and console errors that name the policy. */
async function watchPolicy(page: Page): Promise<{ violations: () => Promise<Violation[]>; consoleErrors: string[] }> {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
    });
  });
  return {
    consoleErrors,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations),
  };
}

/** Opens the app in a page whose policy is watched before anything loads. */
async function openWatched() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const watch = await watchPolicy(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Not openApp: the watch has to be in place before the first navigation.
  await page.goto(server.url);
  await page.waitForSelector('.react-flow__node', { timeout: 30_000 });
  return { page, context, pageErrors, ...watch };
}

describe('strict Content Security Policy', () => {
  it('the server really sends the policy', async () => {
    const res = await fetch(server.url);
    expect(res.headers.get('content-security-policy')).toBe(POLICY);
    await res.body?.cancel();
  });

  it('draws the map, lays it out, edits, exports PNG, SVG, PDF and Excel, and shows the worksheet and insights with no violation', async () => {
    const { page, context, violations, consoleErrors, pageErrors } = await openWatched();

    // The map draws, with its edges.
    await expect(page.locator('.react-flow__node[aria-label="School Partnership (partner)"]').isVisible()).resolves.toBe(true);
    await expect.poll(() => page.locator('.am-paint').first().getAttribute('data-kinds')).toMatch(/strength \d+/);
    // The service worker (worker-src 'self') installs and takes the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // An edit through the side panel.
    await page.getByRole('button', { name: 'Add asset' }).click();
    await page.getByRole('menuitem', { name: 'Partner' }).click();
    await page.getByRole('complementary', { name: 'Details' }).getByLabel('Name').fill('Library Foundation');
    await page.locator('.react-flow__node[aria-label="Library Foundation (partner)"]').waitFor();
    expect(Object.values((await readDoc(page)).nodes).some((n) => n.label === 'Library Foundation')).toBe(true);

    // Auto layout (dagre) finds the new partner a place: one undoable step.
    const before = await readDoc(page);
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await page.waitForFunction(() => (window as any).assetMap.workspace.store.getState().undoLabel === 'auto layout');
    expect((await readDoc(page)).nodes).not.toEqual(before.nodes);

    // Each export loads its code on demand and ends in a download.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    for (const [button, extension, signature] of [
      ['Export PNG', '.png', /^\x89PNG\r\n/],
      ['Export SVG', '.svg', /^(<\?xml[^>]*>\s*)?<svg[\s>]/],
      ['Export PDF', '.pdf', /^%PDF-/],
      ['Export Excel', '.xlsx', /^PK\x03\x04/],
    ] as const) {
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: button }).click();
      const file = await download;
      expect(file.suggestedFilename(), button).toMatch(/^Sunnydale Public Library\b/);
      expect(file.suggestedFilename().endsWith(extension), button).toBe(true);
      expect(await file.failure(), button).toBeNull();
      // The file is what it says: its first bytes are the format's signature.
      expect(readFileSync(await file.path()).subarray(0, 100).toString('latin1'), button).toMatch(signature);
      // The dialog takes one export at a time; the next starts once this one is done.
      await expect.poll(() => dialog.getByRole('button', { name: button }).isEnabled()).toBe(true);
    }
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The worksheet: a table per category, with the map's rows.
    await page.getByRole('tab', { name: 'Worksheet' }).click();
    const sheet = page.getByRole('tabpanel', { name: 'Worksheet' });
    await sheet.getByRole('table').first().waitFor();
    expect(await sheet.getByRole('table').count()).toBeGreaterThan(1);
    expect(await sheet.getByRole('textbox', { name: /Library Foundation/ }).count()).toBeGreaterThan(0);
    // Insights: the kinds of findings, each a headed group.
    await page.getByRole('tab', { name: 'Insights' }).click();
    const insights = page.getByRole('tabpanel', { name: 'Insights' });
    await insights.getByRole('navigation', { name: 'Kinds of findings' }).waitFor();
    expect(await insights.getByRole('heading', { level: 2 }).count()).toBeGreaterThan(0);

    expect(await violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  it('an inline script is refused, so the page is watching the policy it claims to', async () => {
    const { page, context, violations } = await openWatched();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
    });
    await expect.poll(async () => (await violations()).map((v) => v.directive)).toContain('script-src-elem');
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    await context.close();
  });
});
