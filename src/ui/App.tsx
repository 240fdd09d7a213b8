/** The application shell: toolbar, tabs, the current view, the side panel, messages and dialogs. */
import { Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import { ReactFlowProvider, type ReactFlowInstance } from '@xyflow/react';
import { useServices, useSession, useStoreState } from './context';
import { createActions } from './actions';
import { type LayoutAhead, layOutAhead } from './layoutAhead';
import { Toolbar } from './Toolbar';
import { MapView } from './map/MapView';
import { SidePanel } from './panel/SidePanel';
import { StorageWatch } from './StorageWatch';
import { Notices } from './Notices';
import { SearchBox } from './SearchBox';
import { useFindings } from './useFindings';
import type { Finding } from '../analysis';
import { getOwningAsset, isAsset } from '../model';
import { nodeSize } from '../look/measure';
import type { FlowEdge, FlowNode } from './map/toFlow';
import { groupOfFrame } from './map/groupFrames';
import type { TabId } from './session';
import { routeFieldHistory } from './fieldUndo';
import { ComparePanel, CompareDialog, ExportDialog, ImportDialog, InsightsView, MapsDialog, ReflectView, ReplaceDialog, SaveReviewDialog, SaveViewDialog, ViewsDialog, WorksheetView, prefetchWhenIdle } from './lazyParts';
import { ViewsBar } from './views/ViewsBar';
import { type DiffMark, type Ghost, useComparison } from './compare/comparison';

const TABS: { id: TabId; label: string }[] = [
  { id: 'map', label: 'Map' },
  { id: 'worksheet', label: 'Worksheet' },
  { id: 'insights', label: 'Insights' },
  { id: 'reflect', label: 'Reflect' },
];

const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function App() {
  const services = useServices();
  const { workspace, session } = services;
  const tab = useSession((s) => s.tab);
  const mapsOpen = useSession((s) => s.mapsOpen);
  const pendingImport = useSession((s) => !!s.pendingImport);
  const pendingReplace = useSession((s) => !!s.pendingReplace);
  // What the first view does not show loads when the page is idle.
  useEffect(() => prefetchWhenIdle(), []);
  const exportOpen = useSession((s) => s.exportOpen);
  const exportArea = useSession((s) => s.exportArea);
  const saveViewOpen = useSession((s) => !!s.saveViewOpen);
  const viewsOpen = useSession((s) => !!s.viewsOpen);
  const reviewOpen = useSession((s) => !!s.reviewOpen);
  const compareOpen = useSession((s) => s.compareOpen);
  const comparison = useComparison();
  const rf = useRef<ReactFlowInstance<FlowNode, FlowEdge> | null>(null);
  // Auto layout answers at once: the map's layout is worked out while it stands still (layoutAhead.ts).
  const ahead = useRef<LayoutAhead | undefined>(undefined);
  useEffect(() => {
    const started = layOutAhead(services.workspace.store);
    ahead.current = started;
    return () => {
      started.stop();
      if (ahead.current === started) ahead.current = undefined;
    };
  }, [services]);

  const actions = useMemo(
    () =>
      // Where a new asset goes: under the selected asset when it is in view (so that assets added one after
      // another line up), else the middle of the view.
      createActions(services, () => {
        const inst = rf.current;
        const el = document.querySelector('.am-canvas');
        if (!inst || !el) return undefined;
        const r = el.getBoundingClientRect();
        const a = inst.screenToFlowPosition({ x: r.left, y: r.top });
        const b = inst.screenToFlowPosition({ x: r.right, y: r.bottom });
        const [id, ...more] = services.session.getState().selection;
        const picked = id && !more.length ? services.workspace.store.getDoc().nodes[id] : undefined;
        if (isAsset(picked) && picked.x >= a.x && picked.y >= a.y && picked.x <= b.x && picked.y <= b.y) {
          const s = nodeSize(picked);
          return { x: picked.x + s.width / 2, y: picked.y + s.height / 2 };
        }
        return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      }, () => ahead.current),
    [services],
  );
  // The part of the map the canvas shows, in map coordinates (for "Current view" exports).
  const getViewRegion = useCallback(() => {
    const inst = rf.current;
    const el = document.querySelector('.am-canvas');
    if (!inst || !el) return undefined;
    const r = el.getBoundingClientRect();
    const a = inst.screenToFlowPosition({ x: r.left, y: r.top });
    const b = inst.screenToFlowPosition({ x: r.right, y: r.bottom });
    return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
  }, []);
  const onInstance = useCallback((inst: ReactFlowInstance<FlowNode, FlowEdge> | null) => {
    rf.current = inst;
  }, []);

  // Keyboard shortcuts that work everywhere but in text fields (which keep their own undo).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !isEditable(e.target)) {
        e.preventDefault();
        if (e.shiftKey) workspace.store.redo();
        else workspace.store.undo();
      } else if (mod && key === 'p' && session.getState().tab === 'map') {
        // The map prints as the exports draw it, fitted to the page (printMap.ts).
        e.preventDefault();
        const doc = workspace.store.getDoc();
        void import('./printMap').then((m) => m.printMap(doc));
      } else if (mod && key === 'd' && !isEditable(e.target) && session.getState().tab === 'map' && !workspace.store.getState().readOnly) {
        e.preventDefault();
        actions.duplicateSelection();
      } else if (mod && key === 'y' && !isEditable(e.target)) {
        e.preventDefault();
        workspace.store.redo();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !isEditable(e.target) && session.getState().tab === 'map') {
        if (session.getState().selection.length) {
          e.preventDefault();
          actions.deleteSelection();
        }
      } else if (e.key === 'Escape' && !isEditable(e.target) && session.getState().focusMode && !document.querySelector('dialog[open]')) {
        // Escape leaves focus mode (the selection stays).
        session.set({ focusMode: undefined });
      } else if (e.key === 'Escape' && !isEditable(e.target) && session.getState().focus.length) {
        session.set({ focus: [], selection: [] });
      }
    };
    // Before React Flow's own handler on the node (which selects it on Enter), so that "Enter on a node already
    // selected" means what the user saw.
    const onKeyFirst = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target) || session.getState().tab !== 'map' || document.querySelector('dialog[open]')) return;
      onMapKey(e);
    };
    /**
     * On the map: F2 (or Enter on a node already selected) edits its name in place (on a read-only map, goes to
     * its fields); + − and 0 zoom and fit.
     */
    const onMapKey = (e: KeyboardEvent) => {
      if (e.target instanceof Element && e.target.closest('.am-context-menu')) return;
      // A button inside a node (a group's Collapse) is the button's own.
      const nodeEl = e.target instanceof HTMLElement && !(e.target instanceof HTMLButtonElement) ? e.target.closest<HTMLElement>('.react-flow__node') : null;
      const selected = session.getState().selection;
      // F2 with one node selected and the focus on nothing in particular (after a click on the map) edits it too.
      const onMap = !nodeEl && (e.target === document.body || (e.target instanceof Element && !!e.target.closest('.am-canvas')));
      const id = nodeEl?.dataset.id ?? (onMap && e.key === 'F2' && selected.length === 1 && workspace.store.getDoc().nodes[selected[0]!] ? selected[0] : undefined);
      if (id && (e.key === 'F2' || (e.key === 'Enter' && selected.includes(id)))) {
        e.preventDefault();
        e.stopPropagation();
        session.select([id]);
        // A group is renamed in the side panel.
        if (!workspace.store.getState().readOnly && !groupOfFrame(id)) session.set({ labelEdit: id });
        else requestAnimationFrame(() => document.querySelector<HTMLElement>('.am-panel .am-panel-body :is(input, textarea, select)')?.focus());
        if (groupOfFrame(id)) requestAnimationFrame(() => document.querySelector<HTMLElement>('.am-panel .am-panel-body input')?.focus());
        return;
      }
      const inst = rf.current;
      if (!inst) return;
      if (e.key === '+' || e.key === '=') inst.zoomIn({ duration: 150 });
      else if (e.key === '-' || e.key === '_') inst.zoomOut({ duration: 150 });
      else if (e.key === '0') session.fit();
      else return;
      e.preventDefault();
    };
    // Copy, cut and paste of the selection on the map (fields keep their own).
    const onClipboard = (e: ClipboardEvent) => {
      if (!e.clipboardData || isEditable(e.target) || session.getState().tab !== 'map') return;
      const done =
        e.type === 'paste'
          ? !workspace.store.getState().readOnly && actions.pasteSelection(e.clipboardData)
          : actions.copySelection(e.clipboardData, e.type === 'cut' && !workspace.store.getState().readOnly);
      if (done) e.preventDefault();
    };
    for (const type of ['copy', 'cut', 'paste'] as const) window.addEventListener(type, onClipboard);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keydown', onKeyFirst, true);
    // Fields that edit the map undo as the toolbar does (fieldUndo.ts).
    const unrouteFields = routeFieldHistory(window, workspace.store);
    return () => {
      for (const type of ['copy', 'cut', 'paste'] as const) window.removeEventListener(type, onClipboard);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keydown', onKeyFirst, true);
      unrouteFields();
    };
  }, [actions, session, workspace]);

  // Save what is pending when the page goes away (a journal first: the tab may close before a write ends).
  useEffect(() => {
    const flush = () => workspace.flushOnExit();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [workspace]);

  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -2;
    if (next === -2) return;
    e.preventDefault();
    const t = TABS[(next + TABS.length) % TABS.length]!;
    session.set({ tab: t.id });
    document.getElementById(`tab-${t.id}`)?.focus();
  };

  return (
    <ReactFlowProvider>
      <div
        className="am-app"
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) e.preventDefault();
        }}
        onDrop={(e) => {
          const file = e.dataTransfer.files[0];
          if (!file) return;
          e.preventDefault();
          void actions.openFile(file);
        }}
      >
        <Toolbar actions={actions} />
        <div className="am-tabbar">
        <nav className="am-tabs" role="tablist" aria-label="Views">
          {TABS.map((t, i) => (
            <button
              key={t.id}
              id={`tab-${t.id}`}
              role="tab"
              type="button"
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => session.set({ tab: t.id })}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t.label}
            </button>
          ))}
        </nav>
        <ViewsBar />
        <SearchBox />
        </div>
        <main className="am-main">
          <section id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="am-view">
            {tab === 'map' && <MapWithInsights actions={actions} onInstance={onInstance} comparison={comparison} />}
            {tab === 'map' && (
              <p className="am-print-hint">
                The map prints from the Map tab with Ctrl+P (fitted to the page, with its title and legend), or as a PDF
                with Export.
              </p>
            )}
            <Suspense fallback={<p className="am-loading">Loading…</p>}>
              {tab === 'worksheet' && <WorksheetView actions={actions} />}
              {tab === 'insights' && <InsightsView actions={actions} />}
              {tab === 'reflect' && <ReflectView />}
            </Suspense>
          </section>
          {tab === 'map' && !comparison && <SidePanel actions={actions} />}
          {tab === 'map' && comparison && (
            <Suspense fallback={<p className="am-loading">Loading…</p>}>
              <ComparePanel comparison={comparison} />
            </Suspense>
          )}
        </main>
        <Notices />
        <StorageWatch actions={actions} />
        <Suspense fallback={null}>
          {mapsOpen && <MapsDialog />}
          {pendingImport && <ImportDialog actions={actions} />}
          {pendingReplace && <ReplaceDialog actions={actions} />}
          {reviewOpen && <SaveReviewDialog />}
          {compareOpen && <CompareDialog initialBefore={compareOpen.before} />}
          {exportOpen && <ExportDialog getViewRegion={getViewRegion} initialArea={exportArea} onClose={() => session.set({ exportOpen: false, exportArea: undefined })} />}
          {saveViewOpen && <SaveViewDialog getViewRegion={getViewRegion} />}
          {viewsOpen && <ViewsDialog />}
        </Suspense>
      </div>
    </ReactFlowProvider>
  );
}

/** The map with what the analysis adds: badges on assets and, when wanted, suggested connections as faint edges. */
function MapWithInsights(props: {
  actions: ReturnType<typeof createActions>;
  onInstance: (rf: ReactFlowInstance<FlowNode, FlowEdge> | null) => void;
  comparison?: { marks: ReadonlyMap<string, DiffMark>; ghosts: readonly Ghost[] };
}) {
  const { findings, badges } = useFindings();
  const { doc } = useStoreState();
  const show = useSession((s) => s.showSuggestions);
  const selection = useSession((s) => s.selection);
  // Weak matches wait behind "Show more" in Insights, and stay off the map.
  const suggested = useMemo(() => findings.filter((f) => f.accept && f.grade !== 'weak'), [findings]);
  const many = suggested.length > SUGGESTIONS_DRAWN;
  const extraEdges = useMemo(() => {
    if (!show) return undefined;
    if (!many) return suggested.map(suggestionEdge);
    // Too many to draw them all: those of the selected assets (and of what hangs off them).
    const selected = new Set(selection);
    const touches = (id: string) => selected.has(id) || selected.has(getOwningAsset(doc, id)?.id ?? '');
    return suggested.filter((f) => touches(f.accept!.source) || touches(f.accept!.target)).map(suggestionEdge);
  }, [suggested, many, show, selection, doc]);
  const note = show && many ? `${suggested.length.toLocaleString('en-US')} in all: shown for the selection` : undefined;
  return <MapView {...props} badges={badges} extraEdges={extraEdges} suggestionsNote={note} />;
}

/** More suggested connections than this and the map draws only the selection's: all of them would bury it. */
const SUGGESTIONS_DRAWN = 40;

function suggestionEdge(f: Finding): FlowEdge {
  const a = f.accept!;
  return {
    id: `suggestion:${f.id}`,
    source: a.source,
    target: a.target,
    type: 'routed',
    selectable: false,
    deletable: false,
    // Listed, with Accept and Dismiss, in Insights: not in the map's Tab order, which goes to the assets.
    focusable: false,
    // With the links, under the nodes.
    zIndex: 1,
    ariaLabel: `Suggested connection: ${f.reason}`,
    data: { kind: a.kind, dimmed: false, suggestion: { reason: f.reason, findingId: f.id } },
  };
}
