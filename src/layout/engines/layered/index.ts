/**
 * The layered engine, for large components: a layered drawing of our own (no dagre), folded into bands so that
 * it comes out about the shape asked for, instead of a strip dozens of times longer than wide.
 *
 * Stages, each a function its tests call on its own (figures for the choices in BENCHMARKS.md):
 * 1. ranks (ranks.ts): breadth-first levels as ranks, dummies where a link passes a rank;
 * 2. order (order.ts): blocks and dummies ordered within ranks to reduce crossings;
 * 3. bands (bands.ts): each rank shared among as few bands as hold it, for a number of bands;
 * 4. coordinates (coordinates.ts): across, spread then pulled towards neighbours; along, rank after rank;
 * 5. routes (routes.ts): every link through the strip, brackets in lanes beside their rank;
 * 6. fold (fold.ts): the strip cut into bands (or segments of ranks) laid side by side like a snake. The U's
 *    where routes cross a cut nest, so folding changes the shape, not the crossings (../../fold.ts).
 * Then the shape (shape.ts): the number of bands (or segments) whose page comes nearest the aspect ratio asked
 * for, by an estimate, then measured against a neighbouring count while that comes nearer.
 *
 * A turned band keeps its blocks upright; only their places turn, and the sides their links leave from. In LR
 * those blocks are drawn mirrored, connectors on the right, so that links leaving to the left do not cross them.
 */
import type { Point } from '../../../model';
import { extentOf } from '../../blocks';
import { simplify } from '../../routes';
import type { ComponentInput, ComponentLayout, EngineOptions } from '../types';
import { type Plan, type PlanBasis, planBands, planBasis } from './bands';
import { crossCoordinates, laneRoom, rankSpans, strideOf } from './coordinates';
import { type Folded, foldAcross, foldAlong, segmentOfRanks, segmentStarts } from './fold';
import { neighboursOf, orderRanks } from './order';
import { type Ranked, maxLevelWidth, rankBlocks } from './ranks';
import { type StripPlaces, laneCount, nestBrackets, stripAt, stripGeometry, stripRoutes } from './routes';
import { chooseLayout } from './shape';
import { type Strip, corridorOf, gutterOf, makeStrip } from './strip';

export interface LayeredOptions extends EngineOptions {
  /** Blocks a level may hold, as a multiple of the square root of the block count (LEVEL_WIDTH). */
  levelWidth?: number;
  /** Fold into exactly this many bands instead of choosing by `aspect`. */
  bands?: number;
  /** Fold the ranks into exactly this many segments instead (and no bands). */
  segments?: number;
}

/** A component ranked and ordered: what every fold of it starts from. */
export interface Ordered {
  input: ComponentInput;
  indexOf: Map<string, number>;
  ranked: Ranked;
  strip: Strip;
  basis: PlanBasis;
}

/** Stages 1 and 2, once per component. */
export function rankAndOrder(input: ComponentInput, options: LayeredOptions): Ordered {
  const ids = input.blocks.map((b) => b.asset.id);
  const ranked = rankBlocks(ids, input.pairs, maxLevelWidth(ids.length, options.levelWidth));
  const layers = orderRanks(ranked);
  const strip = makeStrip(input.blocks, ranked, layers, neighboursOf(ranked), options.direction === 'LR', options.spacing);
  return { input, indexOf: new Map(ids.map((id, i) => [id, i])), ranked, strip, basis: planBasis(strip) };
}

/** The layered engine (a ComponentEngine); `bands` or `segments` fix the fold instead of choosing it. */
export function layoutLayered(input: ComponentInput, options: LayeredOptions): ComponentLayout {
  const ordered = rankAndOrder(input, options);
  return chooseLayout(ordered.strip.layers.length, {
    plan: (bands) => planBands(ordered.strip, ordered.basis, bands),
    build: (plan, segments) => buildLayout(ordered, plan, segments),
    lr: ordered.strip.lr,
    gutter: gutterOf(ordered.strip.spacing),
    options,
  });
}

/**
 * Stages 4 to 6 for a plan: the layout folded into its bands, or (segments > 1, with a one-band plan) with its
 * ranks folded into that many segments instead: the same snake the other way, for a strip too long along.
 */
export function buildLayout(o: Ordered, plan: Plan, segments = 1): ComponentLayout {
  const { strip: s, ranked } = o;
  const corridor = corridorOf(s.spacing);
  const firstRank = segmentStarts(s.rankAlong, corridor, segments);
  const segmentOf = segmentOfRanks(firstRank, s.layers.length);
  const y = crossCoordinates(s, plan);
  const places = (lanes: Float64Array): StripPlaces => ({
    lr: s.lr,
    blocks: o.input.blocks,
    indexOf: o.indexOf,
    itemAt: o.input.itemAt,
    rank: s.rank,
    y,
    spans: rankSpans(s.rankAlong, lanes, corridor),
    turned: (v) => (plan.bandOf[v]! + segmentOf[s.rank[v]!]!) % 2 === 1,
  });
  // Along: first without bracket lanes (placing brackets needs only the cross coordinates), then with them.
  const lanes = new Float64Array(s.layers.length);
  const brackets = nestBrackets(ranked.flats, (id) => s.rank[o.indexOf.get(id)!]!, stripGeometry(places(lanes)), s.lr);
  for (const [r, list] of brackets) lanes[r] = laneRoom(laneCount(list));
  const placed = places(lanes);
  const routes = stripRoutes(placed, ranked.chains, brackets);
  const folded =
    segments > 1
      ? foldAlong(s, segments, firstRank, y, placed.spans, routes)
      : foldAcross(s, plan.bands, strideOf(s, plan), plan.bandOf, placed.spans, routes);
  const bandOfBlock = (v: number) => (segments > 1 ? segmentOf[s.rank[v]!]! : plan.bandOf[v]!);
  return placeFolded(placed, folded, bandOfBlock);
}

/** Blocks and routes through the folder, everything from 0,0; in LR, turned blocks drawn mirrored. */
function placeFolded(p: StripPlaces, folded: Folded, bandOfBlock: (v: number) => number): ComponentLayout {
  const at = new Map<string, Point>();
  p.blocks.forEach((b, v) => at.set(b.asset.id, folded.folder.box(stripAt(p, v), b.width, b.height, bandOfBlock(v))));
  const routes = folded.folder.routes(folded.stops);
  for (const id of Object.keys(routes)) routes[id] = simplify(routes[id]!);
  const { minX, minY, maxX, maxY } = extentOf(p.blocks, at, routes);
  for (const [id, q] of at) at.set(id, { x: q.x - minX, y: q.y - minY });
  for (const id of Object.keys(routes)) routes[id] = routes[id]!.map((q) => ({ x: q.x - minX, y: q.y - minY }));
  const mirrored = new Set<string>();
  if (p.lr) p.blocks.forEach((b, v) => p.turned(v) && mirrored.add(b.asset.id));
  return { at, routes, width: maxX - minX, height: maxY - minY, mirrored };
}
