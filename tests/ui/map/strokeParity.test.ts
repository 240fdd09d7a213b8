/**
 * The screen and the images draw every edge alike: the Sunnydale and Gotham examples painted by the map canvas's
 * painter and written by the SVG writer, compared edge by edge (colour, width, dashes, caps, joins, strength, arrowheads).
 */
import { describe, expect, it } from 'vitest';
import { renderMap } from '../../../src/io/export';
import { getDrawnEdges, routePath } from '../../../src/look';
import { type ViewState, createEdgeMapper, createNodeMapper } from '../../../src/ui/map/toFlow';
import { nodeBoxes, paintLayer } from '../../../src/ui/map/mapPainter';
import { type AssetMapDoc, SUNNYDALE, buildExample } from '../../../src/model';
import { GOTHAM } from '../../../src/model/moreExamples';
import { laidOut } from '../../io/export/helpers';
import { type FakePath, fakeContext, installFakePath2D } from './fakeCanvas';

installFakePath2D();

interface Look {
  colour: string;
  width: number;
  dash: string;
  cap: string;
  join: string;
  alpha: number;
}

const NONE = new Set<string>();
const view: ViewState = { selection: NONE, hiddenKinds: new Set(), focus: NONE, badges: new Map(), dragging: new Map(), kindHidden: NONE, overview: false };

/** Each edge's look on the canvas, by its path data; and the arrowheads' corners. */
function canvasLooks(doc: AssetMapDoc) {
  const nodes = createNodeMapper()(doc, view);
  const edges = createEdgeMapper()(doc, view);
  const { ctx, strokes, fills } = fakeContext();
  // At 100%, with a view far larger than the map: nothing is cut to the view, every dash is drawn.
  const input = { boxes: nodeBoxes(nodes, NONE), edges, kindHidden: NONE, overview: false, moving: NONE };
  paintLayer(ctx as unknown as CanvasRenderingContext2D, 'still', input, new WeakMap(), { tx: 5000, ty: 5000, k: 1, width: 20000, height: 20000, dpr: 1 });
  const looks = new Map<string, Look>();
  for (const s of strokes) {
    for (const d of (s.path as FakePath).parts) {
      looks.set(d, { colour: s.colour, width: s.width, dash: s.dash.join(' '), cap: s.cap, join: s.join, alpha: s.alpha });
    }
  }
  const arrows = fills.flatMap((f) => chunk((f.path as FakePath).points.map(([x, y]) => [round(x), round(y)]), 3).map((tri) => ({ colour: f.colour, tri })));
  return { looks, arrows };
}

/** Each edge's look in the SVG, by its path data; and the arrowheads' corners. */
function svgLooks(doc: AssetMapDoc) {
  const { svg } = renderMap(doc, { background: 'white', title: false, legend: false, embed: false });
  const looks = new Map<string, Look>();
  const arrows: { colour: string; tri: number[][] }[] = [];
  for (const [, attrs] of svg.matchAll(/<path ([^>]*)\/>/g)) {
    const attr = (name: string) => new RegExp(`(?:^| )${name}="([^"]*)"`).exec(attrs!)?.[1];
    if (attr('transform')) continue; // icons
    const d = attr('d')!;
    if (attr('fill') === 'none') {
      looks.set(d, {
        colour: attr('stroke')!,
        width: Number(attr('stroke-width') ?? 1),
        dash: attr('stroke-dasharray') ?? '',
        cap: attr('stroke-linecap') ?? 'butt',
        join: attr('stroke-linejoin') ?? 'miter',
        alpha: Number(attr('stroke-opacity') ?? attr('opacity') ?? 1),
      });
    } else if (!attr('stroke') && /^M[^A-Z]*L[^A-Z]*L[^A-Z]*Z$/.test(d)) {
      arrows.push({ colour: attr('fill')!, tri: chunk([...d.matchAll(/-?[\d.]+/g)].map((m) => Number(m[0])), 2) });
    }
  }
  return { looks, arrows };
}

const round = (n: number) => Math.round(n * 10) / 10;
const chunk = <T,>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

const examples = { Sunnydale: laidOut(buildExample(SUNNYDALE, 'map_s')), Gotham: laidOut(buildExample(GOTHAM, 'map_g')) };

describe.each(Object.entries(examples))('edges of %s on the screen and in the images', (_, doc) => {
  const canvas = canvasLooks(doc);
  const image = svgLooks(doc);

  it('draws every edge in both, stroked alike', () => {
    const drawn = getDrawnEdges(doc);
    expect(drawn.length).toBeGreaterThan(5);
    const routes = drawn.map((e) => routePath(doc.routes[e.id]!));
    for (const d of routes) {
      expect(canvas.looks.get(d), d).toBeDefined();
      expect(image.looks.get(d), d).toEqual(canvas.looks.get(d));
    }
    expect(image.looks.size).toBe(routes.length);
  });

  it('puts the same arrowheads on the same edges', () => {
    const supports = getDrawnEdges(doc).filter((e) => e.kind === 'supports').length;
    expect(canvas.arrows).toHaveLength(supports);
    const key = (a: { colour: string; tri: number[][] }) => `${a.colour} ${a.tri.map((p) => p.join(',')).join(' ')}`;
    expect(image.arrows.map(key).sort()).toEqual(canvas.arrows.map(key).sort());
  });
});

describe('the looks that used to differ', () => {
  it('cuts improvements square, in short dashes, on the screen and in the images', () => {
    const doc = examples.Sunnydale;
    const improves = getDrawnEdges(doc).filter((e) => e.kind === 'improvement');
    expect(improves.length).toBeGreaterThan(0);
    const canvas = canvasLooks(doc).looks;
    const image = svgLooks(doc).looks;
    for (const e of improves) {
      const d = routePath(doc.routes[e.id]!);
      expect(canvas.get(d)).toMatchObject({ colour: '#a16207', dash: '2 3', cap: 'butt' });
      expect(image.get(d)).toMatchObject({ colour: '#a16207', dash: '2 3', cap: 'butt' });
    }
  });

  it('dashes a weak tie on the screen and in the images', () => {
    const doc = examples.Gotham;
    const weak = getDrawnEdges(doc).find((e) => e.tie === 'weak')!;
    const d = routePath(doc.routes[weak.id]!);
    const look = { colour: '#475569', width: 1.25, dash: '3 3', cap: 'butt', join: 'round', alpha: 1 };
    expect(canvasLooks(doc).looks.get(d)).toEqual(look);
    expect(svgLooks(doc).looks.get(d)).toEqual(look);
  });
});
