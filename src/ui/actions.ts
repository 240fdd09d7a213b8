/**
 * What the user can do, as plain functions over the workspace and session: the toolbar, the side panel, the
 * keyboard and the worksheet all call these, so an action behaves the same wherever it starts.
 */
import {
  type AssetKind,
  type AssetMapDoc,
  type LayoutSettings,
  type Point,
  type TieStrength,
  type TraitKind,
  getSubtreeIds,
  copyFragment,
  type Fragment,
  fragmentBounds,
  newId,
  pasteFragment,
  readFragment,
} from '../model';
import { nodeSize } from '../look/measure';

/** The clipboard type of a piece of map, between maps and tabs of the app. */
const FRAGMENT_TYPE = 'application/x-asset-map';
import { placeNew } from '../layout/place';
import { runLayout } from '../layout/runLayout';
import { fileNameFor, serializeMap } from '../io/envelope';
import type { AppServices } from './context';
import type { SheetRow } from '../io/sheets';
import type { RelationshipRow } from '../io/sheets/relationships';
import { loadOnce } from './loadOnce';
import type { LayoutAhead } from './layoutAhead';
import { placeAsset } from './placeAsset';

export const NEW_LABELS: Record<AssetKind | TraitKind | 'improvement', string> = {
  partner: 'New partner',
  staff: 'New colleague',
  space: 'New space',
  resource: 'New resource',
  program: 'New program',
  community: 'New community asset',
  strength: 'New strength',
  weakness: 'New weakness',
  improvement: 'New improvement',
};

/** Saves a blob under a file name through the browser's download. */
export function downloadBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}


export function createActions({ workspace, session }: AppServices, getViewCentre: () => Point | undefined, layoutAhead?: () => LayoutAhead | undefined) {
  const store = workspace.store;
  const doc = () => store.getDoc();

  /** A new asset in free space near `near` (the middle of the view, or under the selected asset, when not given). */
  const addAsset = (kind: AssetKind, label = NEW_LABELS[kind], near?: Point) => {
    const id = newId(kind.slice(0, 2));
    placeAsset(store, { id, kind, label, near: near ?? getViewCentre() });
    session.select([id]);
    session.set({ editing: id });
    session.centre([id], { keepZoom: true });
    return id;
  };

  const addItem = (kind: TraitKind | 'improvement', attachedTo: string, label = NEW_LABELS[kind]) => {
    const id = newId(kind.slice(0, 2));
    const at = placeNew(doc(), { kind, label, attachedTo });
    const ok = store.dispatch('addAttachment', { id, kind, attachedTo, label, x: at.x, y: at.y });
    if (!ok) return undefined;
    session.select([id]);
    session.set({ editing: id });
    session.centre([id], { keepZoom: true });
    return id;
  };

  const connect = (source: string, target: string, kind: 'relationship' | 'supports', tie?: TieStrength) => {
    const id = newId('e');
    const ok = store.dispatch('linkAssets', { id, kind, source, target, tie });
    if (!ok) {
      session.notify({ tone: 'info', text: 'Those two are already connected that way, or cannot be connected.' });
      return undefined;
    }
    return id;
  };

  /**
   * A fragment pasted next to where it came from (or with its top-left corner at `at`), never on top of what is
   * there: as far right as it takes.
   */
  const fragmentContent = (f: Fragment, at?: Point) => {
    const d = doc();
    const b = fragmentBounds(f, nodeSize);
    const taken = Object.values(d.nodes).map((n) => ({ n, s: nodeSize(n) }));
    const dy = at ? Math.round(at.y - b.y) : 0;
    const clear = (dx: number) =>
      !taken.some(({ n, s }) => n.x < b.x + dx + b.width && n.x + s.width > b.x + dx && n.y < b.y + dy + b.height && n.y + s.height > b.y + dy);
    let dx = at ? Math.round(at.x - b.x) : b.width + 40;
    for (let i = 0; i < 50 && !clear(dx); i++) dx += b.width + 40;
    return pasteFragment(d, f, { x: dx, y: dy }, (kind) => newId(kind.slice(0, 2)));
  };

  const insertAndSelect = (content: Pick<AssetMapDoc, 'nodes' | 'edges'>) => {
    if (!store.dispatch('insertContent', content)) return;
    const assets = Object.values(content.nodes).filter((n) => !('attachedTo' in n)).map((n) => n.id);
    const shown = assets.length ? assets : Object.keys(content.nodes);
    session.select(shown);
    session.centre(shown, { keepZoom: true });
  };

  const placeFragment = (f: Fragment, at?: Point) => insertAndSelect(fragmentContent(f, at));

  /**
   * A copy of these nodes, beside them, as one undo step: assets with what hangs off them and the connections
   * among them; a strength, weakness or improvement chosen without its asset is copied onto the same asset.
   */
  const duplicate = (ids: readonly string[]) => {
    const d = doc();
    const f = copyFragment(d, ids);
    const content = f ? fragmentContent(f) : { nodes: {}, edges: {} };
    const copied = new Set(f?.nodes.map((n) => n.id));
    let room = { ...d, nodes: { ...d.nodes, ...content.nodes } };
    for (const id of ids) {
      const n = d.nodes[id];
      if (!n || !('attachedTo' in n) || copied.has(id) || !room.nodes[n.attachedTo]) continue;
      const at = placeNew(room, { kind: n.kind, label: n.label, attachedTo: n.attachedTo });
      const copy = { ...structuredClone(n), id: newId(n.kind.slice(0, 2)), x: at.x, y: at.y };
      content.nodes[copy.id] = copy;
      room = { ...room, nodes: { ...room.nodes, [copy.id]: copy } };
    }
    if (Object.keys(content.nodes).length) insertAndSelect(content);
  };

  /** Ctrl+D: a copy of the selected assets, with what hangs off them and the connections among them. */
  const duplicateSelection = () => duplicate(session.getState().selection);

  /** What was last copied or cut in this tab, for Paste in the map's menu (which cannot read the clipboard's map). */
  let copied: Fragment | undefined;
  const hasCopied = () => !!copied;
  /** Pastes what was last copied in this tab, with its top-left corner at `at` (or beside the originals). */
  const pasteCopied = (at?: Point) => {
    if (copied) placeFragment(copied, at);
  };

  /** Copy (and cut): the selection as a piece of map for Asset Map, and as lines of text for anything else. */
  const copySelection = (data: DataTransfer, cut = false) => {
    const f = copyFragment(doc(), session.getState().selection);
    if (!f) return false;
    copied = f;
    data.setData(FRAGMENT_TYPE, JSON.stringify(f));
    data.setData('text/plain', f.nodes.map((n) => ('attachedTo' in n ? `  ${n.kind}: ${n.label}` : n.label)).join('\n'));
    if (cut) deleteSelection();
    return true;
  };

  const pasteSelection = (data: DataTransfer) => {
    const f = readFragment(data.getData(FRAGMENT_TYPE));
    if (!f) return false;
    placeFragment(f);
    return true;
  };

  const deleteSelection = () => {
    const ids = session.getState().selection;
    if (!ids.length) return;
    const d = doc();
    const nodeIds = ids.filter((id) => d.nodes[id]);
    const edgeIds = ids.filter((id) => d.edges[id]);
    if (nodeIds.length) {
      const count = getSubtreeIds(d, nodeIds).size;
      store.dispatch('deleteNodes', { ids: nodeIds });
      const first = d.nodes[nodeIds[0]!]!;
      session.notify({
        tone: 'info',
        text:
          count > 1
            ? `Deleted “${first.label.slice(0, 60)}” and ${count - 1} attached ${count - 1 === 1 ? 'item' : 'items'}.`
            : `Deleted “${first.label.slice(0, 60)}”.`,
        action: { label: 'Restore', run: () => store.undo() },
      });
    } else if (edgeIds.length) {
      store.dispatch('deleteEdges', { ids: edgeIds });
      session.notify({ tone: 'info', text: 'Deleted the connection.', action: { label: 'Restore', run: () => store.undo() } });
    }
    session.select([]);
  };

  const autoLayout = async (settings?: Partial<LayoutSettings>) => {
    const d = doc();
    const next = { ...d.layout, ...settings };
    // Worked out ahead while the map stood still (layoutAhead.ts), or now.
    const result = (await layoutAhead?.()?.take(d, next)) ?? (await runLayout(d, next));
    if (store.getDoc() !== d) return; // the map changed meanwhile; a stale layout would undo those edits
    store.dispatch('applyLayout', { positions: result.positions, routes: result.routes, settings: next });
    layoutAhead?.()?.seed(d, next, result);
    session.fit();
    session.notify({ tone: 'success', text: 'Laid out the map. Undo puts everything back.' }, 3000);
    return result;
  };

  const saveFile = () => {
    const d = doc();
    downloadBlob(new Blob([serializeMap(d, 1)], { type: 'application/json' }), fileNameFor(d.title, 'json'));
  };

  // Opening files and importing rows load with the first use (fileActions.ts).
  const fileActions = loadOnce(() =>
    import('./fileActions').then((m) => m.createFileActions({ workspace, session }, (d, settings, result) => layoutAhead?.()?.seed(d, settings, result))),
  );
  const openFile = async (file: File) => (await fileActions()).openFile(file);
  const adoptDoc = async (incoming: AssetMapDoc, repairs: string[], name: string) => (await fileActions()).adoptDoc(incoming, repairs, name);
  const openAsCopy = async (incoming: AssetMapDoc, repairs: string[], name: string) => (await fileActions()).openAsCopy(incoming, repairs, name);
  const replaceWithFile = async (incoming: AssetMapDoc, repairs: string[], name: string) => (await fileActions()).replaceWithFile(incoming, repairs, name);
  const pasteCells = async (text: string, section: AssetKind) => (await fileActions()).pasteCells(text, section);
  const importRows = async (rows: SheetRow[], warnings: string[], verb: string, relationships?: RelationshipRow[]) =>
    (await fileActions()).importRows(rows, warnings, verb, relationships);
  const importAsNewMap = async (rows: SheetRow[], warnings: string[], name: string, relationships?: RelationshipRow[]) =>
    (await fileActions()).importAsNewMap(rows, warnings, name, relationships);

  /**
   * Cells copied from a spreadsheet and pasted into the worksheet become rows (one undo step). A paste into a
   * cell of plain text, without tabs or several lines, stays an ordinary paste.
   */
  const pasteRows = (e: React.ClipboardEvent) => {
    const text = e.clipboardData.getData('text/plain');
    if (!text || !text.includes('\t')) return;
    e.preventDefault();
    const section = (e.target as HTMLElement).closest('[data-kind]')?.getAttribute('data-kind') as AssetKind | null;
    void pasteCells(text, section ?? 'partner');
  };

  return { duplicate, duplicateSelection, hasCopied, pasteCopied, copySelection, pasteSelection, addAsset, addItem, connect, deleteSelection, autoLayout, saveFile, openFile, adoptDoc, openAsCopy, replaceWithFile, pasteRows, importRows, importAsNewMap };
}

export type Actions = ReturnType<typeof createActions>;
