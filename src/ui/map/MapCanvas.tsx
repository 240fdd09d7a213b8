/**
 * The map's paint layer: one <canvas> under React Flow's nodes that paints every edge, and, far out on a large
 * map (the overview), every node as well. This component only wires it: it sizes the canvases, asks for a frame
 * when the view, the document or a drag changes, and names what is under the pointer in the overview. What is
 * painted is decided by mapPainter.ts.
 *
 * Why a canvas: a map links colleagues and partners across the whole drawing, and a browser paints each SVG
 * path in full for every tile it touches, again for every frame in which anything near it changes. On a
 * 1,000-asset map that was seconds per frame during a drag (BENCHMARKS.md). A canvas strokes each visible
 * path once per frame, and frames are drawn only when the view, the document or a drag changes.
 *
 * React Flow still renders its SVG edges (for the pointer, the keyboard and screen readers); styles.css keeps
 * their paths unpainted unless the edge is selected or focused.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useFramePainter } from './useFramePainter';
import { useStoreApi } from '@xyflow/react';
import { boxAt } from '../../look';
import { type Layer, type PaintCache, type PaintInput, type WholeGroups, joinWhole, nodeBoxes, paintLayer, prepareEdges, wholeFor } from './mapPainter';
import type { FlowEdge, FlowNode } from './toFlow';

interface Props {
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Ids hidden by the kind filter: painted neither as nodes nor at the ends of edges. */
  kindHidden: ReadonlySet<string>;
  /** Paint the nodes too (React Flow renders none). */
  overview: boolean;
  /** Nodes being dragged (the same set for the whole gesture): they and their edges go on a layer of their own. */
  moving: ReadonlySet<string>;
}

export const MapCanvas = memo(function MapCanvas({ nodes, edges, kindHidden, overview, moving }: Props) {
  // Two layers: during a drag, frames repaint only what moves, over the rest painted once.
  const canvas = useRef<HTMLCanvasElement>(null);
  const movingCanvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi<FlowNode, FlowEdge>();
  const paintCache = useRef<PaintCache>(new WeakMap());
  const boxes = useMemo(() => nodeBoxes(nodes, kindHidden), [nodes, kindHidden]);
  const latest = useRef<PaintInput>({ boxes, edges, kindHidden, overview, moving });
  latest.current = { boxes, edges, kindHidden, overview, moving };
  const stillStale = useRef(true);
  // The view the still layer was painted for: when it moves, that layer is painted again too.
  const stillView = useRef<unknown[]>([]);
  const [hover, setHover] = useState<{ label: string; x: number; y: number } | null>(null);

  // The overview's edges grouped whole, made between frames (mapPainter.ts, `WholeGroups`).
  const whole = useRef<WholeGroups | undefined>(undefined);
  const request = useFramePainter(() => {
    const { transform, width, height } = store.getState();
    const view = [...transform, width, height];
    if (view.some((v, i) => v !== stillView.current[i])) stillStale.current = true;
    let pending = 0;
    if (stillStale.current && canvas.current) pending = paint(canvas.current, 'still', latest.current, paintCache.current, transform, width, height, whole.current);
    if (movingCanvas.current) paint(movingCanvas.current, 'moving', latest.current, paintCache.current, transform, width, height);
    stillStale.current = false;
    stillView.current = view;
    // Lines not worked out within this frame's budget are made ready in short tasks, then painted in one frame.
    if (pending > 0) prepareRest();
    // The overview's edges joined whole for the next frames, when what is kept is not for these.
    else if (latest.current.overview && !wholeFor(whole.current, latest.current)) prepareWhole(false);
  });
  const preparing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const prepareRest = () => {
    if (preparing.current !== undefined) return;
    const step = () => {
      const left = prepareEdges(latest.current, paintCache.current, { until: performance.now() + EDGE_BUDGET_MS, now: () => performance.now() });
      if (left > 0) {
        preparing.current = setTimeout(step, 0);
        return;
      }
      preparing.current = undefined;
      // In the overview, the lines are joined into their groups in a task of their own too, before the frame
      // that paints them all.
      if (latest.current.overview) prepareWhole(true);
      else paintSoon();
    };
    preparing.current = setTimeout(step, 0);
  };
  const joining = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const joiningFor = useRef<PaintInput | undefined>(undefined);
  const prepareWhole = (thenPaint: boolean) => {
    const input = latest.current;
    // Already being made for these edges: a frame that asks again waits for it.
    if (!thenPaint && joining.current !== undefined && wholeFor(joiningFor.current, input)) return;
    clearTimeout(joining.current);
    joiningFor.current = input;
    const job = joinWhole(input, paintCache.current);
    if (!job) {
      if (thenPaint) paintSoon();
      return;
    }
    const step = () => {
      // Given up for newer input (or no longer far out): the frame that paints it asks again.
      if (!wholeFor(input, latest.current)) {
        joining.current = undefined;
        if (thenPaint) paintSoon();
        return;
      }
      const done = job.step({ until: performance.now() + EDGE_BUDGET_MS, now: () => performance.now() });
      if (!done) {
        joining.current = setTimeout(step, 0);
        return;
      }
      joining.current = undefined;
      whole.current = done;
      if (thenPaint) paintSoon();
    };
    joining.current = setTimeout(step, 0);
  };
  useEffect(
    () => () => {
      clearTimeout(preparing.current);
      clearTimeout(joining.current);
    },
    [],
  );
  const paintSoon = (still = true) => {
    if (still) stillStale.current = true;
    request();
  };

  // A drag changes only the moving nodes: the still layer stays as it is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: paints from `latest`; the list says when to paint
  useEffect(() => paintSoon(latest.current.moving.size === 0), [boxes]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: paints from `latest`; the list says when to paint
  useEffect(() => paintSoon(), [edges, overview, kindHidden, moving]);

  // In the overview, say what is under the pointer (nodes there have no element to hover).
  useEffect(() => {
    const pane = canvas.current?.parentElement?.querySelector<HTMLElement>('.react-flow__pane');
    if (!overview || !pane) {
      setHover(null);
      return;
    }
    const onMove = (e: PointerEvent) => {
      const { transform, domNode } = store.getState();
      const rect = domNode?.getBoundingClientRect();
      if (!rect) return;
      const sx = e.clientX - rect.left;
      const sy = e.clientY - rect.top;
      const hit = boxAt(latest.current.boxes.list, { x: (sx - transform[0]) / transform[2], y: (sy - transform[1]) / transform[2] });
      pane.style.cursor = hit ? 'pointer' : '';
      setHover(hit ? { label: hit.node.ariaLabel ?? hit.node.id, x: sx, y: sy } : null);
    };
    const onLeave = () => setHover(null);
    pane.addEventListener('pointermove', onMove);
    pane.addEventListener('pointerleave', onLeave);
    return () => {
      pane.removeEventListener('pointermove', onMove);
      pane.removeEventListener('pointerleave', onLeave);
      pane.style.cursor = '';
    };
  }, [overview, store]);

  return (
    <>
      <canvas ref={canvas} className="am-paint" aria-hidden="true" />
      <canvas ref={movingCanvas} className="am-paint am-paint-moving" aria-hidden="true" />
      {hover && (
        <div className="am-hover-label" role="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
          {hover.label}
        </div>
      )}
    </>
  );
});

/** Time a frame may spend working out the still layer's edge lines (mapPainter.ts, `EdgeBudget`). */
const EDGE_BUDGET_MS = 10;

/**
 * Sizes the canvas to the pane at the screen's pixel density, paints the layer, and notes what it painted.
 * Returns how many edges were left for the next frame (the moving layer, small, is always painted whole).
 */
function paint(el: HTMLCanvasElement, layer: Layer, input: PaintInput, cache: PaintCache, [tx, ty, k]: [number, number, number], width: number, height: number, whole?: WholeGroups): number {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (el.width !== w || el.height !== h) {
    el.width = w;
    el.height = h;
  }
  const ctx = el.getContext('2d');
  if (!ctx) return 0;
  const budget = layer === 'still' ? { until: performance.now() + EDGE_BUDGET_MS, now: () => performance.now() } : undefined;
  const report = paintLayer(ctx, layer, input, cache, { tx, ty, k, width, height, dpr }, budget, whole);
  // What was painted, for tests and benchmarks to wait on (`pending`: edges still to come in the next frames).
  if (layer === 'moving') return 0;
  if (report.pending) el.dataset.pending = String(report.pending);
  else delete el.dataset.pending;
  el.dataset.edges = String(report.edges);
  el.dataset.kinds = report.kinds;
  el.dataset.nodes = String(report.nodes);
  el.dataset.selected = String(report.selected);
  return report.pending;
}
