/**
 * What the end-to-end tests, the browser benchmarks and the scripts share to run the built app: a static server
 * for a folder (dist/ or a build of their own) and headless Chromium. Plain JavaScript, so that the .mjs
 * benchmarks and scripts import it as it is; the tests get its types from browser.d.mts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

/** The repository's dist/, where `npm run build` puts the app. */
export const DIST = join(import.meta.dirname, '../../dist');

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No sandbox (containers), no GPU, and nothing that talks to the network or updates itself in the background. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
};

/**
 * Headless Chromium with a fresh profile: Playwright's launch() starts every browser from a new temporary
 * profile (it owns --user-data-dir and removes it on close), and every context is a clean storage partition.
 */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Serves `dir` on 127.0.0.1 at a free port, as a static host of a single-page app would: unknown paths get
 * index.html, every answer says `Cache-Control: no-cache`. Records the paths it answered; can go "offline"
 * (drops every request unanswered) and switch to another folder (a new deployment at the same address).
 */
export async function serveStatic(dir, { headers = {} } = {}) {
  let root = normalize(dir);
  let online = true;
  const requests = [];
  const server = createServer((req, res) => {
    if (!online) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...headers });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    server,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
    setOnline(value) {
      online = value;
      // Connections the browser keeps alive would otherwise carry on after "the network is gone".
      if (!value) server.closeAllConnections();
    },
    setRoot(next) {
      root = normalize(next);
    },
  };
}
