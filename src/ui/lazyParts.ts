/**
 * The parts of the app a first view does not show — the Worksheet, Insights and Reflect views, the dialogs, the
 * side panel's fields for what is selected, the map's menu, its name editor and Present — load when first wanted, so that the first visit's JavaScript is the
 * map's. They are fetched when the page is idle after it has drawn, so that switching to one shows it at once
 * all the same.
 */
import { type ComponentType, createElement, lazy, useState } from 'react';
import { whenIdle } from './idle';
import { loadSheets } from './loadSheets';
import { loadShower } from './compare/comparison';

const load = {
  worksheet: () => import('./worksheet/WorksheetView'),
  insights: () => import('./insights/InsightsView'),
  reflect: () => import('./reflect/ReflectView'),
  maps: () => import('./MapsDialog'),
  exportDialog: () => import('./ExportDialog'),
  importDialog: () => import('./ImportDialog'),
  replaceDialog: () => import('./ReplaceDialog'),
  reviews: () => import('./compare/ReviewDialogs'),
  comparePanel: () => import('./compare/ComparePanel'),
  views: () => import('./views/ViewDialogs'),
  details: () => import('./panel/DetailPanels'),
  menu: () => import('./map/CanvasMenu'),
  labelEditor: () => import('./map/LabelEditor'),
  presenter: () => import('./views/Presenter'),
  comparison: loadShower,
  share: () => import('./share/ShareDialog'),
};


/**
 * A part loaded on demand. Once its code is there (fetched ahead, or shown once), it renders at once, like any
 * component: React's `lazy` alone waits a turn before each part's first showing even then, and keys typed
 * meanwhile (a new asset's name, straight after adding it) would go nowhere. A part first shown before its code
 * arrived stays the lazy one for as long as it is shown, so that it keeps its state when the code comes.
 */
function part<M, P extends object>(loader: () => Promise<M>, pick: (m: M) => ComponentType<P>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  const fetch = () => loader().then((m) => (loaded = pick(m)));
  const Lazy = lazy(() => fetch().then((c) => ({ default: c })));
  fetchers.set(loader, [...(fetchers.get(loader) ?? []), fetch]);
  return function Part(props: P) {
    const [Shown] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Shown, props);
  };
}
const fetchers = new Map<() => Promise<unknown>, (() => Promise<unknown>)[]>();

/** Fetches a module and makes the parts it holds ready to render at once. */
const prefetch = (loader: () => Promise<unknown>) => Promise.all((fetchers.get(loader) ?? [loader]).map((f) => f()));

export const WorksheetView = part(load.worksheet, (m) => m.WorksheetView);
export const InsightsView = part(load.insights, (m) => m.InsightsView);
export const ReflectView = part(load.reflect, (m) => m.ReflectView);
export const MapsDialog = part(load.maps, (m) => m.MapsDialog);
export const ExportDialog = part(load.exportDialog, (m) => m.ExportDialog);
export const ImportDialog = part(load.importDialog, (m) => m.ImportDialog);
export const SaveReviewDialog = part(load.reviews, (m) => m.SaveReviewDialog);
export const CompareDialog = part(load.reviews, (m) => m.CompareDialog);
export const ComparePanel = part(load.comparePanel, (m) => m.ComparePanel);
export const SaveViewDialog = part(load.views, (m) => m.SaveViewDialog);
export const ViewsDialog = part(load.views, (m) => m.ViewsDialog);
export const SelectedPanel = part(load.details, (m) => m.SelectedPanel);
export const CanvasMenu = part(load.menu, (m) => m.CanvasMenu);
export const LabelEditor = part(load.labelEditor, (m) => m.LabelEditor);
export const Presenter = part(load.presenter, (m) => m.Presenter);
export const ShareDialog = part(load.share, (m) => m.ShareDialog);
export const ReplaceDialog = part(load.replaceDialog, (m) => m.ReplaceDialog);

/** What a click or a key can open at once: the panel for a selection, the map's menu, its name editor. */
const OPENED_BY_INPUT = [load.details, load.menu, load.labelEditor];

/**
 * Fetches every part once the page is idle (a browser without requestIdleCallback waits a little instead), and
 * the parts a click or key opens at once as soon as the user first clicks or presses a key, should that come
 * first: a keyboard user who adds an asset straight away types its name into the panel's field.
 */
export function prefetchWhenIdle(): () => void {
  const onInput = () => {
    stopListening();
    for (const f of OPENED_BY_INPUT) void prefetch(f).catch(() => undefined);
  };
  const stopListening = () => {
    window.removeEventListener('keydown', onInput, true);
    window.removeEventListener('pointerdown', onInput, true);
  };
  window.addEventListener('keydown', onInput, true);
  window.addEventListener('pointerdown', onInput, true);
  const cancel = whenIdle(() => {
    stopListening();
    for (const f of Object.values(load)) void prefetch(f).catch(() => undefined);
    void loadSheets().catch(() => undefined);
  }, 4000);
  return () => {
    stopListening();
    cancel();
  };
}
