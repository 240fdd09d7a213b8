/**
 * The Map view: the React Flow canvas over the document. Drags (nodeDrag.ts) are shown live from session state
 * and committed as one `moveNodes` command when they end; an asset carries what hangs off it along.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  type NodeChange,
  ReactFlow,
  type ReactFlowInstance,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import { KIND_NAMES, type Point, canConnect, defaultLinkKind, getHiddenByFilter, getNeighbourhood, getTieCounts } from '../../model';
import { getGroupFrames } from '../../look';
import { collapsedStandIns, createFrameMapper, groupOfFrame } from './groupFrames';
import type { DiffMark, Ghost } from '../compare/comparison';
import { boxAt, edgeStroke, labelLines, nodeSize } from '../../look';
import { useReadOnly, useServices, useSession, useStoreState } from '../context';
import type { Actions } from '../actions';
import { edgeTypes } from './RoutedEdge';
import { nodeTypes } from './nodes';
import { type FlowEdge, type FlowNode, type ViewState, createEdgeMapper, createNodeMapper, selectedByOthers } from './toFlow';
import { Legend } from './Legend';
import { MapCanvas } from './MapCanvas';
import { boxOf } from './mapPainter';
import { NodeDrag, readNodeChanges } from './nodeDrag';
import { OverviewMap } from './OverviewMap';
import { readableViewport } from './firstView';
import type { MenuRequest } from './CanvasMenu';
import type { MenuTarget } from './canvasMenu';
import { CanvasMenu, LabelEditor, Presenter } from '../lazyParts';

/** The keys that open the context menu: the menu key, and Shift+F10. */
const isMenuKey = (e: KeyboardEvent) => e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey);
const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

const EMPTY_MAP = new Map<string, number>();
/** Links (selectable) and suggestions (which show their reason): the edges the pointer can reach. */
const isPointerEdge = (e: FlowEdge) => e.selectable !== false || !!e.data?.suggestion;

const NO_EDGES: FlowEdge[] = [];
const NO_GHOSTS: FlowNode[] = [];

/** A comparison's ghost: faded, where the item stood; not selectable, not in the Tab order (the list reaches it). */
function ghostNode(g: Ghost): FlowNode {
  const size = nodeSize(g.node);
  return {
    id: g.id,
    type: 'ghost',
    position: { x: g.node.x, y: g.node.y },
    width: size.width,
    height: size.height,
    measured: size,
    selectable: false,
    draggable: false,
    connectable: false,
    focusable: false,
    zIndex: 1,
    ariaLabel: `${g.node.label.slice(0, 200)} (${KIND_NAMES[g.node.kind]}): ${g.words}`,
    domAttributes: { title: g.words },
    data: { node: g.node, lines: labelLines(g.node), badge: 0, dimmed: false, diff: { status: g.status, words: g.words } },
  };
}
/** Below this zoom labels are too small to read: they are not drawn. */
const FAR_ZOOM = 0.3;
/**
 * A map with more nodes than this is large: React Flow renders only the nodes in view, and far out (the
 * overview) none at all: the map canvas paints them.
 */
const LARGE = 1500;
/**
 * With more nodes than this React Flow renders only those in view: a drag on a 100-asset map (650 nodes) took
 * 67 ms a frame with every node in the page and 17 ms with those in view (BENCHMARKS.md). Keyboard users reach
 * the others with Find on map (Ctrl+F), which brings them into view, or from the worksheet.
 */
const MANY = 400;
/** Fit with room at the top for the legend strip; hidden nodes count (the overview hides them all). */
const FIT_PADDING = { top: 90, left: 20, right: 20, bottom: 20 };
const FIT = {
  padding: { top: `${FIT_PADDING.top}px`, left: `${FIT_PADDING.left}px`, right: `${FIT_PADDING.right}px`, bottom: `${FIT_PADDING.bottom}px` },
  includeHiddenNodes: true,
} as const;

/** The arrowhead of a selected "supports" edge, in its colour. */
const SUPPORTS_COLOUR = edgeStroke({ kind: 'supports' }).colour;

const selectFar = (s: { transform: [number, number, number] }) => s.transform[2] < FAR_ZOOM;

export function MapView({
  actions,
  onInstance,
  badges = EMPTY_MAP,
  extraEdges,
  suggestionsNote,
  comparison,
}: {
  /** A comparison's marks on this map's items, and ghosts of the items it does not have. */
  comparison?: { marks: ReadonlyMap<string, DiffMark>; ghosts: readonly Ghost[] };
  actions: Actions;
  /** Said beside "Show suggestions" when the map draws only some of them. */
  suggestionsNote?: string;
  onInstance: (rf: ReactFlowInstance<FlowNode, FlowEdge> | null) => void;
  badges?: ReadonlyMap<string, number>;
  extraEdges?: FlowEdge[];
}) {
  const { workspace, session } = useServices();
  const { doc } = useStoreState();
  const readOnly = useReadOnly() !== undefined;
  const selection = useSession((s) => s.selection);
  const hiddenKinds = useSession((s) => s.hiddenKinds);
  const focus = useSession((s) => s.focus);
  const people = useSession((s) => s.people);
  const others = useMemo(() => (people.length ? selectedByOthers(people) : undefined), [people]);
  const centreOn = useSession((s) => s.centreOn);
  const [dragging, setDragging] = useState<ReadonlyMap<string, Point>>(new Map());
  const drag = useRef(new NodeDrag());
  const rf = useRef<ReactFlowInstance<FlowNode, FlowEdge> | null>(null);

  const mapNodes = useMemo(createNodeMapper, []);
  const mapEdges = useMemo(createEdgeMapper, []);
  const mapFrames = useMemo(createFrameMapper, []);

  // The overview: a large map far out, until it has been fitted to the view (a map opens fitted, far out).
  const large = Object.keys(doc.nodes).length > LARGE;
  const far = useStore(selectFar);
  const [fittedFor, setFittedFor] = useState<string | null>(null);
  const overview = large && (far || fittedFor !== doc.id);

  const selectionSet = useMemo(() => new Set(selection), [selection]);
  // Focus mode (within some steps of the selection) or what an insight pointed at: the rest is faded.
  const focusMode = useSession((s) => s.focusMode);
  const focusSet = useMemo(() => (focusMode ? getNeighbourhood(doc, focusMode.ids, focusMode.steps) : new Set(focus)), [doc, focusMode, focus]);
  // While focus is on it follows the selection.
  useEffect(() => {
    const on = session.getState().focusMode;
    if (on && selection.length && selection !== on.ids) session.set({ focusMode: { ...on, ids: selection } });
  }, [selection, session]);
  // What the kind and tag filters hide.
  const tagFilter = useSession((s) => s.tagFilter);
  const kindHidden = useMemo(() => getHiddenByFilter(doc, { kinds: hiddenKinds, tag: tagFilter }), [doc, hiddenKinds, tagFilter]);
  // Size by ties: counted once per set of connections (getTieCounts), not on a drag or a rename.
  const sizeByTies = useSession((s) => s.sizeByTies);
  const edgesOfDoc = doc.edges;
  const ties = useMemo(() => (sizeByTies ? getTieCounts({ edges: edgesOfDoc }) : undefined), [sizeByTies, edgesOfDoc]);
  // What collapsed groups hide, and the cards their edges run to instead.
  const standIns = useMemo(() => collapsedStandIns(doc), [doc]);
  const view: ViewState = useMemo(
    () => ({ selection: selectionSet, hiddenKinds: new Set(hiddenKinds), focus: focusSet, badges, dragging, kindHidden, overview, others, diff: comparison?.marks, ties, standIns }),
    [selectionSet, hiddenKinds, focusSet, badges, dragging, kindHidden, overview, others, comparison?.marks, ties, standIns],
  );
  const nodes = useMemo(() => mapNodes(doc, view), [doc, view, mapNodes]);
  // Groups' frames and cards, from where their members stand (a drag under way included).
  const frames = useMemo(() => mapFrames(doc, { selection: selectionSet, dragging, focus: focusSet }), [doc, selectionSet, dragging, focusSet, mapFrames]);
  const cards = useMemo(() => frames.filter((f) => f.type === 'collapsed'), [frames]);
  // The canvas paints edges between the nodes it is given: the cards are ends too.
  const painted = useMemo(() => (cards.length ? [...cards, ...nodes] : nodes), [cards, nodes]);
  const ghosts = useMemo(() => (comparison?.ghosts.length && !overview ? comparison.ghosts.map(ghostNode) : NO_GHOSTS), [comparison?.ghosts, overview]);
  const ghostsRef = useRef(ghosts);
  ghostsRef.current = ghosts;
  // Edges do not depend on a drag (see createEdgeMapper): the same array while one goes on.
  const baseEdges = useMemo(
    () => mapEdges(doc, { selection: selectionSet, focus: focusSet, kindHidden, overview, standIns }),
    [doc, selectionSet, focusSet, kindHidden, overview, standIns, mapEdges],
  );
  const edges = useMemo(() => {
    // Suggestions to what a collapsed group hides wait until it opens.
    const shown = standIns.size && extraEdges?.length ? extraEdges.filter((e) => !standIns.has(e.source) && !standIns.has(e.target)) : extraEdges;
    const extra = shown?.length && overview ? shown.map((e) => ({ ...e, hidden: true })) : shown;
    return extra?.length ? [...baseEdges, ...extra] : baseEdges;
  }, [baseEdges, extraEdges, overview, standIns]);
  // The dragged nodes as one set for the whole gesture (the positions change every frame, the ids do not).
  const movingKey = [...dragging.keys()].join('\n');
  const moving = useMemo(() => new Set(movingKey ? movingKey.split('\n') : []), [movingKey]);
  // React Flow gets the edges the pointer reaches (links, suggestions); the canvas paints all, and an asset's
  // strengths, weaknesses and improvements are tied to it only in paint. The overview has no elements to reach:
  // none, or thousands of edge components would wake on every click (a quarter of a second for a press on a
  // 2,000-asset map).
  const flowEdges = useMemo(() => (overview ? NO_EDGES : edges.filter(isPointerEdge)), [edges, overview]);
  // During a drag on a map of many nodes, React Flow gets only the nodes near the view (a view's width and height
  // around it), the selection and what moves, and the links among them: it updates its store over every node it
  // has on each move of the pointer, and checks every link it has for visibility. The canvas paints the rest.
  const flowStore = useStoreApi<FlowNode, FlowEdge>();
  const dragActive = dragging.size > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per drag, what is near is decided when it starts
  const nearDrag = useMemo(() => {
    if (!dragActive || nodes.length <= MANY) return undefined;
    const { transform, width, height } = flowStore.getState();
    const [tx, ty, k] = transform;
    const view = { x: -tx / k - width / k, y: -ty / k - height / k, width: (3 * width) / k, height: (3 * height) / k };
    const near = new Set<string>([...selectionSet, ...dragging.keys()]);
    for (const n of nodes) {
      const { x, y } = n.position;
      const w = n.measured?.width ?? 0;
      const h = n.measured?.height ?? 0;
      if (x < view.x + view.width && x + w > view.x && y < view.y + view.height && y + h > view.y) near.add(n.id);
    }
    return near;
    // Once per drag: what is near is decided when it starts.
  }, [dragActive]);
  const rfNodes = useMemo(() => {
    const shown = nearDrag ? nodes.filter((n) => nearDrag.has(n.id)) : nodes;
    // Frames first: in the Tab order a group comes before its members. None in the overview.
    const withFrames = frames.length && !overview ? [...frames, ...shown] : shown;
    return ghosts.length ? [...ghosts, ...withFrames] : withFrames;
  }, [nodes, nearDrag, ghosts, frames, overview]);
  const rfEdges = useMemo(
    () => (nearDrag ? flowEdges.filter((e) => nearDrag.has(e.source) && nearDrag.has(e.target)) : flowEdges),
    [flowEdges, nearDrag],
  );
  const overviewRef = useRef({ overview, nodes, kindHidden });
  overviewRef.current = { overview, nodes, kindHidden };

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const { selection, moves, ended } = readNodeChanges(changes, session.getState().selection);
      if (selection) session.select(selection);
      if (moves.size === 0) return;
      const d = workspace.store.getDoc();
      // A group's frame or card carries everything it holds.
      const frameOf = (id: string) => {
        const gid = groupOfFrame(id);
        const f = gid ? getGroupFrames(d).find((g) => g.group.id === gid) : undefined;
        return f && { at: { x: f.box.x, y: f.box.y }, contents: f.contents };
      };
      const step = drag.current.step(d, moves, ended, frameOf);
      if ('live' in step) {
        setDragging(step.live);
        return;
      }
      workspace.store.dispatch('moveNodes', { positions: step.commit });
      setDragging(new Map());
    },
    [session, workspace],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      let changed = false;
      const selected = new Set(session.getState().selection);
      for (const c of changes) {
        if (c.type === 'select') {
          changed = true;
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        }
      }
      if (changed) session.select([...selected]);
    },
    [session],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const d = workspace.store.getDoc();
      const s = d.nodes[c.source];
      const t = d.nodes[c.target];
      if (!s || !t) return;
      const id = actions.connect(c.source, c.target, defaultLinkKind(s, t));
      if (id) session.select([id]);
    },
    [actions, session, workspace],
  );

  const isValidConnection = useCallback(
    (c: Connection | FlowEdge) => {
      const d = workspace.store.getDoc();
      return canConnect(d.nodes[c.source], d.nodes[c.target]);
    },
    [workspace],
  );

  // The context menu: opened with the pointer (right-click) or a key (ContextMenu, Shift+F10).
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const openedByKey = useRef(0);
  const openMenu = useCallback(
    (target: MenuTarget, at: { x: number; y: number }) => {
      const inst = rf.current;
      if (!inst) return;
      const point = inst.screenToFlowPosition(at);
      const active = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      setMenu({ target, at, point, returnTo: active });
    },
    [],
  );
  /** What a menu opened here is about: a selection of several that holds `id`, else `id` alone (then selected). */
  const targetFor = useCallback(
    (id: string): MenuTarget => {
      const selected = session.getState().selection;
      if (selected.length > 1 && selected.includes(id)) return { type: 'selection', ids: selected };
      session.select([id]);
      return workspace.store.getDoc().edges[id] ? { type: 'edge', id } : { type: 'node', id };
    },
    [session, workspace],
  );
  /** A right-click; a click the keyboard made (no pointer position) is placed by its element. */
  const pointerOpen = useCallback(
    (e: React.MouseEvent | MouseEvent, target: () => MenuTarget) => {
      e.preventDefault();
      // The key that opened the menu may also send a contextmenu event: one menu.
      if (Date.now() - openedByKey.current < 500) return;
      const el = e.target instanceof Element ? e.target.closest<HTMLElement>('.react-flow__node, .react-flow__edge') : null;
      const at = e.clientX === 0 && e.clientY === 0 ? keyAnchor(el) : { x: e.clientX, y: e.clientY };
      openMenu(target(), at);
    },
    [openMenu],
  );
  const onNodeContextMenu = useCallback((e: React.MouseEvent, n: FlowNode) => pointerOpen(e, () => targetFor(n.id)), [pointerOpen, targetFor]);
  const onEdgeContextMenu = useCallback((e: React.MouseEvent, edge: FlowEdge) => {
    if (edge.data?.suggestion) return e.preventDefault();
    pointerOpen(e, () => targetFor(edge.id));
  }, [pointerOpen, targetFor]);
  const onSelectionContextMenu = useCallback(
    (e: React.MouseEvent) => pointerOpen(e, () => ({ type: 'selection', ids: session.getState().selection })),
    [pointerOpen, session],
  );
  const onPaneContextMenu = useCallback(
    (e: React.MouseEvent | MouseEvent) =>
      pointerOpen(e, () => {
        // In the overview nodes have no elements: the menu is for what the canvas shows under the pointer.
        const { overview: on, nodes: shown, kindHidden: hiddenIds } = overviewRef.current;
        const hit = on && rf.current ? boxAt(shown.filter((n) => !hiddenIds.has(n.id)).map(boxOf), rf.current.screenToFlowPosition({ x: e.clientX, y: e.clientY })) : undefined;
        return hit ? targetFor(hit.node.id) : { type: 'canvas' };
      }),
    [pointerOpen, targetFor],
  );
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  // A double click edits the name on the map.
  const onNodeDoubleClick = useCallback(
    (_: React.MouseEvent, n: FlowNode) => {
      if (readOnlyRef.current || groupOfFrame(n.id)) return;
      session.select([n.id]);
      session.set({ labelEdit: n.id });
    },
    [session],
  );

  // The menu keys: on a node or a connection, its menu (or the selection's); elsewhere on the map, the
  // selection's menu, or the map's when nothing is selected.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isMenuKey(e) || isEditable(e.target) || document.querySelector('dialog[open]')) return;
      const el = e.target instanceof Element ? e.target : null;
      if (el?.closest('.am-context-menu')) return;
      if (el && el !== document.body && !el.closest('.am-canvas')) return;
      e.preventDefault();
      e.stopPropagation();
      const on = el?.closest<HTMLElement>('.react-flow__node, .react-flow__edge');
      const selected = session.getState().selection;
      const d = workspace.store.getDoc();
      let target: MenuTarget = { type: 'canvas' };
      let anchor: HTMLElement | null = null;
      if (on?.dataset.id) {
        target = targetFor(on.dataset.id);
        anchor = on;
      } else if (selected.length > 1) target = { type: 'selection', ids: selected };
      else if (selected.length === 1 && (d.nodes[selected[0]!] || d.edges[selected[0]!])) {
        target = targetFor(selected[0]!);
        anchor = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(selected[0]!)}"], .react-flow__edge[data-id="${CSS.escape(selected[0]!)}"]`);
      }
      openedByKey.current = Date.now();
      openMenu(target, anchor ? keyAnchor(anchor) : canvasCentre());
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [openMenu, session, targetFor, workspace]);

  // Centre on nodes when asked (search, insights, a new node).
  useEffect(() => {
    if (!centreOn || !rf.current) return;
    const d = workspace.store.getDoc();
    // Ghosts of a comparison stand where the items stood.
    const ghostAt = (id: string) => ghostsRef.current.find((g) => g.id === id)?.data.node;
    const targets = centreOn.ids.map((id) => d.nodes[id] ?? ghostAt(id)).filter((n) => !!n);
    if (!targets.length) return;
    if (centreOn.keepZoom) {
      // Something just added: leave the view alone when it is already in it, else bring it in at this zoom.
      const el = document.querySelector('.am-canvas');
      const r = el?.getBoundingClientRect();
      if (!r) return;
      const a = rf.current.screenToFlowPosition({ x: r.left, y: r.top });
      const b = rf.current.screenToFlowPosition({ x: r.right, y: r.bottom });
      const inView = targets.every((n) => {
        const s = nodeSize(n);
        return n.x >= a.x && n.y >= a.y && n.x + s.width <= b.x && n.y + s.height <= b.y;
      });
      if (inView) return;
      const n = targets[0]!;
      const s = nodeSize(n);
      void rf.current.setCenter(n.x + s.width / 2, n.y + s.height / 2, { zoom: rf.current.getZoom(), duration: 300 });
    } else if (targets.length === 1) {
      const n = targets[0]!;
      const s = nodeSize(n);
      const zoom = Math.max(rf.current.getZoom(), 0.9);
      void rf.current.setCenter(n.x + s.width / 2, n.y + s.height / 2, { zoom, duration: 300 });
    } else {
      void rf.current.fitView({ nodes: targets.map((n) => ({ id: n.id })), duration: 300, padding: 0.3, maxZoom: 1.2 });
    }
  }, [centreOn, workspace]);

  const fitRequest = useSession((s) => s.fitRequest);
  useEffect(() => {
    if (!fitRequest) return;
    // React Flow takes the new positions into its store after this render; fit once it has them.
    const t = setTimeout(() => void rf.current?.fitView({ ...FIT, duration: 300 }), 60);
    return () => clearTimeout(t);
  }, [fitRequest]);

  // Show a part of the map whole when asked (a saved view), once the map has its first view.
  const showRegion = useSession((s) => s.showRegion);
  const ready = fittedFor === doc.id;
  useEffect(() => {
    if (!showRegion || !ready || !rf.current) return;
    session.set({ showRegion: undefined });
    // After React Flow has the nodes the view's filters show.
    const t = setTimeout(() => void rf.current?.fitBounds(showRegion.region, { padding: 0.02, duration: 300 }), 30);
    return () => clearTimeout(t);
  }, [showRegion, ready, session]);
  const presenting = useSession((s) => !!s.presenting);
  const labelEdit = useSession((s) => s.labelEdit !== undefined);

  // A different map (opened, switched): its first view (firstView.ts), or the whole of a large map, far out.
  const docId = doc.id;
  const container = useRef<HTMLDivElement>(null);
  const firstViewOf = useRef({ doc, kindHidden, large });
  firstViewOf.current = { doc, kindHidden, large };
  useEffect(() => {
    let live = true;
    const t = setTimeout(async () => {
      const { doc: shown, kindHidden: hidden, large: overviewFirst } = firstViewOf.current;
      const box = container.current;
      const boxes = Object.values(shown.nodes)
        .filter((n) => !hidden.has(n.id))
        .map((n) => ({ x: n.x, y: n.y, ...nodeSize(n) }));
      const readable = !overviewFirst && box ? readableViewport(boxes, { width: box.clientWidth, height: box.clientHeight }, FIT_PADDING) : undefined;
      // React Flow's instance comes with its first render's effects: on a first visit, after this.
      for (let frame = 0; !rf.current && frame < 120 && live; frame++) await new Promise((done) => requestAnimationFrame(done));
      if (readable) await rf.current?.setViewport(readable);
      else await rf.current?.fitView(FIT);
      if (live) setFittedFor(docId);
    }, 30);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [docId]);

  // In the overview nodes have no elements: a click selects what the canvas shows under the pointer. (After
  // React Flow's own reset of the selection, which follows this handler.)
  const onPaneClick = useCallback(
    (e: React.MouseEvent) => {
      const { overview: on, nodes: shown, kindHidden: hiddenIds } = overviewRef.current;
      const hit = on && rf.current ? boxAt(shown.filter((n) => !hiddenIds.has(n.id)).map(boxOf), rf.current.screenToFlowPosition({ x: e.clientX, y: e.clientY })) : undefined;
      if (hit) queueMicrotask(() => session.select([hit.node.id]));
      else session.set({ focus: [] });
    },
    [session],
  );

  return (
    <div
      ref={container}
      className={`am-canvas${far ? ' am-far' : ''}${overview ? ' am-overview' : ''}${presenting ? ' am-presenting' : ''}`}
      // "shown" once the map's first view is in place (until then the view may still move under the pointer).
      data-view={fittedFor === doc.id ? 'shown' : 'opening'}
      aria-label="Map canvas"
      aria-description="The menu key or Shift+F10 opens the map's menu"
      role="region"
      // Reachable with Tab, so that the map's own menu (Add asset here, Paste, Auto layout) is too.
      tabIndex={0}
    >
      <ReactFlow<FlowNode, FlowEdge>
        nodes={rfNodes}
        edges={rfEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        isValidConnection={isValidConnection}
        onInit={(inst) => {
          rf.current = inst;
          onInstance(inst);
        }}
        onPaneClick={onPaneClick}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onSelectionContextMenu={onSelectionContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        onNodeDoubleClick={onNodeDoubleClick}
        connectionMode={'loose' as never}
        deleteKeyCode={null}
        selectionKeyCode={'Shift'}
        multiSelectionKeyCode={['Meta', 'Control']}
        minZoom={0.03}
        maxZoom={2.5}
        onlyRenderVisibleElements={nodes.length > MANY}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter or Space to select this item; arrow keys move it.' }}
      >
        <svg className="am-defs" aria-hidden="true">
          <defs>
            <marker id="am-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill={SUPPORTS_COLOUR} />
            </marker>
          </defs>
        </svg>
        <Background gap={24} size={1.2} color="#d7dde6" />
        <MapCanvas nodes={painted} edges={edges} kindHidden={kindHidden} overview={overview} moving={moving} />
        <OverviewMap nodes={nodes} kindHidden={kindHidden} settled={dragging.size === 0} />
        <Controls showInteractive={false} aria-label="Zoom controls" fitViewOptions={FIT} />
        <Legend suggestionsNote={suggestionsNote} overview={overview} />
        {labelEdit && (
          <Suspense fallback={null}>
            <LabelEditor />
          </Suspense>
        )}
      </ReactFlow>
      {menu && (
        <Suspense fallback={null}>
          <CanvasMenu request={menu} actions={actions} onClose={() => setMenu(null)} />
        </Suspense>
      )}
      {presenting && (
        <Suspense fallback={null}>
          <Presenter container={container} />
        </Suspense>
      )}
    </div>
  );
}

/** The middle of the map's canvas on the screen: where a menu opened with a key on the canvas goes. */
function canvasCentre(): { x: number; y: number } {
  const r = document.querySelector('.am-canvas')?.getBoundingClientRect();
  return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
}

/** Where a menu opened with a key on an element goes: under its start, inside the canvas. */
function keyAnchor(el: Element | null): { x: number; y: number } {
  if (!el) return canvasCentre();
  const r = el.getBoundingClientRect();
  const c = document.querySelector('.am-canvas')?.getBoundingClientRect();
  const x = r.left + Math.min(16, r.width / 2);
  const y = r.bottom + 4;
  if (!c) return { x, y };
  return { x: Math.max(c.left, Math.min(x, c.right - 16)), y: Math.max(c.top, Math.min(y, c.bottom - 16)) };
}
