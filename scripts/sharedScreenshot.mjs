// A picture for the README: two people on one shared map, side by side, each seeing what the other has selected
// outlined in the other's colour. Starts the team server on 127.0.0.1 with the built app (dist/) and a data
// folder of its own, takes a 720×900 picture of each browser, puts them side by side and stops the server.
// Usage: npm run build && node scripts/sharedScreenshot.mjs   (writes docs/shared-map.png)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { DIST, launchChromium } from '../tests/support/browser.mjs';

const root = join(import.meta.dirname, '..');
const WIDTH = 720;
const HEIGHT = 900;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `node server/index.js`, resolved once it says it is listening. */
function startServer(port, dataDir) {
  const child = spawn(process.execPath, ['server/index.js'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: DIST, REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d.toString();
      if (/listening on/.test(out)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server ended (${code}) before it was ready:\n${out}`)));
    setTimeout(() => reject(new Error(`the server was not ready after 15 s:\n${out}`)), 15_000);
  });
}

async function person(browser, name) {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1 });
  await context.addInitScript((n) => localStorage.setItem('asset-map:name', n), name);
  return context.newPage();
}

const dataDir = mkdtempSync(join(tmpdir(), 'asset-map-shot-'));
const port = await freePort();
const server = await startServer(port, dataDir);
const browser = await launchChromium();
try {
  const url = `http://127.0.0.1:${port}/`;
  const ana = await person(browser, 'Ana');
  await ana.goto(url);
  await ana.waitForSelector('.react-flow__node');
  await ana.getByRole('button', { name: 'Share', exact: true }).click();
  await ana.getByRole('button', { name: 'Start sharing' }).click();
  const editLink = ana.getByRole('textbox', { name: 'Edit link' });
  await editLink.waitFor();
  await ana.waitForFunction(() => document.querySelector('input[aria-label="Edit link"]')?.value.includes('#shared='));
  const edit = await editLink.inputValue();
  await ana.keyboard.press('Escape');

  const ben = await person(browser, 'Ben');
  await ben.goto(edit);
  await ben.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
  await ben.getByLabel('Also here: Ana').waitFor({ timeout: 15_000 });
  await ana.getByLabel('Also here: Ben').waitFor({ timeout: 15_000 });

  await ana.locator('.react-flow__node[data-id="school"]').click();
  await ben.locator('.react-flow__node[data-id="children"]').click();
  await ben.locator('.react-flow__node[data-id="school"][title="Selected by Ana"]').waitFor({ timeout: 10_000 });
  await ana.locator('.react-flow__node[data-id="children"][title="Selected by Ben"]').waitFor({ timeout: 10_000 });
  // Near enough to read: both selected assets in view; the pointer away from the nodes (no hover look).
  for (const page of [ana, ben]) {
    await page.evaluate(() => window.assetMap.session.centre(['school', 'children']));
    await page.mouse.move(WIDTH - 10, HEIGHT - 10);
  }
  await ana.waitForTimeout(500);

  const shots = await Promise.all([ana, ben].map(async (page) => PNG.sync.read(await page.screenshot())));
  const out = new PNG({ width: WIDTH * 2, height: HEIGHT });
  shots.forEach((shot, i) => PNG.bitblt(shot, out, 0, 0, WIDTH, HEIGHT, i * WIDTH, 0));
  // A line between the two browsers.
  for (let y = 0; y < HEIGHT; y++) {
    for (const x of [WIDTH - 1, WIDTH]) {
      const at = (y * WIDTH * 2 + x) * 4;
      out.data.set([71, 85, 105, 255], at);
    }
  }
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs', 'shared-map.png'), PNG.sync.write(out));
  console.log('wrote docs/shared-map.png');
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
