/**
 * The document store: the current document, its undo history and its subscribers. Plain TypeScript; React binds
 * to it with useSyncExternalStore. Every change goes through `dispatch`, which runs a command with immer's
 * produceWithPatches and records the patches as one undo step.
 *
 * A shared map plugs in through three doors: `onLocalChange` reports each change made here with its patches;
 * `applyExternal` takes a document made elsewhere without an undo step; `setSharedHistory` hands undo and redo
 * to a history kept elsewhere (per person) for as long as the map is shared.
 */
import { applyPatches, enablePatches, freeze, produceWithPatches, type Patch } from 'immer';
import { type AssetMapDoc, type CommandName, type PayloadOf, COMMAND_LABELS, commands } from '../model';
import { applyLayoutChange } from './layoutChange';

enablePatches();

export interface HistoryEntry {
  name: CommandName;
  patches: Patch[];
  inverse: Patch[];
  /** Consecutive changes with the same key (typing in one field) make one undo step. */
  coalesce?: string;
}

/** `remote`: a document that came from outside (a shared map's other editors); it is not an undo step. */
export type ChangeSource = 'command' | 'undo' | 'redo' | 'replace' | 'remote';

/** A change made here, as immer patches: what a binding to a shared copy sends on. */
export interface LocalChange {
  source: 'command' | 'undo' | 'redo';
  /** The command, for a command; the command undone or redone otherwise. */
  name: CommandName;
  patches: Patch[];
  inverse: Patch[];
  /** True when this change was folded into the previous undo step (typing in one field). */
  coalesced: boolean;
  doc: AssetMapDoc;
}

/**
 * An undo history kept elsewhere (a shared map's per-person history). While one is set, the store records no
 * steps of its own: undo and redo go to it, and it brings the resulting document back through `applyExternal`.
 */
export interface SharedHistory {
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  undoLabel(): string | undefined;
  redoLabel(): string | undefined;
}

export interface StoreState {
  doc: AssetMapDoc;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
  /** Increases with every change of the document. */
  revision: number;
  lastChange: ChangeSource;
  /** Set when the document may not be changed here, with the reason in words (a view link, a newer map). */
  readOnly?: string;
}

const HISTORY_LIMIT = 500;

export class DocStore {
  private past: HistoryEntry[] = [];
  private future: HistoryEntry[] = [];
  private listeners = new Set<(state: StoreState) => void>();
  private changeListeners = new Set<(change: LocalChange) => void>();
  private shared: SharedHistory | null = null;
  /** The coalescing key of the last change while a shared history is set (the store keeps no steps then). */
  private sharedCoalesce: string | undefined;
  private readOnly: string | undefined;
  /** Above zero while a change is being handed to the change listeners: history refreshes wait for its end. */
  private busy = 0;
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
    if (this.readOnly !== undefined) return false;
    const recipe = commands[name] as (draft: AssetMapDoc, payload: PayloadOf<K>) => void;
    const [next, patches, inverse] =
      name === 'applyLayout'
        ? applyLayoutChange(this.state.doc, payload as PayloadOf<'applyLayout'>)
        : produceWithPatches(this.state.doc, (draft) => {
            recipe(draft as AssetMapDoc, payload);
          });
    if (patches.length === 0) return false;
    if (this.shared) {
      const coalesced = !!options?.coalesce && this.sharedCoalesce === options.coalesce;
      this.sharedCoalesce = options?.coalesce;
      this.set(next, 'command', { source: 'command', name, patches, inverse, coalesced, doc: next });
      return true;
    }
    const last = this.past[this.past.length - 1];
    if (options?.coalesce && last?.coalesce === options.coalesce && this.future.length === 0) {
      // Typing in one field: fold this change into the previous step.
      last.patches = [...last.patches, ...patches];
      last.inverse = [...inverse, ...last.inverse];
      this.set(next, 'command', { source: 'command', name, patches, inverse, coalesced: true, doc: next });
      return true;
    }
    this.past.push({ name, patches, inverse, coalesce: options?.coalesce });
    if (this.past.length > HISTORY_LIMIT) this.past.shift();
    this.future = [];
    this.set(next, 'command', { source: 'command', name, patches, inverse, coalesced: false, doc: next });
    return true;
  };

  /** Ends coalescing: the next change starts a new undo step even with the same key. */
  seal = (): void => {
    const last = this.past[this.past.length - 1];
    if (last) last.coalesce = undefined;
    this.sharedCoalesce = undefined;
  };

  undo = (): boolean => {
    if (this.readOnly !== undefined) return false;
    if (this.shared) {
      this.sharedCoalesce = undefined;
      return this.batch(() => this.shared!.undo());
    }
    const entry = this.past.pop();
    if (!entry) return false;
    this.future.push(entry);
    const doc = applyPatches(this.state.doc, entry.inverse);
    this.set(doc, 'undo', { source: 'undo', name: entry.name, patches: entry.inverse, inverse: entry.patches, coalesced: false, doc });
    return true;
  };

  redo = (): boolean => {
    if (this.readOnly !== undefined) return false;
    if (this.shared) {
      this.sharedCoalesce = undefined;
      return this.batch(() => this.shared!.redo());
    }
    const entry = this.future.pop();
    if (!entry) return false;
    this.past.push(entry);
    const doc = applyPatches(this.state.doc, entry.patches);
    this.set(doc, 'redo', { source: 'redo', name: entry.name, patches: entry.patches, inverse: entry.inverse, coalesced: false, doc });
    return true;
  };

  /** Loads another document (a file, another map): the history starts afresh. */
  replace = (doc: AssetMapDoc): void => {
    this.past = [];
    this.future = [];
    this.sharedCoalesce = undefined;
    // A map just opened is drawn first and frozen (deeply: immer's guard against writes) in a task of its own:
    // walking 6,500 nodes and their routes took 15–40 ms of the task that draws it. Nothing writes to it
    // meanwhile: every change goes through immer, which never writes to its base.
    this.set(doc, 'replace');
    setTimeout(() => freeze(doc, true), 0);
  };

  /**
   * Every change made through this store (commands, and undo and redo of its own history), with its patches,
   * before subscribers hear of it. Documents from `applyExternal` are not reported.
   */
  onLocalChange = (listener: (change: LocalChange) => void): (() => void) => {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  };

  /**
   * Takes a document that came from outside (another editor of a shared map, or the shared history's undo)
   * without recording an undo step. `source` says which, for `lastChange`.
   */
  applyExternal = (doc: AssetMapDoc, source: 'remote' | 'undo' | 'redo' = 'remote'): void => {
    if (doc === this.state.doc) return;
    this.set(freeze(doc, true), source);
  };

  /**
   * Hands undo and redo to a history kept elsewhere (null gives them back, with an empty history of its own).
   * The store's own steps are dropped either way: they were made on a document the other history never saw.
   */
  setSharedHistory = (history: SharedHistory | null): void => {
    this.shared = history;
    this.past = [];
    this.future = [];
    this.sharedCoalesce = undefined;
    this.refreshHistory();
  };

  /** The shared history changed (a step added or taken): tell subscribers what undo and redo can do now. */
  refreshHistory = (): void => {
    if (this.busy > 0) return;
    this.state = this.makeState(this.state.doc, this.state.revision, this.state.lastChange);
    this.notify();
  };

  /** Stops (with a reason in words) or allows changes through this store. */
  setReadOnly = (reason: string | undefined): void => {
    this.readOnly = reason;
    this.refreshHistory();
  };

  private batch(run: () => boolean): boolean {
    this.busy++;
    let result: boolean;
    try {
      result = run();
    } finally {
      this.busy--;
    }
    this.refreshHistory();
    return result;
  }

  private set(doc: AssetMapDoc, source: ChangeSource, change?: LocalChange) {
    this.state = this.makeState(doc, this.state ? this.state.revision + 1 : 0, source);
    if (change && this.changeListeners.size) {
      this.busy++;
      try {
        for (const listener of [...this.changeListeners]) listener(change);
      } finally {
        this.busy--;
      }
      // The listeners may have moved the shared history on, or brought a document of their own.
      this.state = this.makeState(this.state.doc, this.state.revision, this.state.lastChange);
    }
    if (this.busy === 0) this.notify();
  }

  private notify() {
    for (const listener of [...this.listeners]) listener(this.state);
  }

  private makeState(doc: AssetMapDoc, revision: number, lastChange: ChangeSource): StoreState {
    const state: StoreState = this.shared
      ? {
          doc,
          revision,
          lastChange,
          canUndo: this.shared.canUndo(),
          canRedo: this.shared.canRedo(),
          undoLabel: this.shared.undoLabel(),
          redoLabel: this.shared.redoLabel(),
        }
      : (() => {
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
        })();
    if (this.readOnly !== undefined) {
      state.readOnly = this.readOnly;
      state.canUndo = false;
      state.canRedo = false;
    }
    return state;
  }
}
