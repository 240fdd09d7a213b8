/**
 * What runLayout and the layout worker (layout.worker.ts) say to each other: every request carries an id and
 * gets one reply with that id.
 *
 * Both directions go packed into columns: arrays of strings and typed arrays, and the reply's numbers are
 * transferred, not copied. Copying a message costs the main thread (serialising a request, reading a reply),
 * and for a 2,000-asset map object by object that was 70 ms of reading alone; packed, about a quarter.
 * A worker cannot receive functions either, so node sizes travel as numbers, not as `sizeOf`.
 */
import type { AssetKind, AssetMapDoc, EdgeKind, LayoutDirection, MapNode, Point } from '../model';
import type { LayoutOptions, LayoutResult } from './layoutMap';
import type { Size } from '../look/measure';

/** What the layout reads of a document and its options, in columns. */
export interface PackedInput {
  direction: LayoutDirection;
  spacing: number;
  ids: string[];
  kinds: MapNode['kind'][];
  labels: string[];
  /** '' for an asset. */
  attachedTo: string[];
  order: Float64Array;
  /** Width and height of node i at 2i and 2i + 1; NaN where the size is to be computed from the label. */
  sizes?: Float64Array;
  edgeIds: string[];
  edgeKinds: EdgeKind[];
  sources: string[];
  targets: string[];
  /** A map with groups: each node's group ('' for none), and the groups with their names and states. */
  nodeGroups?: string[];
  groups?: { ids: string[]; names: string[]; collapsed: boolean[] };
}

export interface PackedResult {
  ids: string[];
  /** x and y of node i at 2i and 2i + 1. */
  xy: Float64Array;
  routeIds: string[];
  /** Route i is points start[i] .. start[i + 1] - 1, each at 2k and 2k + 1 in `points`. */
  start: Int32Array;
  points: Float64Array;
  width: number;
  height: number;
}

export interface LayoutRequest {
  id: number;
  input: PackedInput;
}

export type LayoutReply = { id: number; result: PackedResult } | { id: number; error: string };

export function packInput(doc: AssetMapDoc, direction: LayoutDirection, spacing: number, sizeOf?: (n: MapNode) => Size | undefined): PackedInput {
  const nodes = Object.values(doc.nodes);
  const edges = Object.values(doc.edges);
  const order = new Float64Array(nodes.length);
  const sizes = sizeOf ? new Float64Array(2 * nodes.length) : undefined;
  nodes.forEach((n, i) => {
    order[i] = n.order;
    if (!sizes) return;
    const s = sizeOf!(n);
    sizes[2 * i] = s ? s.width : NaN;
    sizes[2 * i + 1] = s ? s.height : NaN;
  });
  return {
    direction,
    spacing,
    ids: nodes.map((n) => n.id),
    kinds: nodes.map((n) => n.kind),
    labels: nodes.map((n) => n.label),
    attachedTo: nodes.map((n) => ('attachedTo' in n ? n.attachedTo : '')),
    order,
    ...(sizes ? { sizes } : {}),
    edgeIds: edges.map((e) => e.id),
    edgeKinds: edges.map((e) => e.kind),
    sources: edges.map((e) => e.source),
    targets: edges.map((e) => e.target),
    ...(doc.groups ? packGroups(doc, nodes) : {}),
  };
}

function packGroups(doc: AssetMapDoc, nodes: MapNode[]): Pick<PackedInput, 'nodeGroups' | 'groups'> {
  const groups = Object.values(doc.groups ?? {});
  return {
    nodeGroups: nodes.map((n) => ('group' in n && n.group) || ''),
    groups: { ids: groups.map((g) => g.id), names: groups.map((g) => g.name), collapsed: groups.map((g) => !!g.collapsed) },
  };
}

/** A document with just what the layout reads, and options with sizes as a plain map. */
export function unpackInput(input: PackedInput): { doc: AssetMapDoc; options: LayoutOptions } {
  const nodes: AssetMapDoc['nodes'] = {};
  const sizes: Record<string, Size> = {};
  input.ids.forEach((id, i) => {
    const base = { id, label: input.labels[i]!, x: 0, y: 0, order: input.order[i]! };
    const kind = input.kinds[i]!;
    const attachedTo = input.attachedTo[i]!;
    if (kind === 'improvement') nodes[id] = { ...base, kind, attachedTo, status: 'idea' };
    else if (kind === 'strength' || kind === 'weakness') nodes[id] = { ...base, kind, attachedTo };
    else {
      const group = input.nodeGroups?.[i];
      nodes[id] = { ...base, kind: kind as AssetKind, ...(group ? { group } : {}) };
    }
    const w = input.sizes?.[2 * i];
    const h = input.sizes?.[2 * i + 1];
    if (w !== undefined && h !== undefined && !Number.isNaN(w) && !Number.isNaN(h)) sizes[id] = { width: w, height: h };
  });
  const edges: AssetMapDoc['edges'] = {};
  input.edgeIds.forEach((id, i) => {
    edges[id] = { id, kind: input.edgeKinds[i]!, source: input.sources[i]!, target: input.targets[i]! };
  });
  const doc: AssetMapDoc = {
    id: 'layout',
    title: '',
    created: '',
    nodes,
    edges,
    routes: {},
    layout: { direction: input.direction, spacing: input.spacing },
    reflect: {},
    dismissed: {},
  };
  if (input.groups) {
    const { ids, names, collapsed } = input.groups;
    doc.groups = Object.fromEntries(ids.map((id, i) => [id, { id, name: names[i]!, ...(collapsed[i] ? { collapsed: true } : {}) }]));
  }
  return { doc, options: { direction: input.direction, spacing: input.spacing, ...(input.sizes ? { sizes } : {}) } };
}

export function packResult(result: LayoutResult): PackedResult {
  const ids = Object.keys(result.positions);
  const xy = new Float64Array(2 * ids.length);
  ids.forEach((id, i) => {
    const p = result.positions[id]!;
    xy[2 * i] = p.x;
    xy[2 * i + 1] = p.y;
  });
  const routeIds = Object.keys(result.routes);
  const start = new Int32Array(routeIds.length + 1);
  let total = 0;
  routeIds.forEach((id, i) => {
    start[i] = total;
    total += result.routes[id]!.length;
  });
  start[routeIds.length] = total;
  const points = new Float64Array(2 * total);
  routeIds.forEach((id, i) => {
    result.routes[id]!.forEach((p, k) => {
      points[2 * (start[i]! + k)] = p.x;
      points[2 * (start[i]! + k) + 1] = p.y;
    });
  });
  return { ids, xy, routeIds, start, points, width: result.width, height: result.height };
}

export function unpackResult(packed: PackedResult): LayoutResult {
  const positions: Record<string, Point> = {};
  packed.ids.forEach((id, i) => (positions[id] = { x: packed.xy[2 * i]!, y: packed.xy[2 * i + 1]! }));
  const routes: Record<string, Point[]> = {};
  packed.routeIds.forEach((id, i) => {
    const route: Point[] = [];
    for (let k = packed.start[i]!; k < packed.start[i + 1]!; k++) route.push({ x: packed.points[2 * k]!, y: packed.points[2 * k + 1]! });
    routes[id] = route;
  });
  return { positions, routes, width: packed.width, height: packed.height };
}
