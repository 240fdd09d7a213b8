/**
 * The map's paint layer: one <canvas> under React Flow's nodes that paints every edge, and, far out on a large
 * map (the overview), every node as well.
 *
 * Why a canvas: a map links colleagues and partners across the whole drawing, and a browser paints each SVG
 * path in full for every tile it touches, again for every frame in which anything near it changes. On a
 * 1,000-asset map that was seconds per frame during a drag (BENCHMARKS.md). A canvas strokes each visible
 * path once per frame, and frames are drawn only when the view, the document or a drag changes.
 *
 * React Flow still renders its SVG edges (for the pointer, the keyboard and screen readers); styles.css keeps
 * their paths unpainted unless the edge is selected or focused. Geometry comes from the same functions as the
 * SVG edges and the exported images (`currentRoute`, `routePath`), styles from the shared theme.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useFramePainter } from './useFramePainter';
import { useStoreApi } from '@xyflow/react';
import { type Box, EDGE_STYLES, KIND_STYLES, TIE_WIDTHS, boxAt, clipPolyline, currentRoute, dashInk, dashOnScreen, flattenCubic, pointsBounds, routePath } from '../../look';
import type { NodeKind, Point, TieStrength } from '../../model';
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

type Layer = 'still' | 'moving';

type NodeBox = Box & { node: FlowNode };

interface EdgePaint {
  from: FlowNode;
  to: FlowNode;
  /** The line as drawn (a suggestion's curve flattened), for clipping. */
  points: Point[];
  curve: boolean;
  path: Path2D;
  bounds: { x0: number; y0: number; x1: number; y1: number };
  end: { x: number; y: number; angle: number };
}

const SELECTED = '#2563eb';

const boxes = new WeakMap<FlowNode, NodeBox>();
/** A flow node's box as it stands now (a dragged node stands where the drag put it). */
export function boxOf(n: FlowNode): NodeBox {
  let b = boxes.get(n);
  if (!b) boxes.set(n, (b = { x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0, node: n }));
  return b;
}

function styleOf(e: FlowEdge) {
  const d = e.data!;
  const base = d.suggestion ? EDGE_STYLES.suggestion : EDGE_STYLES[d.kind];
  const width = d.kind === 'relationship' && !d.suggestion ? TIE_WIDTHS[(d.tie as TieStrength) ?? 'regular'] : base.width;
  const dash = d.kind === 'relationship' && d.tie === 'weak' && !d.suggestion ? '3 3' : base.dash;
  const alpha = (d.dimmed ? 0.22 : 1) * (d.suggestion ? 0.5 : 1);
  return { stroke: base.stroke, width: e.selected ? width + 1.5 : width, dash, alpha, arrow: d.kind === 'supports' && !d.suggestion };
}

export const MapCanvas = memo(function MapCanvas({ nodes, edges, kindHidden, overview, moving }: Props) {
  // Two layers: during a drag, frames repaint only what moves, over the rest painted once.
  const canvas = useRef<HTMLCanvasElement>(null);
  const movingCanvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi<FlowNode, FlowEdge>();
  const paintCache = useRef(new WeakMap<FlowEdge, EdgePaint>());
  const boxes = useMemo(() => {
    const byId = new Map<string, NodeBox>();
    const list: NodeBox[] = [];
    for (const n of nodes) {
      const b = boxOf(n);
      byId.set(n.id, b);
      if (!kindHidden.has(n.id)) list.push(b);
    }
    return { byId, list };
  }, [nodes, kindHidden]);
  const latest = useRef({ boxes, edges, kindHidden, overview, moving });
  latest.current = { boxes, edges, kindHidden, overview, moving };
  const stillStale = useRef(true);
  // The view the still layer was painted for: when it moves, that layer is painted again too.
  const stillView = useRef<unknown[]>([]);
  const [hover, setHover] = useState<{ label: string; x: number; y: number } | null>(null);

  const request = useFramePainter(() => {
    const { transform, width, height } = store.getState();
    const view = [...transform, width, height];
    if (view.some((v, i) => v !== stillView.current[i])) stillStale.current = true;
    if (stillStale.current && canvas.current) paint(canvas.current, 'still', latest.current, paintCache.current, transform, width, height);
    if (movingCanvas.current) paint(movingCanvas.current, 'moving', latest.current, paintCache.current, transform, width, height);
    stillStale.current = false;
    stillView.current = view;
  });
  const paintSoon = (still = true) => {
    if (still) stillStale.current = true;
    request();
  };

  // A drag changes only the moving nodes: the still layer stays as it is.
  useEffect(() => paintSoon(latest.current.moving.size === 0), [boxes]);
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

function paint(
  el: HTMLCanvasElement,
  layer: Layer,
  {
    boxes,
    edges,
    kindHidden,
    overview,
    moving,
  }: { boxes: { byId: Map<string, NodeBox>; list: NodeBox[] }; edges: FlowEdge[]; kindHidden: ReadonlySet<string>; overview: boolean; moving: ReadonlySet<string> },
  cache: WeakMap<FlowEdge, EdgePaint>,
  [tx, ty, k]: [number, number, number],
  width: number,
  height: number,
) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (el.width !== w || el.height !== h) {
    el.width = w;
    el.height = h;
  }
  const ctx = el.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  if (layer === 'moving' && moving.size === 0) return;
  // Whether a node or an edge belongs on this layer.
  const mine = (id: string) => moving.has(id) === (layer === 'moving');
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * tx, dpr * ty);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'butt';
  // The view in flow coordinates, with room for stroke widths and arrowheads.
  const pad = 20 / k;
  const view = { x0: -tx / k - pad, y0: -ty / k - pad, x1: (width - tx) / k + pad, y1: (height - ty) / k + pad };
  // Far out, lines thinner than a pixel would vanish: keep them at least about a pixel wide.
  const minWidth = 0.8 / k;

  // Edges, grouped by look so that each group is one stroke.
  const groups = new Map<string, { style: ReturnType<typeof styleOf>; path: Path2D; ends: EdgePaint['end'][]; runs: { path: Path2D; start: number }[] }>();
  let drawnEdges = 0;
  const byKind: Record<string, number> = {};
  for (const e of edges) {
    if (!e.data || kindHidden.has(e.source) || kindHidden.has(e.target)) continue;
    if (e.hidden && !overview) continue;
    if (!mine(e.source) && !mine(e.target)) continue;
    if (layer === 'still' && (moving.has(e.source) || moving.has(e.target))) continue;
    const from = boxes.byId.get(e.source);
    const to = boxes.byId.get(e.target);
    if (!from || !to) continue;
    let p = cache.get(e);
    if (!p || p.from !== from.node || p.to !== to.node) {
      p = edgePaint(e, from, to);
      cache.set(e, p);
    }
    const b = p.bounds;
    if (b.x1 < view.x0 || b.x0 > view.x1 || b.y1 < view.y0 || b.y0 > view.y1) continue;
    const style = styleOf(e);
    const key = `${style.stroke}|${style.width}|${style.dash ?? ''}|${style.alpha}|${style.arrow}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { style, path: new Path2D(), ends: [], runs: [] }));
    if (dashOnScreen(style.dash, k) && (b.x0 < view.x0 || b.x1 > view.x1 || b.y0 < view.y0 || b.y1 > view.y1)) {
      // Dashes cost by the length dashed: a long dashed line is cut to the view first, each piece dashed from
      // where it starts along the line so that the dashes stay put as the view moves.
      for (const run of clipPolyline(p.points, view)) {
        g.runs.push({ path: new Path2D(p.curve ? polylinePath(run.points) : routePath(run.points)), start: run.start });
      }
    } else {
      g.path.addPath(p.path);
    }
    if (style.arrow) g.ends.push(p.end);
    drawnEdges++;
    const kind = e.data.suggestion ? 'suggestion' : e.data.kind;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  for (const { style, path, ends, runs } of groups.values()) {
    const lw = Math.max(style.width, minWidth);
    const dash = dashOnScreen(style.dash, k);
    // Dashes too fine to see are drawn solid, as light as they would look: stroking sub-pixel dashes along
    // every line of a whole large map took the raster most of a second.
    ctx.globalAlpha = style.alpha * (style.dash && !dash ? dashInk(style.dash) : 1);
    ctx.strokeStyle = style.stroke;
    ctx.lineWidth = lw;
    ctx.setLineDash(dash ?? []);
    ctx.lineDashOffset = 0;
    ctx.stroke(path);
    for (const run of runs) {
      ctx.lineDashOffset = run.start;
      ctx.stroke(run.path);
    }
    ctx.lineDashOffset = 0;
    if (ends.length) {
      // The arrowhead of "supports", as the SVG marker draws it: 3.5 stroke widths long.
      ctx.fillStyle = style.stroke;
      const len = 3.5 * lw;
      const arrows = new Path2D();
      for (const { x, y, angle } of ends) {
        const c = Math.cos(angle);
        const s = Math.sin(angle);
        arrows.moveTo(x, y);
        arrows.lineTo(x - len * c + (len / 2) * s, y - len * s - (len / 2) * c);
        arrows.lineTo(x - len * c - (len / 2) * s, y - len * s + (len / 2) * c);
        arrows.closePath();
      }
      ctx.fill(arrows);
    }
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;

  let drawnNodes = 0;
  let drawnSelected = 0;
  if (overview) {
    ctx.lineWidth = Math.max(2, minWidth);
    // One path per kind and shade, filled and stroked once: thousands of rectangles drawn one by one cost the
    // raster several times as much.
    const shapes = new Map<string, { kind: NodeKind; dimmed: boolean; path: Path2D }>();
    for (const b of boxes.list) {
      if (!mine(b.node.id)) continue;
      if (b.x + b.width < view.x0 || b.x > view.x1 || b.y + b.height < view.y0 || b.y > view.y1) continue;
      const { kind } = b.node.data.node;
      const dimmed = !!b.node.data.dimmed;
      const key = `${kind}${dimmed ? ' dimmed' : ''}`;
      let shape = shapes.get(key);
      if (!shape) shapes.set(key, (shape = { kind, dimmed, path: new Path2D() }));
      shape.path.rect(b.x, b.y, b.width, b.height);
      drawnNodes++;
    }
    for (const { kind, dimmed, path } of shapes.values()) {
      const style = KIND_STYLES[kind];
      ctx.globalAlpha = dimmed ? 0.22 : 1;
      ctx.fillStyle = style.fill;
      ctx.fill(path);
      ctx.strokeStyle = style.accent;
      ctx.stroke(path);
    }
    ctx.globalAlpha = 1;
    // Selected nodes last, ringed, so that they show above their neighbours.
    ctx.strokeStyle = SELECTED;
    ctx.lineWidth = Math.max(3, 2.5 / k);
    for (const b of boxes.list) {
      if (!b.node.selected || !mine(b.node.id)) continue;
      const m = ctx.lineWidth;
      ctx.strokeRect(b.x - m, b.y - m, b.width + 2 * m, b.height + 2 * m);
      drawnSelected++;
    }
  }
  // What was painted, for tests and benchmarks to wait on.
  if (layer === 'moving') return;
  el.dataset.edges = String(drawnEdges);
  el.dataset.kinds = Object.entries(byKind)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  el.dataset.nodes = String(drawnNodes);
  el.dataset.selected = String(drawnSelected);
}

function polylinePath(points: Point[]): string {
  return points.map((q, i) => `${i ? 'L' : 'M'}${q.x},${q.y}`).join(' ');
}

function edgePaint(e: FlowEdge, from: NodeBox, to: NodeBox): EdgePaint {
  const d = e.data!;
  const points = currentRoute(d.kind, d.points, d.at, from, to);
  const path =
    d.suggestion && points.length === 4
      ? `M${points[0]!.x},${points[0]!.y} C${points[1]!.x},${points[1]!.y} ${points[2]!.x},${points[2]!.y} ${points[3]!.x},${points[3]!.y}`
      : routePath(points);
  const last = points[points.length - 1]!;
  const before = points[points.length - 2] ?? points[0]!;
  return {
    from: from.node,
    to: to.node,
    points: d.suggestion && points.length === 4 ? flattenCubic(points[0]!, points[1]!, points[2]!, points[3]!) : points,
    curve: !!d.suggestion && points.length === 4,
    path: new Path2D(path),
    bounds: pointsBounds(points),
    end: { x: last.x, y: last.y, angle: Math.atan2(last.y - before.y, last.x - before.x) },
  };
}
