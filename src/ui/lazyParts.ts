/**
 * The parts of the app a first view does not show — the Worksheet, Insights and Reflect views and the dialogs —
 * load when first wanted, so that the first visit's JavaScript is the map's. They are fetched when the page is
 * idle after it has drawn, so that switching to one shows it at once all the same.
 */
import { lazy } from 'react';
import { whenIdle } from './idle';
import { loadSheets } from './loadSheets';

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
};

export const WorksheetView = lazy(() => load.worksheet().then((m) => ({ default: m.WorksheetView })));
export const InsightsView = lazy(() => load.insights().then((m) => ({ default: m.InsightsView })));
export const ReflectView = lazy(() => load.reflect().then((m) => ({ default: m.ReflectView })));
export const MapsDialog = lazy(() => load.maps().then((m) => ({ default: m.MapsDialog })));
export const ExportDialog = lazy(() => load.exportDialog().then((m) => ({ default: m.ExportDialog })));
export const ImportDialog = lazy(() => load.importDialog().then((m) => ({ default: m.ImportDialog })));
export const SaveReviewDialog = lazy(() => load.reviews().then((m) => ({ default: m.SaveReviewDialog })));
export const CompareDialog = lazy(() => load.reviews().then((m) => ({ default: m.CompareDialog })));
export const ComparePanel = lazy(() => load.comparePanel().then((m) => ({ default: m.ComparePanel })));
export const SaveViewDialog = lazy(() => load.views().then((m) => ({ default: m.SaveViewDialog })));
export const ViewsDialog = lazy(() => load.views().then((m) => ({ default: m.ViewsDialog })));
export const ReplaceDialog = lazy(() => load.replaceDialog().then((m) => ({ default: m.ReplaceDialog })));

/** Fetches every part once the page is idle (a browser without requestIdleCallback waits a little instead). */
export function prefetchWhenIdle(): () => void {
  return whenIdle(() => {
    for (const f of [...Object.values(load), loadSheets]) void f().catch(() => undefined);
  }, 4000);
}
