/**
 * The map canvas's painter, free of React: given the flow nodes and edges, the view and a 2D context, it paints
 * one layer (the still one, or the one of what is being dragged). MapCanvas only sizes the canvases, asks for
 * frames and wires the pointer; everything drawn is decided here, and tested without a browser.
 *
 * Edges are grouped by look (`edgeStroke`: the same object is the same look) so that each group is one stroke;
 * far out, nodes of a kind are one path. Geometry comes from the same functions as the SVG edges and the
 * exported images (`currentRoute`, `routePath`, `arrowTriangle`), looks from src/look.
 */
import type { NodeKind, Point } from '../../model';
import {
  type Box,
  type EdgeStroke,
  type RouteEnd,
  arrowLength,
  arrowTriangle,
  clipPolyline,
  currentRoute,
  dashInk,
  dashOnScreen,
  edgeStroke,
  flattenCubic,
  nodeLook,
  pointsBounds,
  routeEnd,
  routePath,
} from '../../look';
import type { FlowEdge, FlowNode, MapEdgeData } from './toFlow';

export type Layer = 'still' | 'moving';

export type NodeBox = Box & { node: FlowNode };

/** The boxes of the nodes to paint: all of them by id (edge ends), and those the kind filter shows, in order. */
export interface NodeBoxes {
  byId: ReadonlyMap<string, NodeBox>;
  list: readonly NodeBox[];
}

export interface PaintInput {
  boxes: NodeBoxes;
  edges: readonly FlowEdge[];
  /** Ids hidden by the kind filter: painted neither as nodes nor at the ends of edges. */
  kindHidden: ReadonlySet<string>;
  /** Paint the nodes too (React Flow renders none). */
  overview: boolean;
  /** Nodes being dragged: they and their edges go on the moving layer, the rest on the still one. */
  moving: ReadonlySet<string>;
}

/** React Flow's transform (tx, ty, zoom k), the pane's size in CSS px, and device pixels per CSS px. */
export interface Viewport {
  tx: number;
  ty: number;
  k: number;
  width: number;
  height: number;
  dpr: number;
}

/** What a layer painted, for tests and benchmarks to wait on. */
export interface PaintReport {
  edges: number;
  /** Edges left for a later frame: their lines were not worked out within the frame's budget (`EdgeBudget`). */
  pending: number;
  /** Edges by kind ("strength 12, suggestion 3"). */
  kinds: string;
  nodes: number;
  selected: number;
}

/** The part of a 2D context the painter uses: a browser's, or a recording stand-in in tests. */
export type PaintContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'stroke'
  | 'fill'
  | 'strokeRect'
  | 'setLineDash'
  | 'lineJoin'
  | 'lineCap'
  | 'lineWidth'
  | 'strokeStyle'
  | 'fillStyle'
  | 'globalAlpha'
  | 'lineDashOffset'
>;

/** An edge's line as painted, kept while its ends stay the same flow nodes. */
export interface EdgePaint {
  from: FlowNode;
  to: FlowNode;
  /** The line as drawn (a suggestion's curve flattened), for clipping. */
  points: Point[];
  curve: boolean;
  path: Path2D;
  bounds: { x0: number; y0: number; x1: number; y1: number };
  end: RouteEnd | undefined;
}

export type PaintCache = WeakMap<FlowEdge, EdgePaint>;

const SELECTED = '#2563eb';

const boxes = new WeakMap<FlowNode, NodeBox>();
/** A flow node's box as it stands now (a dragged node stands where the drag put it). */
export function boxOf(n: FlowNode): NodeBox {
  let b = boxes.get(n);
  if (!b) boxes.set(n, (b = { x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0, node: n }));
  return b;
}

/** The boxes of the given nodes; those hidden by the kind filter are left out of the list. */
export function nodeBoxes(nodes: readonly FlowNode[], kindHidden: ReadonlySet<string>): NodeBoxes {
  const byId = new Map<string, NodeBox>();
  const list: NodeBox[] = [];
  for (const n of nodes) {
    const b = boxOf(n);
    byId.set(n.id, b);
    if (!kindHidden.has(n.id)) list.push(b);
  }
  return { byId, list };
}

const unselectedStrokes = new WeakMap<MapEdgeData, EdgeStroke>();

/**
 * The stroke of a flow edge, as every painter of the map asks for it. An edge's data is a new object whenever
 * its look may change (toFlow.ts), so the look of an unselected edge is kept with it: far out, every frame asks
 * for the look of thousands of edges.
 */
export function flowEdgeStroke(d: MapEdgeData, selected = false): EdgeStroke {
  if (selected) return edgeStroke({ kind: d.kind, tie: d.tie, suggestion: !!d.suggestion, selected, dimmed: d.dimmed });
  let stroke = unselectedStrokes.get(d);
  if (!stroke) unselectedStrokes.set(d, (stroke = edgeStroke({ kind: d.kind, tie: d.tie, suggestion: !!d.suggestion, dimmed: d.dimmed })));
  return stroke;
}

/** A suggestion is not on the map yet: a light curve through its four points, not a route. */
export function flowEdgePath(d: MapEdgeData, points: readonly Point[]): string {
  if (d.suggestion && points.length === 4) {
    const [a, b, c, d] = points as [Point, Point, Point, Point];
    return `M${a.x},${a.y} C${b.x},${b.y} ${c.x},${c.y} ${d.x},${d.y}`;
  }
  return routePath(points as Point[]);
}

/**
 * How long a frame may spend working out edges' lines (a layout or an opening changes them all: at 1,000 assets,
 * thousands of paths). What is left is made ready in short tasks between frames (`prepareEdges`) and painted in
 * a later frame, so that no task blocks the page for long; lines already worked out are always painted.
 */
export interface EdgeBudget {
  /** Stop working out new lines after this time (`now()`'s clock). */
  until: number;
  now: () => number;
}

/**
 * Gives an edge's line from `cache`, or works it out and keeps it there while the budget lasts; undefined once
 * it is spent (the line is left for later). The clock is read every 32 lines worked out: reading it costs more
 * than a line.
 */
function lineMaker(cache: PaintCache, budget?: EdgeBudget) {
  let worked = 0;
  let spent = false;
  return (e: FlowEdge, from: NodeBox, to: NodeBox): EdgePaint | undefined => {
    const kept = cache.get(e);
    if (kept && kept.from === from.node && kept.to === to.node) return kept;
    if (budget && !spent && (worked & 31) === 31) spent = budget.now() > budget.until;
    if (spent) return undefined;
    worked++;
    const made = edgePaint(e, from, to);
    cache.set(e, made);
    return made;
  };
}

/**
 * Works out the lines of edges not in `cache` yet, until the budget runs out, without painting: what a frame
 * left pending is made ready between frames, so that the next paint strokes everything at once instead of
 * painting the whole layer again frame after frame. Returns how many are left.
 */
export function prepareEdges(input: PaintInput, cache: PaintCache, budget: EdgeBudget): number {
  const line = lineMaker(cache, budget);
  let left = 0;
  for (const e of input.edges) {
    if (!e.data) continue;
    const from = input.boxes.byId.get(e.source);
    const to = input.boxes.byId.get(e.target);
    if (from && to && !line(e, from, to)) left++;
  }
  return left;
}

/**
 * The overview's edges grouped by look, whole: not cut to a view. In the overview every line is drawn as it is
 * (dashes too fine to see are drawn solid), so the groups are the same for every view of it; made once, between
 * frames, they spare each frame that pans or zooms the overview, and the one that paints a large map after it
 * opens or is laid out, joining thousands of lines into the groups' paths (`paintLayer`'s `whole`).
 */
export interface WholeGroups {
  /** What they were made from: they stand for the same edges, boxes and filter only. */
  edges: readonly FlowEdge[];
  boxes: NodeBoxes;
  kindHidden: ReadonlySet<string>;
  groups: Map<EdgeStroke, EdgeGroup>;
  report: Pick<PaintReport, 'edges' | 'kinds'>;
}

/**
 * Makes the overview's whole groups for `input` a step at a time, each step until `budget` runs out (the clock is
 * read every 64 edges), its lines made as needed: a large map's thousands of lines take longer to join than a
 * task should. `step` gives the groups once they are all made. Undefined when it is not the overview.
 */
export function joinWhole(input: PaintInput, cache: PaintCache): { step(budget?: EdgeBudget): WholeGroups | undefined } | undefined {
  if (!input.overview || input.moving.size) return undefined;
  const report: PaintReport = { edges: 0, pending: 0, kinds: '', nodes: 0, selected: 0 };
  const everywhere: Area = { x0: -Infinity, y0: -Infinity, x1: Infinity, y1: Infinity };
  const grouper = edgeGrouper('still', input, cache, everywhere, 1, report);
  let next = 0;
  return {
    step(budget) {
      const { edges } = input;
      while (next < edges.length) {
        grouper.add(edges[next++]!);
        if (budget && (next & 63) === 0 && next < edges.length && budget.now() > budget.until) return undefined;
      }
      const groups = grouper.finish();
      return { edges: input.edges, boxes: input.boxes, kindHidden: input.kindHidden, groups, report: { edges: report.edges, kinds: report.kinds } };
    },
  };
}

/** The overview's whole groups for `input`, made at once (`joinWhole` without a budget). */
export function groupWhole(input: PaintInput, cache: PaintCache): WholeGroups | undefined {
  return joinWhole(input, cache)?.step();
}

/** Whether whole groups were made for this input: the same edges, boxes and filter, far out, nothing moving. */
export function wholeFor(whole: { edges: readonly FlowEdge[]; boxes: NodeBoxes; kindHidden: ReadonlySet<string> } | undefined, input: PaintInput): boolean {
  if (!whole || !input.overview || input.moving.size) return false;
  return whole.edges === input.edges && whole.boxes === input.boxes && whole.kindHidden === input.kindHidden;
}

/** Whether whole groups stand for this input and can be painted at zoom `k` as they are. */
export function wholeFits(whole: WholeGroups | undefined, layer: Layer, input: PaintInput, k: number): whole is WholeGroups {
  if (!whole || layer !== 'still' || !wholeFor(whole, input)) return false;
  // Dashes that show at this zoom are cut to the view (groupEdges): those groups are made for each frame.
  for (const stroke of whole.groups.keys()) if (dashOnScreen(stroke.dash, k)) return false;
  return true;
}

/** Paints one layer on a context already sized to the pane at `dpr`; returns what it painted. */
export function paintLayer(ctx: PaintContext, layer: Layer, input: PaintInput, cache: PaintCache, view: Viewport, budget?: EdgeBudget, whole?: WholeGroups): PaintReport {
  const { tx, ty, k, width, height, dpr } = view;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, Math.max(1, Math.round(width * dpr)), Math.max(1, Math.round(height * dpr)));
  const report: PaintReport = { edges: 0, pending: 0, kinds: '', nodes: 0, selected: 0 };
  if (layer === 'moving' && input.moving.size === 0) return report;
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * tx, dpr * ty);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'butt';
  // The view in flow coordinates, with room for stroke widths and arrowheads.
  const pad = 20 / k;
  const area: Area = { x0: -tx / k - pad, y0: -ty / k - pad, x1: (width - tx) / k + pad, y1: (height - ty) / k + pad };
  let groups: Map<EdgeStroke, EdgeGroup>;
  if (wholeFits(whole, layer, input, k)) {
    groups = whole.groups;
    Object.assign(report, whole.report);
  } else {
    groups = groupEdges(layer, input, cache, area, k, report, budget);
  }
  strokeGroups(ctx, groups, k);
  if (input.overview) paintNodes(ctx, layer, input, area, k, report);
  return report;
}

type Area = { x0: number; y0: number; x1: number; y1: number };

interface EdgeGroup {
  stroke: EdgeStroke;
  /** Edges wholly drawn, as one path. */
  path: Path2D;
  /** Dashed edges cut to the view, each dashed from where it starts along its line. */
  runs: { path: Path2D; start: number }[];
  ends: RouteEnd[];
}

/** Whether a node belongs on this layer. */
const onLayer = (layer: Layer, moving: ReadonlySet<string>, id: string) => moving.has(id) === (layer === 'moving');

/** Groups edges by look, one at a time (`add`), counting them into `report`; `finish` gives the groups. */
function edgeGrouper(layer: Layer, input: PaintInput, cache: PaintCache, area: Area, k: number, report: PaintReport, budget?: EdgeBudget) {
  const { boxes, kindHidden, overview, moving } = input;
  const groups = new Map<EdgeStroke, EdgeGroup>();
  const byKind = new Map<string, number>();
  const line = lineMaker(cache, budget);
  const add = (e: FlowEdge) => {
    if (!e.data || kindHidden.has(e.source) || kindHidden.has(e.target)) return;
    if (e.hidden && !overview) return;
    if (!onLayer(layer, moving, e.source) && !onLayer(layer, moving, e.target)) return;
    if (layer === 'still' && (moving.has(e.source) || moving.has(e.target))) return;
    const from = boxes.byId.get(e.source);
    const to = boxes.byId.get(e.target);
    if (!from || !to) return;
    const p = line(e, from, to);
    if (!p) {
      report.pending++;
      return;
    }
    const b = p.bounds;
    if (b.x1 < area.x0 || b.x0 > area.x1 || b.y1 < area.y0 || b.y0 > area.y1) return;
    const stroke = flowEdgeStroke(e.data, e.selected);
    let g = groups.get(stroke);
    if (!g) groups.set(stroke, (g = { stroke, path: new Path2D(), runs: [], ends: [] }));
    if (dashOnScreen(stroke.dash, k) && (b.x0 < area.x0 || b.x1 > area.x1 || b.y0 < area.y0 || b.y1 > area.y1)) {
      // Dashes cost by the length dashed: a long dashed line is cut to the view first, each piece dashed from
      // where it starts along the line so that the dashes stay put as the view moves.
      for (const run of clipPolyline(p.points, area)) {
        g.runs.push({ path: new Path2D(p.curve ? polylinePath(run.points) : routePath(run.points)), start: run.start });
      }
    } else {
      g.path.addPath(p.path);
    }
    if (stroke.arrow && p.end) g.ends.push(p.end);
    report.edges++;
    const kind = e.data.suggestion ? 'suggestion' : e.data.kind;
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  };
  const finish = () => {
    report.kinds = [...byKind].map(([kind, count]) => `${kind} ${count}`).join(', ');
    return groups;
  };
  return { add, finish };
}

/** The edges of this layer in view, grouped by look; counts them into `report`. */
function groupEdges(layer: Layer, input: PaintInput, cache: PaintCache, area: Area, k: number, report: PaintReport, budget?: EdgeBudget): Map<EdgeStroke, EdgeGroup> {
  const grouper = edgeGrouper(layer, input, cache, area, k, report, budget);
  for (const e of input.edges) grouper.add(e);
  return grouper.finish();
}

/** Strokes each group once, with its arrowheads. */
function strokeGroups(ctx: PaintContext, groups: Map<EdgeStroke, EdgeGroup>, k: number): void {
  // Far out, lines thinner than a pixel would vanish: keep them at least about a pixel wide.
  const minWidth = 0.8 / k;
  for (const { stroke, path, runs, ends } of groups.values()) {
    const lw = Math.max(stroke.width, minWidth);
    const dash = dashOnScreen(stroke.dash, k);
    // Dashes too fine to see are drawn solid, as light as they would look: stroking sub-pixel dashes along
    // every line of a whole large map took the raster most of a second.
    ctx.globalAlpha = stroke.alpha * (stroke.dash && !dash ? dashInk(stroke.dash) : 1);
    ctx.strokeStyle = stroke.colour;
    ctx.lineWidth = lw;
    ctx.lineCap = stroke.cap;
    ctx.lineJoin = stroke.join;
    ctx.setLineDash(dash ?? []);
    ctx.lineDashOffset = 0;
    ctx.stroke(path);
    for (const run of runs) {
      ctx.lineDashOffset = run.start;
      ctx.stroke(run.path);
    }
    ctx.lineDashOffset = 0;
    if (ends.length) {
      ctx.fillStyle = stroke.colour;
      const arrows = new Path2D();
      for (const end of ends) {
        const [a, b, c] = arrowTriangle(end, arrowLength(lw));
        arrows.moveTo(a.x, a.y);
        arrows.lineTo(b.x, b.y);
        arrows.lineTo(c.x, c.y);
        arrows.closePath();
      }
      ctx.fill(arrows);
    }
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

/** The overview's nodes: one path per kind and shade, filled and stroked once, then the selected ones ringed. */
function paintNodes(ctx: PaintContext, layer: Layer, { boxes, moving }: PaintInput, area: Area, k: number, report: PaintReport): void {
  ctx.lineWidth = Math.max(2, 0.8 / k);
  // Thousands of rectangles drawn one by one cost the raster several times as much as one path per look.
  const shapes = new Map<string, { kind: NodeKind; dimmed: boolean; path: Path2D }>();
  for (const b of boxes.list) {
    if (!onLayer(layer, moving, b.node.id)) continue;
    if (b.x + b.width < area.x0 || b.x > area.x1 || b.y + b.height < area.y0 || b.y > area.y1) continue;
    const { kind } = b.node.data.node;
    const dimmed = !!b.node.data.dimmed;
    const key = `${kind}${dimmed ? ' dimmed' : ''}`;
    let shape = shapes.get(key);
    if (!shape) shapes.set(key, (shape = { kind, dimmed, path: new Path2D() }));
    shape.path.rect(b.x, b.y, b.width, b.height);
    report.nodes++;
  }
  for (const { kind, dimmed, path } of shapes.values()) {
    const look = nodeLook(kind);
    ctx.globalAlpha = dimmed ? 0.22 : 1;
    ctx.fillStyle = look.fill;
    ctx.fill(path);
    ctx.strokeStyle = look.border;
    ctx.stroke(path);
  }
  ctx.globalAlpha = 1;
  // Selected nodes last, ringed, so that they show above their neighbours.
  ctx.strokeStyle = SELECTED;
  ctx.lineWidth = Math.max(3, 2.5 / k);
  for (const b of boxes.list) {
    if (!b.node.selected || !onLayer(layer, moving, b.node.id)) continue;
    const m = ctx.lineWidth;
    ctx.strokeRect(b.x - m, b.y - m, b.width + 2 * m, b.height + 2 * m);
    report.selected++;
  }
}

function polylinePath(points: Point[]): string {
  return points.map((q, i) => `${i ? 'L' : 'M'}${q.x},${q.y}`).join(' ');
}

function edgePaint(e: FlowEdge, from: NodeBox, to: NodeBox): EdgePaint {
  const d = e.data!;
  const points = currentRoute(d.kind, d.points, d.at, from, to);
  const curve = !!d.suggestion && points.length === 4;
  return {
    from: from.node,
    to: to.node,
    points: curve ? flattenCubic(points[0]!, points[1]!, points[2]!, points[3]!) : points,
    curve,
    path: new Path2D(flowEdgePath(d, points)),
    bounds: pointsBounds(points),
    end: routeEnd(points),
  };
}
