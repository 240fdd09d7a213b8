/**
 * The map as an exported image, drawn from the document (not captured from the screen), so that the whole map
 * exports however large it is and looks like the canvas: same node sizes, wrapped lines, colours, icons and edge
 * routes. `drawMap` makes the marks (scene.ts); `renderMap` writes them as a standalone SVG, which is
 * self-contained: no scripts, no event attributes, no external references, system fonts only; every piece of
 * user text is escaped character data. The PNG export paints the same marks on a canvas (canvasPainter.ts).
 *
 * Page: optional title block, the map (all of it, or the region in view), optional legend; 1 unit = 1 CSS px.
 */
import { type Box, getDrawnEdges } from '../../look/edges';
import { ASSET_KIND_ORDER, type AssetMapDoc, type MapNode, type NodeKind, TIE_STRENGTHS, getCollapsedContents } from '../../model';
import { getGroupFrames } from '../../look/groups';
import { cardMarks, frameMarks } from './svgGroups';
import { serializeMap } from '../mapFile';
import { type DiffDrawing, diffMarks } from './svgDiff';
import { type Mark, type Scene, group } from './scene';
import { EDGE_LABEL, edgeLabelLayout, edgeLabelMarks, edgeMarks, edgeWidth } from './svgEdges';
import { type EdgeGeometry, boxCache, edgeGeometry, intersects, midpoint, pointsBox } from './svgGeometry';
import { HeaderDefs, nodeMarks } from './svgNodes';
import { type Block, type LegendEdge, legendBlock, titleBlock } from './svgChrome';
import { svgMetadata } from './svgMetadata';
import { sceneSvg } from './svgWriter';

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapSvgOptions {
  /** The part of the map to draw, in map coordinates (the current view); the whole map when absent. */
  region?: Region;
  /** Items left out of the picture (a saved view's filters), with their connections; the map carried inside stays whole. */
  hide?: readonly string[];
  background: 'white' | 'transparent';
  title: boolean;
  legend: boolean;
  /** Carry the map in the image's <metadata>, so that opening the image restores the map. */
  embed: boolean;
  /** The line under the title (a date, or what a comparison compares); today as YYYY-MM-DD when absent. */
  date?: string;
  /** A comparison to draw on the map: its marks over the items, and ghosts of the items it no longer has. */
  diff?: DiffDrawing;
}

export interface RenderedSvg {
  svg: string;
  /** Size of the image in CSS px. */
  width: number;
  height: number;
}

const MARGIN = 24;
/** Room around the drawing for strokes, arrowheads and labels at the very edge. */
const PAD = 12;
const MIN_WIDTH = 360;

const BACKGROUND = '#ffffff';

export function renderMapSvg(doc: AssetMapDoc, options: MapSvgOptions): string {
  return renderMap(doc, options).svg;
}

export function renderMap(doc: AssetMapDoc, options: MapSvgOptions): RenderedSvg {
  const scene = drawMap(doc, options);
  const metadata = options.embed ? svgMetadata(serializeMap(doc)) : '';
  return { svg: sceneSvg(scene, metadata), width: scene.width, height: scene.height };
}

/** The page as marks: title block, map, legend. */
export function drawMap(doc: AssetMapDoc, options: Omit<MapSvgOptions, 'embed'>): Scene {
  const boxOf = boxCache();
  // Groups: open ones framed, collapsed ones one card each, where the edges to what they hide run.
  const frames = getGroupFrames(doc);
  const collapsed = getCollapsedContents(doc);
  const cardOf = new Map(frames.filter((f) => f.collapsed).map((f) => [f.group.id, f.box]));
  // What a saved view's filters leave out.
  const filtered = new Set(options.hide);
  const all = Object.values(doc.nodes);
  const nodes = collapsed.size || filtered.size ? all.filter((n) => !collapsed.has(n.id) && !filtered.has(n.id)) : all;
  const endBox = (n: MapNode) => {
    const g = collapsed.get(n.id);
    return (g && cardOf.get(g)) || boxOf(n);
  };
  let drawn = getDrawnEdges(doc);
  if (collapsed.size) drawn = drawn.filter((e) => !(collapsed.has(e.source) && collapsed.get(e.source) === collapsed.get(e.target)));
  if (filtered.size) drawn = drawn.filter((e) => !filtered.has(e.source) && !filtered.has(e.target));
  const geometry = edgeGeometry(doc, drawn, endBox);
  const region = options.region && validRegion(options.region) ? options.region : undefined;
  const ghosts = options.diff?.ghosts ?? [];
  // Room for a comparison's tags above the items.
  const bounds = mapBounds([...nodes.map(boxOf), ...ghosts.map(boxOf), ...frames.map((f) => f.box)], geometry);
  const area = region ?? (options.diff ? { ...bounds, y: bounds.y - 24, height: bounds.height + 24 } : bounds);

  // Only what can show in the area is drawn, so a view of a large map stays small.
  const visibleEdges = geometry.filter((g) => intersects(grow(pointsBox(g.points), 8), area));
  const visibleNodes = nodes.filter((n) => intersects(boxOf(n), area));

  const mapWidth = Math.ceil(area.width);
  const mapHeight = Math.ceil(area.height);
  const width = Math.max(MIN_WIDTH, mapWidth + 2 * MARGIN);
  const inner = width - 2 * MARGIN;

  const title: Block | undefined = options.title ? titleBlock(doc.title, options.date ?? today(), inner) : undefined;
  const legend: Block | undefined = options.legend ? legendBlock(...legendKinds(visibleNodes.map((n) => n.kind), visibleEdges), inner) : undefined;

  const titleY = MARGIN;
  const mapY = title ? titleY + title.height + 16 : MARGIN;
  const legendY = mapY + mapHeight + 16;
  const height = Math.ceil((legend ? legendY + legend.height : mapY + mapHeight) + MARGIN);
  const mapX = MARGIN + Math.floor((inner - mapWidth) / 2);

  const marks: Mark[] = [];
  if (options.background === 'white') marks.push({ type: 'rect', x: 0, y: 0, width, height, r: 0, fill: BACKGROUND });
  if (title) marks.push(...title.draw(MARGIN, titleY));

  const headers = new HeaderDefs();
  const edgeLayer: Mark[] = [];
  for (const g of visibleEdges) edgeMarks(g, edgeLayer);
  const labelLayer: Mark[] = [];
  for (const g of visibleEdges) edgeLabelMarks(g, labelLayer);
  const diff = options.diff ? diffMarks(options.diff, doc.nodes, boxOf) : undefined;
  const visibleFrames = frames.filter((f) => intersects(f.box, area));
  const map = group(mapX - area.x, mapY - area.y, [
    group(0, 0, visibleFrames.filter((f) => !f.collapsed).flatMap(frameMarks)),
    ...(diff ? [group(0, 0, diff.ghosts)] : []),
    group(0, 0, edgeLayer),
    group(0, 0, [...visibleFrames.filter((f) => f.collapsed).flatMap(cardMarks), ...visibleNodes.map((n) => nodeMarks(n, boxOf(n), headers, boxOf.linesOf(n)))]),
    group(0, 0, labelLayer),
    ...(diff ? [group(0, 0, diff.over)] : []),
  ]);
  if (region) map.clip = { x: area.x, y: area.y, width: area.width, height: area.height };
  marks.push(map);

  if (legend) marks.push(...legend.draw(MARGIN, legendY));
  return { width, height, title: doc.title, shared: headers.toShared(), marks };
}

function validRegion(r: Region): boolean {
  return [r.x, r.y, r.width, r.height].every(Number.isFinite) && r.width > 0 && r.height > 0;
}

const grow = (b: Box, by: number): Box => ({ x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by });

/** Everything drawn: nodes, edge routes and edge label pills, with room for strokes. */
export function mapBounds(boxes: Box[], edges: EdgeGeometry[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (x: number, y: number, w: number, h: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  };
  for (const b of boxes) add(b.x, b.y, b.width, b.height);
  for (const g of edges) {
    const half = edgeWidth(g.edge) / 2;
    for (const p of g.points) add(p.x - half, p.y - half, 2 * half, 2 * half);
    if (g.edge.label) {
      const c = midpoint(g.points);
      const pill = edgeLabelLayout(g.edge.label);
      add(c.x - pill.width / 2, c.y - EDGE_LABEL.height / 2, pill.width, pill.height);
    }
  }
  if (minX === Infinity) return { x: 0, y: 0, width: 320, height: 160 };
  return { x: Math.floor(minX - PAD), y: Math.floor(minY - PAD), width: Math.ceil(maxX - minX + 2 * PAD), height: Math.ceil(maxY - minY + 2 * PAD) };
}

/** The kinds of nodes and edges in view, in the legend's order. */
function legendKinds(kinds: NodeKind[], edges: EdgeGeometry[]): [NodeKind[], LegendEdge[]] {
  const present = new Set(kinds);
  const nodeOrder: NodeKind[] = [...ASSET_KIND_ORDER, 'strength', 'weakness', 'improvement'];
  const edgeKinds = new Set(edges.map((g) => g.edge.kind));
  const ties = new Set(edges.filter((g) => g.edge.kind === 'relationship').map((g) => g.edge.tie ?? 'regular'));
  const legendEdges: LegendEdge[] = [];
  for (const kind of ['strength', 'weakness', 'improvement'] as const) if (edgeKinds.has(kind)) legendEdges.push({ kind });
  for (const tie of TIE_STRENGTHS) if (ties.has(tie)) legendEdges.push({ kind: 'relationship', tie });
  if (edgeKinds.has('supports')) legendEdges.push({ kind: 'supports' });
  return [nodeOrder.filter((k) => present.has(k)), legendEdges];
}

/** Today as YYYY-MM-DD, the date under an image's title. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
