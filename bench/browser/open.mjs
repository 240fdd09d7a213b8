/**
 * Target 3, opening: from navigation to a saved map drawn and answering a click. The map is put into the
 * context's IndexedDB first; each measured run is then a new tab on the app (a new document, the way a user
 * comes back to it), which opens the last map. Times are the page's own clock (performance.now(), zero at
 * navigation start):
 *
 * - drawn: the first React Flow node element exists, or, for a large map (which opens far out, its nodes
 *   painted on the map canvas, not elements), the canvas has painted its nodes;
 * - settled: the number of node elements stops changing (React Flow may first mount every node, then drop
 *   those outside the view — see the report);
 * - click answered: a real mouse press and release (through the DevTools protocol, so they queue behind whatever
 *   the page is doing) on a node in view have given it the `selected` class, or, far out on a large map, on
 *   a painted asset have had the canvas paint it selected. The click is sent as soon as a
 *   node is in view and on top, and again every 250 ms until one answers (nodes move while the view is fitted).
 *
 * New tabs rather than reloads: a reload also tears down the previous document's compositor, which on this
 * software-rendered headless browser blocked the new page's main thread for seconds with a big map on screen,
 * a cost a user opening the app does not pay.
 */
import { pickNode, watchOpen } from './probes.mjs';

/** One measured open in `context` (which holds the map). Returns milliseconds and what the DOM showed. */
export async function measureOpen(context, url, { timeoutMs = 120_000, onPage } = {}) {
  const page = await context.newPage();
  await page.addInitScript(watchOpen);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (onPage) await onPage(page, 'before');
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__benchOpen.firstNodeAt !== null, undefined, { timeout: timeoutMs });
  const cdp = await context.newCDPSession(page);
  let clicks = 0;
  for (;;) {
    if (Date.now() - started > timeoutMs) throw new Error('no node answered a click');
    const target = await page.evaluate(pickNode, null);
    if (target) {
      clicks++;
      await click(cdp, target.x, target.y);
      const answered = await page
        .waitForFunction(() => window.__benchOpen.selectedAt !== null, undefined, { timeout: 250 })
        .then(() => true)
        .catch(() => false);
      if (answered) break;
    } else {
      await page.waitForTimeout(50);
    }
  }
  // Let the node count settle (React Flow drops nodes outside the view after measuring them) before reading.
  await waitQuiet(page);
  const rec = await page.evaluate(() => window.__benchOpen);
  const painted = await page.evaluate(() => Number(document.querySelector('.am-paint')?.dataset.nodes ?? 0));
  if (onPage) await onPage(page, 'after');
  const zoom = Number(/scale\(([\d.e-]+)\)/.exec(rec.counts.at(-1)?.[2] ?? '')?.[1] ?? NaN);
  const peak = Math.max(...rec.counts.map((c) => c[1]));
  const result = {
    firstNodeMs: rec.firstNodeAt,
    clickMs: rec.selectedAt,
    settledMs: rec.counts.at(-1)?.[0] ?? null,
    peakNodes: peak,
    paintedNodes: painted,
    finalNodes: rec.counts.at(-1)?.[1] ?? 0,
    zoom,
    clicks,
    longTasks: rec.longTasks,
    counts: rec.counts,
    errors,
  };
  await cdp.detach();
  await page.close();
  return result;
}

/**
 * A press and release at (x, y) with no mouse move first. Playwright's click moves the mouse first, and moves
 * are delivered with the next frame, which a slow frame holds back; a user's pointer is already there, and the
 * browser hands a press to the page at once.
 */
async function click(cdp, x, y) {
  const base = { x, y, button: 'left', clickCount: 1 };
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...base, buttons: 1 });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...base, buttons: 0 });
}

/** Waits until the node count has not changed for `quietMs` (or `maxMs` passed). */
async function waitQuiet(page, quietMs = 1000, maxMs = 20_000) {
  const start = Date.now();
  for (;;) {
    const last = await page.evaluate(() => window.__benchOpen.counts.at(-1)?.[0] ?? 0);
    const now = await page.evaluate(() => performance.now());
    if (now - last >= quietMs || Date.now() - start > maxMs) return;
    await page.waitForTimeout(200);
  }
}
