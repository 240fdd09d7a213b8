/** The map canvas's painter against a recording context: what it strokes and fills, in which state, per layer. */
import { describe, expect, it } from 'vitest';
import type { NodeKind, Point } from '../../../src/model';
import { edgeStroke, fallbackRoute, nodeLook, routePath } from '../../../src/look';
import { type PaintInput, type Viewport, flowEdgeStroke, groupWhole, joinWhole, nodeBoxes, paintLayer, prepareEdges, wholeFits } from '../../../src/ui/map/mapPainter';
import type { FlowEdge, FlowNode, MapEdgeData } from '../../../src/ui/map/toFlow';
import { type FakePath, fakeContext, installFakePath2D } from './fakeCanvas';

installFakePath2D();

function node(id: string, x: number, y: number, kind: NodeKind = 'partner', extra: { selected?: boolean; dimmed?: boolean } = {}): FlowNode {
  return {
    id,
    type: 'asset',
    position: { x, y },
    width: 100,
    height: 40,
    selected: !!extra.selected,
    data: { node: { id, kind, label: id, x, y } as never, lines: [id], badge: 0, dimmed: !!extra.dimmed },
  };
}

/** An edge along `points`, a route made where its ends stand now. */
function edge(id: string, from: FlowNode, to: FlowNode, points: Point[], data: Partial<MapEdgeData> = {}, extra: Partial<FlowEdge> = {}): FlowEdge {
  return {
    id,
    source: from.id,
    target: to.id,
    type: 'routed',
    data: { kind: 'relationship', points, at: [from.position.x, from.position.y, to.position.x, to.position.y], dimmed: false, ...data },
    ...extra,
  };
}

const NONE = new Set<string>();
const VIEW: Viewport = { tx: 0, ty: 0, k: 1, width: 400, height: 300, dpr: 1 };

function paint(nodes: FlowNode[], edges: FlowEdge[], opts: Partial<PaintInput> & { layer?: 'still' | 'moving'; view?: Partial<Viewport> } = {}) {
  const rec = fakeContext();
  const input: PaintInput = { boxes: nodeBoxes(nodes, opts.kindHidden ?? NONE), edges, kindHidden: NONE, overview: false, moving: NONE, ...opts };
  const report = paintLayer(rec.ctx as unknown as CanvasRenderingContext2D, opts.layer ?? 'still', input, new WeakMap(), { ...VIEW, ...opts.view });
  return { ...rec, report };
}

const a = node('a', 0, 0);
const b = node('b', 200, 0);
const c = node('c', 0, 200);
const ab = [{ x: 100, y: 20 }, { x: 200, y: 20 }];
const ac = [{ x: 50, y: 40 }, { x: 50, y: 200 }];
const bc = [{ x: 250, y: 40 }, { x: 50, y: 200 }];

describe('map painter', () => {
  it('strokes edges of one look together, once, in that look, and says what it painted', () => {
    const { strokes, report } = paint(
      [a, b, c],
      [edge('s1', a, b, ab, { kind: 'strength' }), edge('s2', a, c, ac, { kind: 'strength' }), edge('w1', b, c, bc, { kind: 'weakness' })],
    );
    expect(strokes).toHaveLength(2);
    expect(strokes[0]).toMatchObject({ colour: '#16a34a', width: 2, dash: [], alpha: 1, cap: 'butt', join: 'round' });
    expect((strokes[0]!.path as FakePath).parts).toEqual(['M100,20 L200,20', 'M50,40 L50,200']);
    expect(strokes[1]).toMatchObject({ colour: '#dc2626', dash: [6, 4] });
    expect(report).toEqual({ edges: 3, pending: 0, kinds: 'strength 2, weakness 1', nodes: 0, selected: 0 });
  });

  it('draws a relationship as its tie, a selected edge wider, a dimmed one faint', () => {
    const { strokes } = paint(
      [a, b, c],
      [
        edge('weak', a, b, ab, { tie: 'weak' }),
        edge('sel', a, c, ac, { tie: 'strong' }, { selected: true }),
        edge('dim', b, c, bc, { kind: 'supports', dimmed: true }),
      ],
    );
    expect(strokes.map((s) => [s.width, s.dash.join(' '), s.alpha])).toEqual([
      [1.25, '3 3', 1],
      [6, '', 1],
      [2, '10 4', 0.22],
    ]);
  });

  it('puts an arrowhead 3.5 line widths long at the end of "supports"', () => {
    const { fills } = paint([a, b], [edge('sup', a, b, ab, { kind: 'supports' })]);
    expect(fills).toHaveLength(1);
    expect(fills[0]!.colour).toBe(edgeStroke({ kind: 'supports' }).colour);
    const pts = (fills[0]!.path as FakePath).points.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
    expect(pts).toEqual([[200, 20], [193, 16.5], [193, 23.5]]);
  });

  it('maps flow coordinates to device pixels', () => {
    const { ctx } = paint([a, b], [edge('s', a, b, ab)], { view: { tx: 30, ty: -10, k: 0.5, dpr: 2 } });
    expect(ctx.transform).toEqual([1, 0, 0, 1, 60, -20]);
  });

  it('cuts a long dashed line to the view and dashes each piece from where it starts along the line', () => {
    const far = node('far', -2000, 0);
    const { strokes } = paint([far, a], [edge('w', far, a, [{ x: -1900, y: 20 }, { x: 100, y: 20 }], { kind: 'weakness' })]);
    const run = strokes.find((s) => (s.path as FakePath).parts.length === 1 && s.offset > 0)!;
    // The view with its 20 px margin starts at x = -20: 1,880 px along the line.
    expect(run.offset).toBe(1880);
    expect((run.path as FakePath).parts).toEqual(['M-20,20 L100,20']);
  });

  it('far out, draws dashes too fine to see solid and as light as they would look, and keeps lines a pixel wide', () => {
    const { strokes } = paint([a, b], [edge('w', a, b, ab, { kind: 'weakness' })], { view: { k: 0.05 } });
    expect(strokes[0]).toMatchObject({ dash: [], width: 16 });
    expect(strokes[0]!.alpha).toBeCloseTo(0.6);
  });

  it('leaves out edges out of view, to nodes the kind filter hides, and those React Flow hides unless in the overview', () => {
    const out = node('out', 5000, 5000);
    const edges = [edge('o', a, out, [{ x: 100, y: 20 }, { x: 5000, y: 5020 }].map((p) => ({ ...p, x: p.x + 4000 }))), edge('k', a, c, ac), edge('h', a, b, ab, {}, { hidden: true })];
    expect(paint([a, b, c, out], edges, { kindHidden: new Set(['c']) }).report.edges).toBe(0);
    expect(paint([a, b, c, out], edges, { kindHidden: new Set(['c']), overview: true }).report.edges).toBe(1);
  });

  it('paints what a drag moves on the moving layer only, and the rest on the still one', () => {
    const edges = [edge('ab', a, b, ab), edge('ac', a, c, ac), edge('bc', b, c, bc)];
    const moving = new Set(['c']);
    expect(paint([a, b, c], edges, { moving }).report.kinds).toBe('relationship 1');
    expect(paint([a, b, c], edges, { moving, layer: 'moving' }).report.edges).toBe(2);
    expect(paint([a, b, c], edges, { layer: 'moving' }).strokes).toHaveLength(0);
  });

  it('in the overview, fills nodes by kind and shade in their card colours and rings the selected ones', () => {
    const s = node('s', 0, 100, 'strength');
    const dim = node('d', 200, 100, 'partner', { dimmed: true });
    const sel = node('sel', 200, 200, 'partner', { selected: true });
    const { fills, strokes, rings, report } = paint([a, s, dim, sel, node('gone', 9000, 0)], [], { overview: true });
    expect(fills.map((f) => [f.colour, f.alpha, (f.path as FakePath).rects.length])).toEqual([
      [nodeLook('partner').fill, 1, 2],
      [nodeLook('strength').fill, 1, 1],
      [nodeLook('partner').fill, 0.22, 1],
    ]);
    expect(strokes.map((t) => t.colour)).toEqual([nodeLook('partner').border, nodeLook('strength').border, nodeLook('partner').border]);
    expect(rings).toEqual([{ colour: '#2563eb', width: 3, rect: [197, 197, 106, 46] }]);
    expect(report).toMatchObject({ nodes: 4, selected: 1 });
  });

  it('follows a node to where a drag put it: the route is dropped for a fallback between the boxes', () => {
    const moved = { ...b, position: { x: 200, y: 300 } };
    const { strokes } = paint([a, moved], [edge('ab', a, b, ab)]);
    const fallback = routePath(fallbackRoute({ x: 0, y: 0, width: 100, height: 40 }, { x: 200, y: 300, width: 100, height: 40 }, 'relationship'));
    expect(fallback).not.toBe('M100,20 L200,20');
    expect((strokes[0]!.path as FakePath).parts).toEqual([fallback]);
  });
});

/** 200 edges from `a` to nodes along a row, each of one look. */
function many() {
  const nodes = [a];
  const edges: FlowEdge[] = [];
  for (let i = 0; i < 200; i++) {
    const n = node(`n${i}`, 150 + (i % 20) * 10, 60 + Math.floor(i / 20) * 20);
    nodes.push(n);
    edges.push(edge(`e${i}`, a, n, [{ x: 100, y: 20 }, { x: n.position.x, y: n.position.y + 20 }], { kind: 'strength' }));
  }
  return { nodes, edges };
}

describe('map painter, edges over several frames', () => {
  it('works out no more lines than a frame’s budget allows, paints the rest in the next frames, and ends as one frame would', () => {
    const { nodes, edges } = many();
    const input: PaintInput = { boxes: nodeBoxes(nodes, NONE), edges, kindHidden: NONE, overview: true, moving: NONE };
    const whole = paintLayer(fakeContext().ctx as unknown as CanvasRenderingContext2D, 'still', input, new WeakMap(), VIEW);
    expect(whole).toMatchObject({ edges: 200, pending: 0 });

    // A clock that moves one unit each time it is read (every 32 lines): a frame whose budget ends when it starts
    // reads it twice, and so works out 63 lines.
    let clock = 0;
    const now = () => clock++;
    const cache = new WeakMap();
    const frames = [];
    for (let f = 0; f < 10; f++) {
      const rec = fakeContext();
      const report = paintLayer(rec.ctx as unknown as CanvasRenderingContext2D, 'still', input, cache, VIEW, { until: clock, now });
      frames.push(report);
      if (!report.pending) {
        // The last frame paints exactly what an unbudgeted frame paints.
        const once = fakeContext();
        paintLayer(once.ctx as unknown as CanvasRenderingContext2D, 'still', input, new WeakMap(), VIEW);
        expect(rec.strokes.map((s) => (s.path as FakePath).parts)).toEqual(once.strokes.map((s) => (s.path as FakePath).parts));
        break;
      }
    }
    expect(frames.map((f) => f.edges)).toEqual([63, 126, 189, 200]);
    expect(frames.at(-1)).toMatchObject({ edges: 200, pending: 0 });
    // Every frame paints all the nodes, and the edges worked out so far: never fewer than the frame before.
    for (let f = 0; f < frames.length; f++) {
      expect(frames[f]!.nodes).toBe(201);
      expect(frames[f]!.edges + frames[f]!.pending).toBe(200);
      if (f > 0) expect(frames[f]!.edges).toBeGreaterThan(frames[f - 1]!.edges);
    }
  });

  it('makes the lines a frame left ready between frames, in budgeted steps, so that the next frame paints them all', () => {
    const { nodes, edges } = many();
    const input: PaintInput = { boxes: nodeBoxes(nodes, NONE), edges, kindHidden: NONE, overview: true, moving: NONE };
    let clock = 0;
    const now = () => clock++;
    const cache = new WeakMap();
    const first = paintLayer(fakeContext().ctx as unknown as CanvasRenderingContext2D, 'still', input, cache, VIEW, { until: clock, now });
    expect(first).toMatchObject({ edges: 63, pending: 137 });
    const steps = [];
    for (let left = first.pending; left > 0; ) steps.push((left = prepareEdges(input, cache, { until: clock, now })));
    expect(steps).toEqual([74, 11, 0]);
    const next = paintLayer(fakeContext().ctx as unknown as CanvasRenderingContext2D, 'still', input, cache, VIEW, { until: clock, now });
    expect(next).toMatchObject({ edges: 200, pending: 0, nodes: 201 });
  });
});

describe('the overview’s edges grouped whole', () => {
  const nodes = [a, b, c];
  const far = node('far', 3000, 2000);
  const farther = node('farther', 3300, 2000);
  const edges = [
    edge('s1', a, b, ab, { kind: 'strength' }),
    edge('w1', b, c, bc, { kind: 'weakness' }),
    edge('r1', a, c, ac, { tie: 'weak' }),
    edge('f1', far, farther, [{ x: 3100, y: 2020 }, { x: 3300, y: 2020 }]),
  ];
  const input = (over: Partial<PaintInput> = {}): PaintInput => ({ boxes: nodeBoxes([...nodes, far, farther], NONE), edges, kindHidden: NONE, overview: true, moving: NONE, ...over });
  const FAR_OUT: Viewport = { ...VIEW, k: 0.1 };
  const record = (i: PaintInput, view: Viewport, whole?: ReturnType<typeof groupWhole>) => {
    const rec = fakeContext();
    const report = paintLayer(rec.ctx as unknown as CanvasRenderingContext2D, 'still', i, new WeakMap(), view, undefined, whole);
    return { strokes: rec.strokes.map((s) => ({ ...s, path: (s.path as FakePath).parts })), fills: rec.fills.length, report };
  };

  it('paint what the frame would have grouped itself, when the whole map is in view', () => {
    const i = input();
    const whole = groupWhole(i, new WeakMap())!;
    expect(wholeFits(whole, 'still', i, FAR_OUT.k)).toBe(true);
    expect(record(i, FAR_OUT, whole)).toEqual(record(i, FAR_OUT));
    expect(whole.report).toEqual({ edges: 4, kinds: 'strength 1, weakness 1, relationship 2' });
  });

  it('are joined a budgeted step at a time, and end as if joined at once', () => {
    const { nodes: row, edges: lots } = many();
    const i: PaintInput = { boxes: nodeBoxes(row, NONE), edges: lots, kindHidden: NONE, overview: true, moving: NONE };
    let clock = 0;
    const job = joinWhole(i, new WeakMap())!;
    let steps = 0;
    let done: ReturnType<typeof groupWhole>;
    // A clock that moves one unit each time it is read, with a budget that ends as the step starts: the clock is
    // read at 64 edges (on time) and at 128 (past it), so the first step joins 128 edges and the next the rest.
    while (!(done = job.step({ until: clock, now: () => clock++ }))) steps++;
    expect(steps).toBe(1);
    const atOnce = groupWhole(i, new WeakMap())!;
    expect(done!.report).toEqual(atOnce.report);
    const parts = (w: NonNullable<typeof done>) => [...w.groups.values()].map((g) => (g.path as unknown as FakePath).parts);
    expect(parts(done!)).toEqual(parts(atOnce));
  });

  it('stand for the same edges, boxes and filter only, in the overview, with nothing moving and no dashes showing', () => {
    const i = input();
    const whole = groupWhole(i, new WeakMap())!;
    expect(wholeFits(whole, 'still', { ...i, edges: [...edges] }, FAR_OUT.k)).toBe(false);
    expect(wholeFits(whole, 'still', { ...i, boxes: nodeBoxes(nodes, NONE) }, FAR_OUT.k)).toBe(false);
    expect(wholeFits(whole, 'still', { ...i, kindHidden: new Set(['c']) }, FAR_OUT.k)).toBe(false);
    expect(wholeFits(whole, 'still', { ...i, moving: new Set(['a']) }, FAR_OUT.k)).toBe(false);
    expect(wholeFits(whole, 'moving', i, FAR_OUT.k)).toBe(false);
    expect(wholeFits(whole, 'still', { ...i, overview: false }, FAR_OUT.k)).toBe(false);
    // Close enough for the weakness's dashes to show: they are cut to the view, frame by frame.
    expect(wholeFits(whole, 'still', i, 1)).toBe(false);
    expect(groupWhole({ ...i, overview: false }, new WeakMap())).toBeUndefined();
    // Not fitting, they are not used: the frame groups what it shows itself.
    const part: Viewport = { ...VIEW, k: 1 };
    expect(record(i, part, whole)).toEqual(record(i, part));
    expect(record(i, part, whole).report.edges).toBe(3);
  });
});

describe('flowEdgeStroke', () => {
  it('keeps an unselected edge’s look with its data, and gives a selected edge its own', () => {
    const data: MapEdgeData = { kind: 'relationship', tie: 'weak', dimmed: true };
    const look = flowEdgeStroke(data);
    expect(flowEdgeStroke(data)).toBe(look);
    expect(look).toBe(edgeStroke({ kind: 'relationship', tie: 'weak', dimmed: true }));
    expect(flowEdgeStroke(data, true)).toBe(edgeStroke({ kind: 'relationship', tie: 'weak', dimmed: true, selected: true }));
    expect(flowEdgeStroke({ ...data, dimmed: false })).toBe(edgeStroke({ kind: 'relationship', tie: 'weak' }));
  });
});

