/**
 * Code that runs inside the page (passed to Playwright's addInitScript / evaluate, so every function here must
 * be self-contained: it is sent as source text). Three instruments:
 *
 * - `watchOpen`: from the start of the document, the moments the first React Flow node reaches the DOM and a
 *   node first carries the `selected` class, and how the number of nodes in the DOM changes over time (with
 *   the viewport transform), all in performance.now() milliseconds, i.e. since navigation started. The two
 *   moments are also performance marks, which traces carry (bench-first-node, bench-selected).
 * - `frameRecorder`: requestAnimationFrame timestamps, and per frame the node wrappers whose DOM changed
 *   (a MutationObserver on .react-flow__nodes) — "does a drag touch every node?".
 * - `renderCounter`: per React commit, how many React Flow node and edge wrappers, mini-map nodes, and our node
 *   and edge components actually rendered (and the names of the other components that did). React's production build has no profiler, but it does report every commit
 *   to a DevTools hook if one exists before it loads; the counter is such a hook. A component rendered in a
 *   commit if it is new or React marked it as having performed work; subtrees React did not visit are skipped,
 *   as DevTools does (their child pointer is shared with the previous tree).
 */

/** Init script: records open milestones in window.__benchOpen. */
export function watchOpen() {
  const rec = { firstNodeAt: null, selectedAt: null, counts: [], longTasks: [] };
  window.__benchOpen = rec;
  let last = -1;
  const sample = () => {
    const nodes = document.getElementsByClassName('react-flow__node').length;
    if (nodes !== last) {
      last = nodes;
      const vp = document.querySelector('.react-flow__viewport');
      rec.counts.push([Math.round(performance.now()), nodes, vp ? vp.style.transform : '']);
      if (nodes > 0 && rec.firstNodeAt === null) rec.firstNodeAt = performance.mark('bench-first-node').startTime;
    }
  };
  new MutationObserver((records) => {
    sample();
    // A large map opens far out, painted on the map canvas (no node elements): it says what it painted.
    const paint = document.querySelector('.am-paint');
    if (rec.firstNodeAt === null && paint && Number(paint.dataset.nodes) > 0) rec.firstNodeAt = performance.mark('bench-first-node').startTime;
    if (rec.selectedAt !== null) return;
    for (const r of records) {
      const t = r.target;
      const selectedNode = t.classList && t.classList.contains('react-flow__node') && t.classList.contains('selected');
      const selectedPainted = t.classList && t.classList.contains('am-paint') && Number(t.dataset.selected) > 0;
      if (r.type === 'attributes' && (selectedNode || selectedPainted)) {
        rec.selectedAt = performance.mark('bench-selected').startTime;
        return;
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'data-nodes', 'data-selected'] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the trace says the same in profile runs.
  }
}

/**
 * Evaluate: a node to click — inside the canvas, away from its edges (controls, mini-map, legend) and really
 * on top at its centre. Returns { id, x, y } in page pixels, or null while there is none.
 */
export function pickNode(preferId) {
  const pane = document.querySelector('.react-flow');
  if (!pane) return null;
  const box = pane.getBoundingClientRect();
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  const inner = { left: box.left + 40, right: box.right - 240, top: box.top + 70, bottom: box.bottom - 170 };
  // The overview of a large map: nodes are painted, not elements. Take the asset nearest the centre from the
  // document and the view, where the pane (which takes the click) is on top.
  const paint = document.querySelector('.am-paint');
  if (!preferId && !document.querySelector('.react-flow__node') && paint && Number(paint.dataset.nodes) > 0) {
    const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(document.querySelector('.react-flow__viewport')?.style.transform ?? '');
    if (!m) return null;
    const [tx, ty, k] = m.slice(1).map(Number);
    const doc = window.assetMap.workspace.store.getDoc();
    let best = null;
    for (const n of Object.values(doc.nodes)) {
      if (n.attachedTo) continue;
      const x = box.left + tx + (n.x + 110) * k;
      const y = box.top + ty + (n.y + 20) * k;
      if (x < inner.left || x > inner.right || y < inner.top || y > inner.bottom) continue;
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (!best || d < best.d) best = { id: n.id, x, y, d };
    }
    if (best && document.elementFromPoint(best.x, best.y)?.classList.contains('react-flow__pane')) return { id: best.id, x: best.x, y: best.y };
    return null;
  }
  const candidates = preferId
    ? [document.querySelector(`.react-flow__node[data-id="${CSS.escape(preferId)}"]`)].filter(Boolean)
    : [...document.querySelectorAll('.react-flow__node')];
  const inView = [];
  for (const el of candidates) {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (r.width < 2 || r.height < 2 || x < inner.left || x > inner.right || y < inner.top || y > inner.bottom) continue;
    inView.push({ el, r, d: (x - cx) ** 2 + (y - cy) ** 2 });
  }
  // Nearest the centre first; hit-testing is costly on a big drawing, so test only until one is on top, at its
  // centre or, when another node overlaps that, at another point of it.
  inView.sort((a, b) => a.d - b.d);
  for (const { el, r } of inView.slice(0, 20)) {
    for (const [fx, fy] of [[0.5, 0.5], [0.5, 0.2], [0.2, 0.5], [0.8, 0.5], [0.5, 0.8], [0.15, 0.15], [0.85, 0.85]]) {
      const x = r.left + fx * r.width;
      const y = r.top + fy * r.height;
      if (document.elementFromPoint(x, y)?.closest('.react-flow__node') === el) return { id: el.getAttribute('data-id'), x, y };
    }
  }
  return null;
}

/**
 * Evaluate: starts recording frames and node mutations in window.__benchFrames; `watchId` is a node whose
 * DOM changes are marked per frame (the dragged one: a frame where it changed is a frame that showed a move).
 */
export function startFrames(watchId) {
  const rec = { frames: [], nodesPerFrame: [], recordsPerFrame: [], watchedPerFrame: [], running: true, touched: new Set(), records: 0 };
  window.__benchFrames = rec;
  const root = document.querySelector('.react-flow__nodes');
  rec.observer = new MutationObserver((records) => {
    rec.records += records.length;
    for (const r of records) {
      const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const el = t && t.closest('.react-flow__node');
      if (el) rec.touched.add(el);
      // A wrapper added or removed counts as touched too (nodes entering or leaving the rendered set).
      for (const n of [...r.addedNodes, ...r.removedNodes]) if (n.nodeType === 1 && n.classList.contains('react-flow__node')) rec.touched.add(n);
    }
  });
  if (root) rec.observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  const tick = (t) => {
    if (!rec.running) return;
    rec.frames.push(t);
    rec.nodesPerFrame.push(rec.touched.size);
    rec.watchedPerFrame.push([...rec.touched].some((el) => el.getAttribute('data-id') === watchId));
    rec.recordsPerFrame.push(rec.records);
    rec.touched = new Set();
    rec.records = 0;
    const counter = window.__benchRenders;
    if (counter) counter.closeFrame();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Evaluate: stops the recorder; returns its frames and per-frame counts (the first entry of each is the frame
 * before the gesture and is dropped by the caller). */
export function stopFrames() {
  const rec = window.__benchFrames;
  rec.running = false;
  rec.observer.disconnect();
  const counter = window.__benchRenders;
  return {
    frames: rec.frames,
    nodesPerFrame: rec.nodesPerFrame,
    watchedPerFrame: rec.watchedPerFrame,
    recordsPerFrame: rec.recordsPerFrame,
    renders: counter ? counter.takeFrames() : null,
    domNodes: document.getElementsByClassName('react-flow__node').length,
  };
}

/** Init script: a DevTools-style hook that counts what renders per commit, bucketed by frame (see the header). */
export function renderCounter() {
  const empty = () => ({ commits: 0, nodeWrappers: 0, nodeViews: 0, minimapNodes: 0, edgeWrappers: 0, edgeViews: 0, other: 0, mounted: 0, names: {} });
  // Component names of the "other" renders (source names in a build without minification).
  const nameOf = (fiber) => {
    const t = fiber.type;
    if (!t) return '?';
    return t.displayName || t.name || (t.type && (t.type.displayName || t.type.name)) || (t.render && (t.render.displayName || t.render.name)) || '?';
  };
  let frame = empty();
  let frames = [];
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const classify = (fiber) => {
    const p = fiber.memoizedProps;
    if (!p || typeof p !== 'object') return 'other';
    if ('nodeTypes' in p && 'id' in p) return 'nodeWrappers';
    if ('nodeColorFunc' in p && 'id' in p) return 'minimapNodes';
    if ('edgeTypes' in p && 'id' in p) return 'edgeWrappers';
    if (p.data && p.data.node && 'positionAbsoluteX' in p) return 'nodeViews';
    if (p.data && 'kind' in p.data && 'sourceX' in p) return 'edgeViews';
    return 'other';
  };
  const walk = (fiber, counts) => {
    // Iterative over children to keep the stack shallow for long sibling lists.
    let child = fiber.child;
    if (fiber.alternate && child === fiber.alternate.child) return;
    while (child) {
      const isNew = !child.alternate;
      if (COMPONENT_TAGS.has(child.tag) && (isNew || (child.flags & 1) === 1)) {
        const kind = classify(child);
        counts[kind]++;
        if (kind === 'other') {
          const name = nameOf(child);
          counts.names[name] = (counts.names[name] ?? 0) + 1;
        }
        if (isNew) counts.mounted++;
      }
      walk(child, counts);
      child = child.sibling;
    }
  };
  let nextId = 1;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) {
      const id = nextId++;
      this.renderers.set(id, renderer);
      return id;
    },
    onCommitFiberRoot(_id, root) {
      frame.commits++;
      walk(root.current, frame);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
  window.__benchRenders = {
    closeFrame() {
      frames.push(frame);
      frame = empty();
    },
    takeFrames() {
      const out = frames;
      frames = [];
      frame = empty();
      return out;
    },
  };
}
