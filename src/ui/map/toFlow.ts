/**
 * The React Flow view of a document: nodes and edges computed from it, never a second copy of the truth.
 * Flow objects are cached per document node, so that an edit or a drag makes new objects only for what
 * changed and memoised node components do not re-render.
 */
import { type Edge, type Node, Position } from '@xyflow/react';
import {
  type AssetKind,
  type AssetMapDoc,
  type MapNode,
  type Point,
  KIND_NAMES,
  type TieCounts,
  getOwningAsset,
  isAsset,
} from '../../model';
import { type DrawnEdge, type DrawnEdgeKind, type RouteAnchor, getDrawnEdges, labelLines, nodeSize, tieScale } from '../../look';

/** The nodes' layer: above both edge layers (attachments at 0, links at 1). */
const NODE_Z = 2;

/** Someone else on a shared map who has a node selected. */
export interface SelectedBy {
  name: string;
  colour: string;
}

/** Node id → the others who have it selected, from the people on a shared map. */
export function selectedByOthers(people: readonly { name: string; colour: string; selection: readonly string[] }[]): ReadonlyMap<string, readonly SelectedBy[]> {
  const out = new Map<string, SelectedBy[]>();
  for (const p of people) {
    for (const id of p.selection) {
      const list = out.get(id);
      if (list) list.push({ name: p.name, colour: p.colour });
      else out.set(id, [{ name: p.name, colour: p.colour }]);
    }
  }
  return out;
}

/** Words for the others who have a node selected: its title and its accessible description. */
export const selectedByWords = (by: readonly SelectedBy[]) => `Selected by ${by.map((b) => b.name).join(', ')}`;

export interface MapNodeData extends Record<string, unknown> {
  node: MapNode;
  lines: string[];
  badge: number;
  dimmed: boolean;
  /** In a comparison: what happened to it, in words (see ui/compare/comparison.ts). */
  diff?: { status: 'added' | 'removed' | 'changed' | 'moved'; words: string };
  /** Size by ties: how much larger than its own size the card is drawn, from its top-left corner. */
  scale?: number;
  /** A group's frame or card (groupFrames.ts): `node` then only stands in for it. */
  group?: { id: string; name: string; count: number; collapsed: boolean };
}

export interface MapEdgeData extends Record<string, unknown> {
  kind: DrawnEdgeKind;
  /** The route from the last auto layout, and where its ends stood then (see `currentRoute`). */
  points?: Point[];
  at?: RouteAnchor;
  tie?: string;
  label?: string;
  dimmed: boolean;
  suggestion?: { reason: string; findingId: string };
}

export type FlowNode = Node<MapNodeData, 'asset' | 'item' | 'ghost' | 'frame' | 'collapsed'>;
export type FlowEdge = Edge<MapEdgeData, 'routed'>;

export interface ViewState {
  selection: ReadonlySet<string>;
  hiddenKinds: ReadonlySet<AssetKind>;
  focus: ReadonlySet<string>;
  badges: ReadonlyMap<string, number>;
  /** Positions of nodes being dragged, over the document's. */
  dragging: ReadonlyMap<string, Point>;
  /** Nodes hidden by the kind filter (see `hiddenByKind`). */
  kindHidden: ReadonlySet<string>;
  /** Far out on a large map: the map canvas draws every node, and React Flow none. */
  overview: boolean;
  /** On a shared map, what the others have selected (see `selectedByOthers`). */
  others?: ReadonlyMap<string, readonly SelectedBy[]>;
  /** In a comparison, the items of this map that were added, changed or moved. */
  diff?: ReadonlyMap<string, NonNullable<MapNodeData['diff']>>;
  /** Size by ties: each asset's ties (see getTieCounts); absent when assets keep their own size. */
  ties?: TieCounts;
  /** Nodes collapsed groups hide -> the id of the group's card, where their edges run (groupFrames.ts). */
  standIns?: ReadonlyMap<string, string>;
}

interface Cached {
  src: MapNode;
  key: string;
  flow: FlowNode;
}

export function ariaLabelFor(node: MapNode, owner?: MapNode): string {
  const kind = KIND_NAMES[node.kind];
  const label = node.label.length > 200 ? node.label.slice(0, 200) + '…' : node.label;
  return owner && owner !== node ? `${label} (${kind} of ${owner.label.slice(0, 80)})` : `${label} (${kind})`;
}

/**
 * Where React Flow's handles are before it has measured them (9 px, centred on the left and right sides).
 * Without them React Flow renders every node once to measure it, even with onlyRenderVisibleElements.
 */
function handlesFor(n: MapNode, size: { width: number; height: number }): FlowNode['handles'] {
  const y = size.height / 2 - 4.5;
  const target = { type: 'target' as const, position: Position.Left, x: -4.5, y, width: 9, height: 9 };
  if (!isAsset(n) && n.kind !== 'strength' && n.kind !== 'weakness') return [target];
  return [target, { type: 'source' as const, position: Position.Right, x: size.width - 4.5, y, width: 9, height: 9 }];
}

/**
 * Returns a function that maps a document and view state to flow nodes, reusing unchanged objects. When only
 * the drag changed since the last call (every frame of a drag), only the dragged nodes are looked at.
 */
export function createNodeMapper() {
  let cache = new Map<string, Cached>();
  let last: { doc: AssetMapDoc; view: ViewState; out: FlowNode[]; index: Map<string, number> } | undefined;

  const mapOne = (doc: AssetMapDoc, view: ViewState, n: MapNode, into: Map<string, Cached>): FlowNode => {
    const selected = view.selection.has(n.id);
    const dimmed = view.focus.size > 0 && !view.focus.has(n.id);
    const badge = view.badges.get(n.id) ?? 0;
    const hidden = view.overview || view.kindHidden.has(n.id) || !!view.standIns?.has(n.id);
    const drag = view.dragging.get(n.id);
    const by = view.others?.get(n.id);
    const byKey = by ? by.map((b) => `${b.colour}${b.name}`).join('|') : '';
    const mark = view.diff?.get(n.id);
    const scale = view.ties && isAsset(n) ? tieScale(view.ties.counts.get(n.id) ?? 0, view.ties.max) : 1;
    const key = `${selected ? 1 : 0}${dimmed ? 1 : 0}${hidden ? 1 : 0}${badge}${drag ? `${drag.x},${drag.y}` : ''}|${byKey}|${mark ? mark.words : ''}|${scale}`;
    const prev = cache.get(n.id);
    if (prev && prev.src === n && prev.key === key) {
      into.set(n.id, prev);
      return prev.flow;
    }
    const own = nodeSize(n);
    const size = scale === 1 ? own : { width: own.width * scale, height: own.height * scale };
    const owner = isAsset(n) ? undefined : getOwningAsset(doc, n.id);
    const flow: FlowNode = {
      id: n.id,
      type: isAsset(n) ? 'asset' : 'item',
      position: drag ?? { x: n.x, y: n.y },
      width: size.width,
      height: size.height,
      measured: size,
      handles: handlesFor(n, size),
      selected,
      hidden,
      // Above every edge layer (links draw at 1, over attachment edges): under the pointer an asset wins over the
      // wide hit area of a connection that runs across it.
      zIndex: NODE_Z,
      ariaLabel: ariaLabelFor(n, owner),
      className: [dimmed && 'am-dimmed', by && 'am-selected-by-others', mark && `am-diff am-diff-${mark.status}`].filter(Boolean).join(' ') || undefined,
      // The first person's colour as the outline; more than one person, the next as a ring outside it.
      ...(by && {
        style: { outline: `3px dashed ${by[0]!.colour}`, outlineOffset: 6, ...(by[1] && { boxShadow: `0 0 0 11px ${by[1].colour}55` }) },
      }),
      ...((by || mark || n.tags?.length) && {
        domAttributes: {
          ...((by || mark) && { title: [by && selectedByWords(by), mark?.words].filter(Boolean).join('. ') }),
          'aria-description': [by && selectedByWords(by), mark?.words, n.tags?.length && `Tags: ${n.tags.join(', ')}`].filter(Boolean).join('. '),
        },
      }),
      data: { node: n, lines: labelLines(n), badge, dimmed, ...(mark && { diff: mark }), ...(scale !== 1 && { scale }) },
    };
    into.set(n.id, { src: n, key, flow });
    return flow;
  };

  return (doc: AssetMapDoc, view: ViewState): FlowNode[] => {
    const p = last?.view;
    if (
      last &&
      p &&
      last.doc === doc &&
      p.selection === view.selection &&
      p.focus === view.focus &&
      p.badges === view.badges &&
      p.kindHidden === view.kindHidden &&
      p.overview === view.overview &&
      p.others === view.others &&
      p.diff === view.diff &&
      p.ties === view.ties &&
      p.standIns === view.standIns
    ) {
      // Only the drag changed: the nodes dragged before or now.
      const out = last.out.slice();
      for (const id of new Set([...p.dragging.keys(), ...view.dragging.keys()])) {
        const i = last.index.get(id);
        const n = doc.nodes[id];
        if (i !== undefined && n) out[i] = mapOne(doc, view, n, cache);
      }
      last = { doc, view, out, index: last.index };
      return out;
    }
    const next = new Map<string, Cached>();
    const out: FlowNode[] = [];
    const index = new Map<string, number>();
    for (const n of Object.values(doc.nodes)) {
      index.set(n.id, out.length);
      out.push(mapOne(doc, view, n, next));
    }
    cache = next;
    last = { doc, view, out, index };
    return out;
  };
}

interface CachedEdge {
  src: DrawnEdge;
  route: Point[] | undefined;
  s: MapNode | undefined;
  t: MapNode | undefined;
  key: string;
  flow: FlowEdge;
}

const EDGE_WORDS: Record<DrawnEdgeKind, string> = {
  strength: 'strength of',
  weakness: 'weakness of',
  improvement: 'improves',
  relationship: 'relationship',
  supports: 'supports',
};

export function createEdgeMapper() {
  let cache = new Map<string, CachedEdge>();
  let drawnFor: AssetMapDoc['nodes'] | undefined;
  let drawnEdges: AssetMapDoc['edges'] | undefined;
  let drawn: DrawnEdge[] = [];
  return (doc: AssetMapDoc, view: Pick<ViewState, 'selection' | 'focus' | 'kindHidden' | 'overview' | 'standIns'>): FlowEdge[] => {
    if (drawnFor !== doc.nodes || drawnEdges !== doc.edges) {
      // Attachment edges follow from the nodes; recompute only when nodes or edges changed.
      const prev = new Map(drawn.map((e) => [e.id, e]));
      drawn = getDrawnEdges(doc).map((e) => {
        const p = prev.get(e.id);
        return p && p.kind === e.kind && p.source === e.source && p.target === e.target && p.tie === e.tie && p.label === e.label ? p : e;
      });
      drawnFor = doc.nodes;
      drawnEdges = doc.edges;
    }
    const next = new Map<string, CachedEdge>();
    const out: FlowEdge[] = [];
    const standIns = view.standIns;
    for (const e of drawn) {
      // An end a collapsed group hides is drawn at the group's card; an edge inside one is not drawn.
      const source = standIns?.get(e.source) ?? e.source;
      const target = standIns?.get(e.target) ?? e.target;
      if (standIns?.size && source === target) continue;
      const redirected = source !== e.source || target !== e.target;
      // The stored route, whatever is being dragged: the edge checks its ends against `at` as it draws, so a
      // drag changes no edge object.
      const route = redirected ? undefined : doc.routes[e.id];
      const selected = view.selection.has(e.id);
      const dimmed = view.focus.size > 0 && !(view.focus.has(e.source) && view.focus.has(e.target));
      const hidden = view.overview || view.kindHidden.has(e.source) || view.kindHidden.has(e.target);
      const key = `${selected ? 1 : 0}${dimmed ? 1 : 0}${hidden ? 1 : 0}${source}\u0000${target}`;
      const prev = cache.get(e.id);
      const s = doc.nodes[e.source];
      const t = doc.nodes[e.target];
      if (prev && prev.src === e && prev.route === route && prev.key === key && prev.s === s && prev.t === t) {
        next.set(e.id, prev);
        out.push(prev.flow);
        continue;
      }
      const isLink = e.kind === 'relationship' || e.kind === 'supports';
      // Links above attachment edges, both below the nodes (NODE_Z).
      const flow: FlowEdge = {
        id: e.id,
        source,
        target,
        type: 'routed',
        selected,
        hidden,
        selectable: isLink,
        // Not in the Tab order: the assets come first, and each connection is reached from its asset's fields.
        focusable: false,
        deletable: isLink,
        zIndex: isLink ? 1 : 0,
        ariaLabel: isLink
          ? `${e.kind === 'relationship' ? `${e.tie ?? 'regular'} relationship` : 'supports'}: ${s?.label.slice(0, 60)} – ${t?.label.slice(0, 60)}`
          : `${t?.label.slice(0, 60)} (${EDGE_WORDS[e.kind]} ${s?.label.slice(0, 60)})`,
        data: { kind: e.kind, points: route, at: route && s && t ? [s.x, s.y, t.x, t.y] : undefined, tie: e.tie, label: e.label, dimmed },
      };
      next.set(e.id, { src: e, route, key, s, t, flow });
      out.push(flow);
    }
    cache = next;
    return out;
  };
}
