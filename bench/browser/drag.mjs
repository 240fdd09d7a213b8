/**
 * Target 4, dragging: frame times while one asset is dragged on an open map. The app centres the view on the
 * asset (session.centre, the same call search uses: zoom at least 0.9), then the mouse presses on it and makes
 * 60 moves round a 240 × 80 px ellipse back to the start (one after another, each delivered before the next is
 * sent; about 12 px apart), and releases. During the gesture the page records requestAnimationFrame timestamps
 * (the frame's start) and, per frame, which node wrappers' DOM changed.
 *
 * The frame time reported is the interval between frames that showed the asset in a new place. Plain
 * requestAnimationFrame intervals are kept too, but they understate a slow drag: the browser hands the page
 * the next mouse move only once the previous one has been dealt with, and meanwhile runs idle 16.7 ms frames
 * with nothing to show (a real mouse's moves are held back and merged the same way). The time per move
 * (gesture length / moves) says the same from the driver's side.
 *
 * With `countRenders`, a DevTools hook (probes.mjs renderCounter) also counts per frame how many React Flow
 * node wrappers and our node components rendered: DOM mutations only show what changed on screen, renders
 * show the work React did to find out. The hook costs time itself, so those runs are kept apart from the
 * timed ones.
 */
import { pickNode, renderCounter, startFrames, stopFrames, watchOpen } from './probes.mjs';

export const MOVES = 60;
const RADIUS_X = 120;
const RADIUS_Y = 40;

/** Opens the map in a new tab of `context`, centres an asset; returns the page, the asset id and the zoom. */
export async function openForDrag(context, url, { countRenders = false } = {}) {
  const page = await context.newPage();
  await page.addInitScript(watchOpen);
  if (countRenders) await page.addInitScript(renderCounter);
  await page.goto(url);
  await page.waitForSelector('.react-flow__node', { state: 'attached', timeout: 120_000 });
  await settle(page);
  // The asset to drag: the first staff member in the document with attachments, the commonest kind of asset.
  const id = await page.evaluate(() => {
    const doc = window.assetMap.workspace.store.getDoc();
    const owners = new Set(Object.values(doc.nodes).map((n) => n.attachedTo).filter(Boolean));
    return Object.values(doc.nodes).find((n) => n.kind === 'staff' && owners.has(n.id))?.id;
  });
  // The app fits a map to the view once it is measured; centring before that would be undone. So: wait for a
  // still viewport, centre (the app animates the move for 300 ms), wait for a still viewport again, and check.
  let transform = await stillViewport(page);
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.evaluate((assetId) => window.assetMap.session.centre([assetId]), id);
    transform = await stillViewport(page);
    await settle(page);
    if (await page.evaluate(pickNode, id)) break;
  }
  const zoom = Number(/scale\(([\d.e-]+)\)/.exec(transform)?.[1]);
  return { page, id, zoom };
}

/**
 * One drag of `id`: MOVES moves once round an ellipse (RADIUS_X × RADIUS_Y px, clockwise for direction 1,
 * anticlockwise for -1) back to where it started, so that every run drags the same way over the same map.
 */
export async function dragOnce(page, id, direction = 1) {
  const at = await page.evaluate(pickNode, id);
  if (!at) {
    const where = await page.evaluate((nodeId) => {
      const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
      const r = el?.getBoundingClientRect();
      const hit = r ? document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12)) : null;
      return {
        rect: r ? [r.left, r.top, r.width, r.height].map(Math.round) : null,
        pane: [...Object.values(document.querySelector('.react-flow').getBoundingClientRect().toJSON())].map(Math.round),
        hit: hit?.className?.baseVal ?? hit?.className,
        viewport: document.querySelector('.react-flow__viewport')?.style.transform,
      };
    }, id);
    throw new Error(`asset ${id} is not in view to drag: ${JSON.stringify(where)}`);
  }
  await page.mouse.move(at.x, at.y);
  await page.evaluate(startFrames, id);
  await nextFrames(page, 3);
  const t0 = await page.evaluate(() => performance.mark('bench-drag-start').startTime);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) {
    const a = (2 * Math.PI * i) / MOVES;
    await page.mouse.move(at.x + RADIUS_X * (1 - Math.cos(a)), at.y + direction * RADIUS_Y * Math.sin(a));
  }
  await page.mouse.up();
  const t1 = await page.evaluate(() => performance.mark('bench-drag-end').startTime);
  await nextFrames(page, 3);
  const rec = await page.evaluate(stopFrames);
  // Frames whose start lies in the gesture; each frame's counts are what changed since the frame before.
  const inside = rec.frames.map((t, i) => i).filter((i) => i > 0 && rec.frames[i] >= t0 && rec.frames[i - 1] <= t1);
  const deltas = inside.map((i) => rec.frames[i] - rec.frames[i - 1]);
  // Frames that showed the asset somewhere new, and the intervals between them: what the user sees move.
  const shown = inside.filter((i) => rec.watchedPerFrame[i]).map((i) => rec.frames[i]);
  const updates = shown.slice(1).map((t, k) => t - shown[k]);
  const touched = inside.map((i) => rec.nodesPerFrame[i]).filter((n) => n > 0);
  const renders = rec.renders ? inside.map((i) => rec.renders[i]).filter((r) => r && r.commits > 0) : null;
  await settle(page, 500);
  return { deltas, updates, shownFrames: shown.length, touched, renders, domNodes: rec.domNodes, gestureMs: t1 - t0 };
}

/** Waits until the viewport transform has not changed for 450 ms; returns it. */
async function stillViewport(page) {
  let transform = '';
  for (let same = 0; same < 3; ) {
    await page.waitForTimeout(150);
    const now = await page.evaluate(() => document.querySelector('.react-flow__viewport')?.style.transform ?? '');
    same = now === transform ? same + 1 : 0;
    transform = now;
  }
  return transform;
}

function nextFrames(page, n) {
  return page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await new Promise((r) => requestAnimationFrame(() => r()));
  }, n);
}

/** Waits until the number of node elements has not changed for quietMs and the save indicator is not busy. */
async function settle(page, quietMs = 1000, maxMs = 30_000) {
  const start = Date.now();
  for (;;) {
    const { since, saving } = await page.evaluate(() => ({
      since: performance.now() - (window.__benchOpen.counts.at(-1)?.[0] ?? 0),
      saving: !!document.querySelector('.am-save-saving'),
    }));
    if ((since >= quietMs && !saving) || Date.now() - start > maxMs) return;
    await page.waitForTimeout(200);
  }
}
