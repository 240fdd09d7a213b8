/**
 * Target 4, dragging: frame times while one asset is dragged on an open map. The app centres the view on the
 * asset (session.centre, the same call search uses: zoom at least 0.9), then the mouse presses on it and makes
 * 60 moves round a 240 × 80 px ellipse back to the start (about 12 px apart, one every 16.7 ms as a 60 Hz mouse
 * sends them, not waiting for the page), and releases. During the gesture the page records requestAnimationFrame timestamps
 * (the frame's start) and, per frame, which node wrappers' DOM changed.
 *
 * The frame time reported is the interval between frames that showed the asset in a new place. Plain
 * requestAnimationFrame intervals are kept too, but they understate a slow drag: a page busy with one move
 * gets the next only when it is done, and meanwhile runs idle 16.7 ms frames with nothing to show. The time
 * per move (gesture length / moves) is the pace the moves went out at, longer when the page held them back.
 *
 * With `countRenders`, a DevTools hook (probes.mjs renderCounter) also counts per frame how many React Flow
 * node wrappers and our node components rendered: DOM mutations only show what changed on screen, renders
 * show the work React did to find out. The hook costs time itself, so those runs are kept apart from the
 * timed ones.
 */
import { pickNode, renderCounter, startFrames, stopFrames, watchOpen } from './probes.mjs';

export const MOVES = 60;
/** Milliseconds between mouse moves: a 60 Hz mouse. */
export const PACE_MS = 1000 / 60;
const RADIUS_X = 120;
const RADIUS_Y = 40;

/** Opens the map in a new tab of `context`, centres an asset; returns the page, the asset id and the zoom. */
export async function openForDrag(context, url, { countRenders = false } = {}) {
  const page = await context.newPage();
  await page.addInitScript(watchOpen);
  if (countRenders) await page.addInitScript(renderCounter);
  await page.goto(url);
  // Drawn: node elements, or, for a large map opening far out, the map canvas's overview.
  await page.waitForFunction(
    () => document.querySelector('.react-flow__node') || Number(document.querySelector('.am-paint')?.dataset.nodes) > 0,
    undefined,
    { timeout: 120_000 },
  );
  await settle(page);
  // The asset to drag: the first staff member in the document with attachments, the commonest kind of asset.
  const id = await page.evaluate(() => {
    const doc = window.assetMap.workspace.store.getDoc();
    const owners = new Set(Object.values(doc.nodes).map((n) => n.attachedTo).filter(Boolean));
    return Object.values(doc.nodes).find((n) => n.kind === 'staff' && owners.has(n.id))?.id;
  });
  // The app fits a map to the view once it is measured; centring before that would be undone. So: wait for a
  // still viewport, centre (the app animates the move, which slow frames stretch), wait until the viewport is
  // at the zoom the app centres at and still again, and check that the asset can be grabbed.
  let transform = await stillViewport(page);
  let zoom = zoomOf(transform);
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.evaluate((assetId) => window.assetMap.session.centre([assetId]), id);
    transform = await stillViewport(page, (t) => zoomOf(t) >= 0.85);
    zoom = zoomOf(transform);
    await settle(page);
    if (zoom >= 0.85 && (await page.evaluate(pickNode, id))) break;
  }
  if (!(zoom >= 0.5)) throw new Error(`could not zoom in on asset ${id} (zoom ${zoom})`);
  return { page, id, zoom };
}

/**
 * One drag of `id`: `moves` moves (MOVES unless told) once round an ellipse (RADIUS_X × RADIUS_Y px, clockwise for direction 1,
 * anticlockwise for -1) back to where it started, so that every run drags the same way over the same map.
 */
export async function dragOnce(page, id, direction = 1, moves = MOVES) {
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
  // The moves go out at a mouse's pace, one every PACE_MS, each without waiting for the page to have dealt with
  // the one before (the browser merges moves that queue up, as it does a real mouse's). Waiting for each would
  // put a round trip between moves and cap the drag at one move every other frame however fast the page is.
  const cdp = await page.context().newCDPSession(page);
  const sent = [];
  const start = Date.now();
  for (let i = 1; i <= moves; i++) {
    const a = (2 * Math.PI * i) / moves;
    const x = at.x + RADIUS_X * (1 - Math.cos(a));
    const y = at.y + direction * RADIUS_Y * Math.sin(a);
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y, button: 'left', buttons: 1 }));
    const wait = start + i * PACE_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await Promise.all(sent);
  await cdp.detach();
  await page.mouse.up();
  const t1 = await page.evaluate(() => performance.mark('bench-drag-end').startTime);
  await nextFrames(page, 3);
  const rec = await page.evaluate(stopFrames);
  // Frames whose start lies in the gesture; each frame's counts are what changed since the frame before.
  const inside = rec.frames.map((_, i) => i).filter((i) => i > 0 && rec.frames[i] >= t0 && rec.frames[i - 1] <= t1);
  const deltas = inside.map((i) => rec.frames[i] - rec.frames[i - 1]);
  // Frames that showed the asset somewhere new, and the intervals between them: what the user sees move.
  const shown = inside.filter((i) => rec.watchedPerFrame[i]).map((i) => rec.frames[i]);
  const updates = shown.slice(1).map((t, k) => t - shown[k]);
  const touched = inside.map((i) => rec.nodesPerFrame[i]).filter((n) => n > 0);
  const renders = rec.renders ? inside.map((i) => rec.renders[i]).filter((r) => r && r.commits > 0) : null;
  await settle(page, 500);
  return { deltas, updates, shownFrames: shown.length, touched, renders, domNodes: rec.domNodes, gestureMs: t1 - t0, moves };
}

const zoomOf = (transform) => Number(/scale\(([\d.e-]+)\)/.exec(transform)?.[1] ?? NaN);

/** Waits until the viewport transform is `wanted` and has not changed for 450 ms (at most maxMs); returns it. */
async function stillViewport(page, wanted = () => true, maxMs = 60_000) {
  const start = Date.now();
  let transform = '';
  for (let same = 0; same < 3 && Date.now() - start < maxMs; ) {
    await page.waitForTimeout(150);
    const now = await page.evaluate(() => document.querySelector('.react-flow__viewport')?.style.transform ?? '');
    same = now === transform && wanted(now) ? same + 1 : 0;
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
