/**
 * The document store: the current document, its undo history and its subscribers. Plain TypeScript; React binds
 * to it with useSyncExternalStore. Every change goes through `dispatch`, which runs a command with immer's
 * produceWithPatches and records the patches as one undo step.
 */
import { applyPatches, enablePatches, freeze, produceWithPatches, type Patch } from 'immer';
import { type AssetMapDoc, type CommandName, type PayloadOf, COMMAND_LABELS, commands } from '../model';

enablePatches();

export interface HistoryEntry {
  name: CommandName;
  patches: Patch[];
  inverse: Patch[];
  /** Consecutive changes with the same key (typing in one field) make one undo step. */
  coalesce?: string;
}

export type ChangeSource = 'command' | 'undo' | 'redo' | 'replace';

export interface StoreState {
  doc: AssetMapDoc;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
  /** Increases with every change of the document. */
  revision: number;
  lastChange: ChangeSource;
}

const HISTORY_LIMIT = 500;

export class DocStore {
  private past: HistoryEntry[] = [];
  private future: HistoryEntry[] = [];
  private listeners = new Set<(state: StoreState) => void>();
  private state: StoreState;

  constructor(doc: AssetMapDoc) {
    this.state = this.makeState(freeze(doc, true), 0, 'replace');
  }

  getState = (): StoreState => this.state;
  getDoc = (): AssetMapDoc => this.state.doc;

  subscribe = (listener: (state: StoreState) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs a command as one undo step. Returns false when it changed nothing (and records nothing). */
  dispatch = <K extends CommandName>(name: K, payload: PayloadOf<K>, options?: { coalesce?: string }): boolean => {
    const recipe = commands[name] as (draft: AssetMapDoc, payload: PayloadOf<K>) => void;
    const [next, patches, inverse] = produceWithPatches(this.state.doc, (draft) => {
      recipe(draft as AssetMapDoc, payload);
    });
    if (patches.length === 0) return false;
    const last = this.past[this.past.length - 1];
    if (options?.coalesce && last?.coalesce === options.coalesce && this.future.length === 0) {
      // Typing in one field: fold this change into the previous step.
      last.patches = [...last.patches, ...patches];
      last.inverse = [...inverse, ...last.inverse];
      this.set(next, 'command');
      return true;
    }
    this.past.push({ name, patches, inverse, coalesce: options?.coalesce });
    if (this.past.length > HISTORY_LIMIT) this.past.shift();
    this.future = [];
    this.set(next, 'command');
    return true;
  };

  /** Ends coalescing: the next change starts a new undo step even with the same key. */
  seal = (): void => {
    const last = this.past[this.past.length - 1];
    if (last) last.coalesce = undefined;
  };

  undo = (): boolean => {
    const entry = this.past.pop();
    if (!entry) return false;
    this.future.push(entry);
    this.set(applyPatches(this.state.doc, entry.inverse), 'undo');
    return true;
  };

  redo = (): boolean => {
    const entry = this.future.pop();
    if (!entry) return false;
    this.past.push(entry);
    this.set(applyPatches(this.state.doc, entry.patches), 'redo');
    return true;
  };

  /** Loads another document (a file, another map): the history starts afresh. */
  replace = (doc: AssetMapDoc): void => {
    this.past = [];
    this.future = [];
    this.set(freeze(doc, true), 'replace');
  };

  private set(doc: AssetMapDoc, source: ChangeSource) {
    this.state = this.makeState(doc, this.state ? this.state.revision + 1 : 0, source);
    for (const listener of [...this.listeners]) listener(this.state);
  }

  private makeState(doc: AssetMapDoc, revision: number, lastChange: ChangeSource): StoreState {
    const undo = this.past[this.past.length - 1];
    const redo = this.future[this.future.length - 1];
    return {
      doc,
      revision,
      lastChange,
      canUndo: !!undo,
      canRedo: !!redo,
      undoLabel: undo && COMMAND_LABELS[undo.name],
      redoLabel: redo && COMMAND_LABELS[redo.name],
    };
  }
}
