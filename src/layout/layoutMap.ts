/**
 * Auto layout: (document, options) -> top-left positions for every node and a route for every drawn edge.
 *
 * How, and why (figures in BENCHMARKS.md), stage by stage:
 * - blocks (components.ts, blocks.ts): each asset and what hangs off it (strengths, weaknesses, improvements) is
 *   one block: the layout moves blocks, not items, and no link crosses the connectors inside a block.
 * - components (components.ts): connected components are laid out apart; parallel links between two blocks
 *   share one channel.
 * - engines (engines/): each component by dagre when small, by the layered engine when large (engines/index.ts
 *   says why, with the figures). The largest component is laid out last, aiming at the page's shape with
 *   everything else packed beside it.
 * - pack (pack.ts, placeComponents): the components onto one page; then the links inside one block, nodes no
 *   block holds, and the whole drawing moved to start at 0,0.
 * Routes run in channels: straight across each rank between its nodes, bending only in the open space between
 * ranks, so no route passes through a node, and crossings happen where the ordering counted them.
 *
 * Everything returned is a top-left corner, on whole pixels for blocks.
 */
import { type AssetMapDoc, type AssetNode, type LayoutSettings, type MapNode, type Point, getAssets, hasGroups, writeLayout } from '../model';
import { type Size, nodeSize } from '../look/measure';
import { type Block, type Placed, mirrorBlock, routesBounds } from './blocks';
import { type Component, buildBlocks, componentsOf, linksOf } from './components';
import { type ComponentLayout, type LinkEdge, layoutComponent } from './engines';
import { innerRoute, rectOf } from './routes';
import { PAGE_ASPECT, pack } from './pack';
import { groupStage, placeGroups, unitBlocks } from './groups';

export interface LayoutOptions extends LayoutSettings {
  /** Real rendered sizes where known; others are computed from the label. */
  sizeOf?: (node: MapNode) => Size | undefined;
  /** The same as a plain map, for callers that cannot pass a function (a worker). Wins over sizeOf. */
  sizes?: Record<string, Size>;
}

export interface LayoutResult {
  /** Top-left corner of every node. */
  positions: Record<string, Point>;
  /** Edge routes keyed by the view's edge id (a link's id, or `a:<node id>` for an attachment). */
  routes: Record<string, Point[]>;
  width: number;
  height: number;
}

/**
 * Lays out a document no one is editing yet (a map made from a template, a generated or test map) with its own
 * settings, and writes the positions and routes into it. Returns the same document.
 */
export function layOutInPlace(doc: AssetMapDoc): AssetMapDoc {
  writeLayout(doc, layoutMap(doc, doc.layout));
  return doc;
}

export function layoutMap(doc: AssetMapDoc, options: LayoutOptions): LayoutResult {
  const settings: LayoutSettings = { direction: options.direction, spacing: options.spacing };
  const size = (n: MapNode) => options.sizes?.[n.id] ?? options.sizeOf?.(n) ?? nodeSize(n);
  const assets = getAssets(doc);
  const { blocks, itemAt } = buildBlocks(doc, assets, size, settings.direction);
  const { between, inner } = linksOf(doc, itemAt);
  const drawing = hasGroups(doc)
    ? layOutGroups(doc, assets, between, blocks, itemAt, size, settings)
    : layOutUnits(assets, between, blocks, itemAt, settings);
  for (const l of inner) {
    const route = innerLinkRoute(l, drawing.positions, blocks, itemAt, settings.direction === 'LR');
    if (route) drawing.routes[l.id] = route;
  }
  placeStrays(doc, drawing, size, settings.spacing);
  return toOrigin(drawing);
}

/** Blocks and the links between them: components, each through its engine, packed onto one page. */
function layOutUnits(assets: readonly AssetNode[], links: readonly LinkEdge[], blocks: Map<string, Block>, itemAt: Map<string, Placed>, settings: LayoutSettings): Drawing {
  const components = componentsOf(assets, blocks, links);
  const laid = layoutComponents(components, itemAt, settings);
  return placeComponents(components, laid, pack(laid, settings.spacing), blocks, itemAt);
}

/**
 * A map with groups (groups.ts): each group's content laid out on its own, then the groups as blocks among the
 * assets in no group.
 */
function layOutGroups(
  doc: AssetMapDoc,
  assets: readonly AssetNode[],
  between: readonly LinkEdge[],
  blocks: Map<string, Block>,
  itemAt: Map<string, Placed>,
  size: (n: MapNode) => Size,
  settings: LayoutSettings,
): Drawing {
  const stage = groupStage(doc, assets, between, size, (members, links) => layOutUnits(members, links, blocks, itemAt, settings));
  const units = unitBlocks(stage, blocks, itemAt);
  const drawing = layOutUnits(stage.units, stage.links, units.blocks, units.itemAt, settings);
  // Blocks the engine drew mirrored, for the links inside them drawn next.
  for (const u of stage.units) {
    const b = units.blocks.get(u.id);
    if (!b || !blocks.has(u.id)) continue;
    blocks.set(u.id, b);
    for (const it of b.items) itemAt.set(it.id, it);
  }
  placeGroups(drawing, stage, (id) => (doc.nodes[id] ? size(doc.nodes[id]) : undefined));
  return drawing;
}

/**
 * Every component through its engine. Small ones first: the largest (first in the list) is laid out last,
 * aiming at the page's shape with the area of all the others packed beside it.
 */
export function layoutComponents(components: readonly Component[], itemAt: Map<string, Placed>, settings: LayoutSettings): ComponentLayout[] {
  const gap = settings.spacing;
  const laid: ComponentLayout[] = new Array(components.length);
  let packed = 0;
  for (let i = components.length - 1; i >= 0; i--) {
    const { blocks, pairs } = components[i]!;
    const c = layoutComponent({ blocks, pairs, itemAt }, { ...settings, aspect: PAGE_ASPECT, rest: i === 0 ? packed : 0 });
    laid[i] = c;
    packed += (c.width + gap) * (c.height + gap);
  }
  return laid;
}

/** A drawing under way: positions and routes of the whole map, and its size. */
export type Drawing = LayoutResult;

const shift = (pts: Point[], dx: number, dy: number) => pts.map((q) => ({ x: q.x + dx, y: q.y + dy }));

/**
 * Components at their packed offsets: every block's asset and items, its attachment routes and the
 * component's link routes. Blocks an engine drew mirrored replace the plain ones in `blocks` and `itemAt`.
 */
export function placeComponents(
  components: readonly Component[],
  laid: readonly ComponentLayout[],
  offsets: readonly Point[],
  blocks: Map<string, Block>,
  itemAt: Map<string, Placed>,
): Drawing {
  const positions: Record<string, Point> = {};
  const routes: Record<string, Point[]> = {};
  let width = 0;
  let height = 0;
  components.forEach((component, i) => {
    const c = laid[i]!;
    const off = offsets[i]!;
    width = Math.max(width, off.x + c.width);
    height = Math.max(height, off.y + c.height);
    for (const placed of component.blocks) {
      const b = c.mirrored?.has(placed.asset.id) ? mirrorBlock(placed) : placed;
      blocks.set(b.asset.id, b);
      for (const it of b.items) itemAt.set(it.id, it);
      const p = c.at.get(b.asset.id)!;
      const ox = off.x + p.x;
      const oy = off.y + p.y;
      positions[b.asset.id] = { x: ox + b.assetAt, y: oy };
      for (const it of b.items) positions[it.id] = { x: ox + it.x, y: oy + it.y };
      for (const [key, pts] of Object.entries(b.routes)) routes[key] = shift(pts, ox, oy);
    }
    for (const [key, pts] of Object.entries(c.routes)) routes[key] = shift(pts, off.x, off.y);
  });
  return { positions, routes, width, height };
}

/** A link inside one block, drawn once the block has its place. */
function innerLinkRoute(l: LinkEdge, positions: Record<string, Point>, blocks: Map<string, Block>, itemAt: Map<string, Placed>, lr: boolean): Point[] | undefined {
  const block = blocks.get(l.fromAsset)!;
  const origin = { x: positions[l.fromAsset]!.x - block.assetAt, y: positions[l.fromAsset]!.y };
  const at = new Map([[l.fromAsset, origin]]);
  const from = rectOf(l.from, l.fromAsset, at, blocks, itemAt);
  const to = rectOf(l.to, l.toAsset, at, blocks, itemAt);
  if (!from || !to) return undefined;
  const box = { x: origin.x, y: origin.y, w: block.width, h: block.height };
  return innerRoute(from, l.from === l.fromAsset, to, l.to === l.toAsset, box, lr, block.mirrored);
}

/**
 * Nodes no block holds (an item attached to something that is not an asset or one of its weaknesses, which a
 * damaged file can carry): in a row below the rest, so that every node still has a place.
 */
function placeStrays(doc: AssetMapDoc, d: Drawing, size: (n: MapNode) => Size, spacing: number): void {
  const strays = Object.values(doc.nodes).filter((n) => !d.positions[n.id]);
  if (!strays.length) return;
  const top = d.height + spacing;
  let x = 0;
  for (const n of strays) {
    const s = size(n);
    d.positions[n.id] = { x, y: top };
    x += s.width + spacing;
    d.width = Math.max(d.width, x - spacing);
    d.height = Math.max(d.height, top + s.height);
  }
}

/** A route may run a few pixels outside every block (over a TB block's top): the drawing moved to start at 0,0. */
function toOrigin(d: Drawing): LayoutResult {
  const { positions, routes } = d;
  const r = routesBounds(routes);
  const minX = Math.min(0, r.x0);
  const minY = Math.min(0, r.y0);
  const width = Math.max(d.width, r.x1);
  const height = Math.max(d.height, r.y1);
  if (minX < 0 || minY < 0) {
    for (const p of Object.values(positions)) {
      p.x -= minX;
      p.y -= minY;
    }
    for (const key of Object.keys(routes)) routes[key] = shift(routes[key]!, -minX, -minY);
  }
  return { positions, routes, width: width - minX, height: height - minY };
}
