/**
 * Saved views, between the session and the document: what the map shows now as a view to keep (its kind and tag
 * filters, its focus, the part of the map in view), and a kept view shown again. The view itself is document
 * data (src/model); which one is on screen is session state.
 */
import { type AssetMapDoc, type Region, type SavedView, getViews } from '../../model';
import type { Session } from '../session';

/** What the map shows now, as a view named `name`. */
export function viewOfSession(session: Session, id: string, name: string, region: Region): SavedView {
  const { hiddenKinds, tagFilter, focusMode } = session.getState();
  const view: SavedView = { id, name: name.trim(), order: 0, region };
  if (hiddenKinds.length) view.hiddenKinds = [...hiddenKinds];
  if (tagFilter !== undefined) view.tag = tagFilter;
  if (focusMode) view.focus = { ids: [...focusMode.ids], steps: focusMode.steps };
  return view;
}

/** Shows a saved view on the map: its filters and focus, and its part of the map whole. */
export function showView(session: Session, view: SavedView): void {
  session.set({ tab: 'map', hiddenKinds: view.hiddenKinds ?? [], tagFilter: view.tag, focusMode: view.focus, focus: [] });
  session.showRegion(view.region);
}

/** "View 3": a name to start from that no view of the map has yet. */
export function suggestedViewName(doc: Pick<AssetMapDoc, 'views'>): string {
  const names = new Set(getViews(doc).map((v) => v.name));
  let n = names.size + 1;
  while (names.has(`View ${n}`)) n++;
  return `View ${n}`;
}

/** The words that describe what a view shows beyond the part of the map ("staff hidden; tag “teens”; focus"). */
export function describeView(view: SavedView, doc: Pick<AssetMapDoc, 'nodes'>): string {
  const parts: string[] = [];
  if (view.hiddenKinds?.length) parts.push(`${view.hiddenKinds.join(', ')} hidden`);
  if (view.tag !== undefined) parts.push(`tag “${view.tag}”`);
  if (view.focus) {
    const names = view.focus.ids.map((id) => doc.nodes[id]?.label).filter((l): l is string => l !== undefined);
    const around = names.length === 1 ? `“${names[0]!.slice(0, 40)}”` : `${view.focus.ids.length} items`;
    parts.push(`within ${view.focus.steps} ${view.focus.steps === 1 ? 'step' : 'steps'} of ${around}`);
  }
  return parts.length ? parts.join('; ') : 'everything shown';
}
