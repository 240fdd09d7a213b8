/**
 * Opening files and importing rows: what a first view never does, loaded with the first file opened or rows
 * pasted (and fetched when the page is idle). actions.ts hands these on; they behave as if written there.
 */
import { type AssetKind, type AssetMapDoc, type LayoutSettings, needsLayout, newId, writeLayout } from '../model';
import type { LayoutResult } from '../layout/layoutMap';
import { runLayout } from '../layout/runLayout';
import type { AppServices } from './context';
import type { SheetRow } from '../io/sheets';
import type { RelationshipRow } from '../io/sheets/relationships';
import { loadSheets } from './loadSheets';

/** Told of each layout made while opening or importing: `result` is the layout of `doc` with `settings`. */
type LaidOut = (doc: AssetMapDoc, settings: LayoutSettings, result: LayoutResult) => void;

export function createFileActions({ workspace, session }: AppServices, laidOut?: LaidOut) {
  const store = workspace.store;
  const doc = () => store.getDoc();

  /** Opens a map file as a new map in the list; anything else gets a plain message and changes nothing. */
  const openFile = async (file: File) => {
    // The readers (spreadsheets, images, PDF) load with the first file opened, not with the page.
    const { MAX_OPEN_BYTES, describeOpenError, openBytes } = await import('../io/open');
    if (file.size > MAX_OPEN_BYTES) {
      session.notify({ tone: 'error', text: describeOpenError({ kind: 'too-big', bytes: file.size, limit: MAX_OPEN_BYTES }, file.name) });
      return false;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const opened = await openBytes(file.name, bytes);
    if (!opened.ok) {
      // A reader that threw is a bug: keep its trace where a developer looks.
      if (opened.crashed) console.error('Opening a file failed unexpectedly:', opened.crashed.stack ?? opened.crashed.message);
      session.notify({ tone: 'error', text: opened.message });
      return false;
    }
    if (opened.type === 'sheet') {
      if (!opened.rows.length && opened.relationships?.length) {
        // A relationships table joins assets of this map: it is added to it, one undo step.
        await importRows([], opened.warnings, 'Imported', opened.relationships);
        return true;
      }
      if (!opened.rows.length) {
        session.notify({ tone: 'info', text: `“${file.name}” has no rows to import. Nothing was changed.` });
        return false;
      }
      // The user chooses: add the rows to this map, or make a new map of them.
      session.set({ pendingImport: { name: file.name, rows: opened.rows, warnings: opened.warnings, relationships: opened.relationships } });
      return true;
    }
    await adoptDoc(opened.doc, opened.repairs, file.name);
    return true;
  };

  /**
   * An opened map becomes its own map in the list. When the user already has that map and the file's copy
   * differs from it, nothing is replaced without asking (the ReplaceDialog asks); the same map is just opened.
   */
  const adoptDoc = async (incoming: AssetMapDoc, repairs: string[], name: string) => {
    const known = await workspace.compareWithStored(incoming);
    if (known === 'differs') {
      session.set({ pendingReplace: { name, doc: incoming, repairs } });
      return;
    }
    if (known === 'same') {
      await workspace.switchTo(incoming.id);
      afterOpening(name, repairs, ` It is the same as your map “${incoming.title}”, which is open now.`);
      return;
    }
    const laidOut = await layOutIfNeeded(incoming);
    await workspace.openDoc(incoming);
    afterOpening(name, repairs, laidOut ? ' It had never been laid out, so it was laid out as it opened.' : '');
  };

  /**
   * A map that has never been laid out (its nodes stacked on one spot) is laid out before it is drawn, in the
   * layout worker: drawn stacked, every node would be in view at once. Returns whether it was.
   */
  const layOutIfNeeded = async (d: AssetMapDoc): Promise<boolean> => {
    if (!needsLayout(d)) return false;
    const result = await runLayout(d, d.layout);
    writeLayout(d, result);
    laidOut?.(d, d.layout, result);
    return true;
  };

  // (What was selected or focused in the last map is let go as the opened one shows: mapChange.ts.)
  const afterOpening = (name: string, repairs: string[], more = '') => {
    session.notify({
      tone: repairs.length ? 'info' : 'success',
      text: `Opened “${name}”.${more}${repairs.length ? ' ' + repairs.join(' ') : ''}`,
    });
  };

  /** The file's map as a new map beside the user's own. */
  const openAsCopy = async (incoming: AssetMapDoc, repairs: string[], name: string) => {
    await layOutIfNeeded(incoming);
    await workspace.openDoc({ ...incoming, id: newId('map'), title: `${incoming.title} (copy)`, created: new Date().toISOString() });
    afterOpening(name, repairs, ' It was opened as a copy; your own map was not changed.');
  };

  /** The file's map in place of the user's: one undo step, and what they had is kept as a saved version. */
  const replaceWithFile = async (incoming: AssetMapDoc, repairs: string[], name: string) => {
    if (!(await workspace.replaceMap(incoming))) return;
    session.select([]);
    session.notify({
      tone: 'success',
      text: `Replaced your map “${incoming.title}” with the one in “${name}”. Undo brings yours back; it is also kept in Maps → Saved versions.${repairs.length ? ' ' + repairs.join(' ') : ''}`,
    });
  };

  const pasteCells = async (text: string, section: AssetKind) => {
    const { parsePastedCells } = await loadSheets();
    const parsed = parsePastedCells(text, section);
    if (!parsed.ok) {
      session.notify({ tone: 'error', text: `The pasted cells could not be read: ${parsed.error.detail}. Nothing was changed.` });
      return;
    }
    await importRows(parsed.value.rows, parsed.value.warnings, 'Pasted');
  };

  /** Adds spreadsheet rows to the open map as one undo step (same category and name = same asset). */
  const importRows = async (rows: SheetRow[], warnings: string[], verb: string, relationships?: RelationshipRow[]) => {
    const { describeImport, rowsToContent } = await loadSheets();
    const content = rowsToContent(doc(), rows, 'merge', { relationships });
    if (!Object.keys(content.nodes).length && !Object.keys(content.edges).length) {
      const read = rows.length ? `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}` : `${relationships?.length ?? 0} ${relationships?.length === 1 ? 'relationship' : 'relationships'}`;
      const why = content.summary.notes?.length ? ` ${content.summary.notes.join(' ')}` : '';
      session.notify({ tone: 'info', text: `${verb} ${read}: nothing new to add.${why}` });
      return;
    }
    store.dispatch('insertContent', { nodes: content.nodes, edges: content.edges, ...(content.groups ? { groups: content.groups } : {}) });
    session.notify({
      tone: 'success',
      text: `${verb} ${rows.length ? `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}` : 'relationships'}. ${describeImport(content.summary)}${warnings.length ? ' ' + warnings.join(' ') : ''}`,
      action: { label: 'Take back', run: () => store.undo() },
    });
  };

  /** Makes a new map of spreadsheet rows, laid out. */
  const importAsNewMap = async (rows: SheetRow[], warnings: string[], name: string, relationships?: RelationshipRow[]) => {
    const title = name.replace(/\.(csv|tsv|txt|tab|xlsx)$/i, '') || 'Imported worksheet';
    // Laid out in the layout worker, not here on the page.
    const { rowsToNewMap } = await loadSheets();
    const d = rowsToNewMap(rows, title, { relationships });
    const result = await runLayout(d, d.layout);
    writeLayout(d, result);
    laidOut?.(d, d.layout, result);
    await adoptDoc(d, warnings, name);
  };

  return { openFile, adoptDoc, openAsCopy, replaceWithFile, pasteCells, importRows, importAsNewMap };
}
