/**
 * The app under test and the browser that runs it.
 *
 * The suite builds the app itself, with the project's Vite config, into bench/.cache/browser/app: the build
 * takes a few seconds, measures the code as it is now, and cannot be swapped underneath the run by someone
 * else's `npm run build` of dist/ on this shared checkout. If that build fails, it falls back to a copy of
 * dist/ (and says so). For profiles a second build without minification (app-named) keeps the source's
 * function names; it is the same code otherwise.
 *
 * The server (tests/support/browser.mjs, as in the end-to-end tests) answers like a static host with
 * `Cache-Control: no-cache` and records every path it serves, which the bundle measurement reads.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { build } from 'vite';
import { launchChromium, serveStatic } from '../../tests/support/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const CACHE = path.join(ROOT, 'bench', '.cache', 'browser');

/** Builds the app into bench/.cache/browser/<name>; returns { dir, source } (source: 'build' or 'dist'). */
export async function buildApp({ name = 'app', minify = true } = {}) {
  const outDir = path.join(CACHE, name);
  try {
    await build({
      root: ROOT,
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, minify, reportCompressedSize: false },
    });
    return { dir: outDir, source: 'build' };
  } catch (e) {
    const dist = path.join(ROOT, 'dist');
    if (!minify || !fs.existsSync(path.join(dist, 'index.html'))) throw e;
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.cpSync(dist, outDir, { recursive: true });
    return { dir: outDir, source: 'dist', error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The app as it was at a git commit, built into bench/.cache/browser/baseline-<commit> (kept: a second run reuses
 * it). The commit is checked out into a temporary worktree that shares this checkout's node_modules, built with
 * its own Vite config, and the worktree is removed. Returns { dir, commit }.
 */
export async function buildBaseline(ref) {
  const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const outDir = path.join(CACHE, `baseline-${commit.slice(0, 12)}`);
  if (fs.existsSync(path.join(outDir, 'index.html'))) return { dir: outDir, commit };
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'asset-map-baseline-'));
  fs.rmSync(src, { recursive: true, force: true });
  git('worktree', 'add', '--detach', src, commit);
  try {
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'), 'dir');
    await build({ root: src, configFile: path.join(src, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true, reportCompressedSize: false } });
  } finally {
    git('worktree', 'remove', '--force', src);
  }
  return { dir: outDir, commit };
}

/** Serves dir on 127.0.0.1 (tests/support/browser.mjs): unknown paths get index.html, every path served is recorded. */
export const serve = (dir) => serveStatic(dir);

/** Headless Chromium with a fresh profile, as the end-to-end tests run it (tests/support/browser.mjs). */
export const launch = launchChromium;

/** A context as a user's browser window would be: 1440×900, downloads accepted, its own IndexedDB. */
export function newContext(browser) {
  return browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
}

/**
 * Puts a map into the context's IndexedDB the way the app does: opens the app, hands the parsed file to
 * workspace.openDoc, waits for "All changes saved". Later navigations in this context open it first.
 */
export async function storeMap(context, url, fileText) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => !!window.assetMap?.workspace, undefined, { timeout: 60_000 });
  await page.evaluate(async (text) => {
    const doc = JSON.parse(text).map;
    await window.assetMap.workspace.openDoc(doc);
  }, fileText);
  await page.waitForSelector('.am-save-saved', { timeout: 120_000 });
  const id = await page.evaluate(() => window.assetMap.workspace.store.getDoc().id);
  await page.close();
  return id;
}

/** A scratch directory for downloads, removed by the caller. */
export function scratchDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'am-bench-'));
}
