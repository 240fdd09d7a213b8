/**
 * Undo in the fields that write to the document as the user types (the side panel, worksheet cells). Left to
 * the browser, Ctrl+Z there takes back one letter at a time from the field's own history, while the toolbar's
 * Undo takes back the whole edit: two histories that soon disagree. Here every undo in such a field is the
 * document's: the field's edit so far is sealed as one step and taken back whole, and the field then shows the
 * document's text. The browser's own history of the field is never used (its menu Undo is routed the same way).
 */
import type { DocStore } from '../store';

/** Marks a field whose edits are document edits: `<textarea {...DOCUMENT_FIELD} />`. */
export const DOCUMENT_FIELD = { 'data-undo': 'document' } as const;

export const isDocumentField = (el: EventTarget | null): boolean => el instanceof Element && el.closest('[data-undo="document"]') !== null;

type History = Pick<DocStore, 'undo' | 'redo' | 'seal'>;

/** Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y: 'undo', 'redo', or undefined for any other key. */
export function historyKey(e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'key'>): 'undo' | 'redo' | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return undefined;
}

export function runHistory(store: History, what: 'undo' | 'redo') {
  // The typing so far is one step, ended here: the undo takes all of it, and typing after it starts a new one.
  store.seal();
  if (what === 'undo') store.undo();
  else store.redo();
}

/**
 * Routes the browser's undo and redo in document fields to the document: the keys, and the Undo of the
 * browser's own menus (which arrive as `beforeinput` of type historyUndo/historyRedo). Returns the unsubscribe.
 */
export function routeFieldHistory(target: Window, store: History): () => void {
  const onKey = (e: KeyboardEvent) => {
    const what = historyKey(e);
    if (!what || !isDocumentField(e.target)) return;
    e.preventDefault();
    runHistory(store, what);
  };
  const onBeforeInput = (e: InputEvent) => {
    if (!isDocumentField(e.target)) return;
    if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return;
    e.preventDefault();
    runHistory(store, e.inputType === 'historyUndo' ? 'undo' : 'redo');
  };
  target.addEventListener('keydown', onKey, true);
  target.addEventListener('beforeinput', onBeforeInput, true);
  return () => {
    target.removeEventListener('keydown', onKey, true);
    target.removeEventListener('beforeinput', onBeforeInput, true);
  };
}
