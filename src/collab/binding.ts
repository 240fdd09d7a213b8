/**
 * The binding between a DocStore and a shared Y.Doc. The store stays the app's only truth for the screen: its
 * changes (immer patches) go into Y as one transaction each, with this binding's origin; transactions from
 * anyone else (other editors, this person's own undo) come back as a new plain document, read through
 * `restoreMap`. Every replica reads the same Y state the same way, so all of them show the same document, and
 * what a merge left hanging (a strength added to an asset someone else deleted meanwhile) is left out by all
 * of them alike: it stays in Y, unseen, and comes back if the asset's deletion is undone.
 *
 * Undo is per person: a Y.UndoManager that tracks this binding's origin only, so undo takes back my own
 * changes and leaves the others' alone, even after they edited since.
 */
import * as Y from 'yjs';
import { type AssetMapDoc, type CommandName, COMMAND_LABELS } from '../model';
import { CURRENT_VERSION, restoreMap } from '../io/mapFile';
import { type Result, err, ok } from '../io/result';
import type { DocStore, LocalChange, SharedHistory } from '../store/docStore';
import { type AnyYType, type RawDoc, type RawUpdate, ROOT_NAMES, SharedMapDoc, jsonEqual, rawToMap } from './yMap';

export interface BindingOptions {
  /** Opens the map read-only with this reason (a view link). */
  readOnly?: string;
}

export type JoinError =
  /** Nothing is in the shared document yet (it has not arrived from the server). */
  | { kind: 'empty' }
  | { kind: 'invalid'; detail: string };

/** Origin of transactions that put a whole map into Y: not a step anyone can undo. */
const PUBLISH_ORIGIN = 'asset-map:publish';

export const describeTooNew = (version: number) =>
  `This shared map was saved by a newer version of Asset Map (map version ${version}; this app reads up to ${CURRENT_VERSION}). It is open for reading only: update the app to edit it.`;

export class MapBinding {
  readonly shared: SharedMapDoc;
  readonly undoManager: Y.UndoManager;
  /** Why this map cannot be edited here, when it cannot. */
  readOnly: string | undefined;
  private raw: RawDoc;
  private pendingName: CommandName | undefined;
  /** What the local change being written touched, by its patches (Y may have found nothing to write for some). */
  private localTouched: RawUpdate['touched'] & { others: boolean } | undefined;
  private unsubscribe: () => void;
  private unwatch: () => void;
  private destroyed = false;

  private constructor(
    readonly ydoc: Y.Doc,
    readonly store: DocStore,
    options: BindingOptions,
  ) {
    this.shared = new SharedMapDoc(ydoc);
    this.raw = this.shared.readRaw();
    this.undoManager = new Y.UndoManager(
      ROOT_NAMES.map((n) => this.shared.roots[n]),
      // Steps are cut by the store's own rule (one command, or one run of typing in a field), not by time.
      { trackedOrigins: new Set([this]), captureTimeout: Number.MAX_SAFE_INTEGER },
    );
    this.undoManager.on('stack-item-added', this.onStackItemAdded);
    this.undoManager.on('stack-item-popped', this.onStackChanged);
    this.undoManager.on('stack-cleared', this.onStackChanged);
    this.readOnly = options.readOnly;
    this.checkVersion();
    ydoc.on('afterTransaction', this.onTransaction);
    this.unsubscribe = store.onLocalChange(this.onLocalChange);
    // Another map opened in the store ends the binding: its changes must never be written into this one.
    const boundAt = store.getState().revision;
    this.unwatch = store.subscribe((s) => {
      if (s.lastChange === 'replace' && s.revision !== boundAt) this.destroy();
    });
    store.setSharedHistory(this.history);
    store.setReadOnly(this.readOnly);
  }

  /** Puts the store's map into an empty shared document and binds them ("Start sharing"). */
  static publish(ydoc: Y.Doc, store: DocStore): MapBinding {
    const shared = new SharedMapDoc(ydoc);
    ydoc.transact(() => shared.writeDoc(store.getDoc(), CURRENT_VERSION), PUBLISH_ORIGIN);
    return new MapBinding(ydoc, store, {});
  }

  /** Opens the shared document in the store (its history starts afresh) and binds them (opening a link). */
  static join(ydoc: Y.Doc, store: DocStore, options: BindingOptions = {}): Result<MapBinding, JoinError> {
    const shared = new SharedMapDoc(ydoc);
    if (shared.version() === undefined) return err({ kind: 'empty' });
    const opened = restoreMap(rawToMap(shared.readRaw()));
    if (!opened.ok) return err({ kind: 'invalid', detail: opened.error.kind === 'invalid' ? opened.error.detail : opened.error.kind });
    store.replace(opened.value.doc);
    return ok(new MapBinding(ydoc, store, options));
  }

  /** Stops (with a reason in words) editing through this binding; the map still follows the others. */
  setReadOnly(reason: string): void {
    this.readOnly = reason;
    this.store.setReadOnly(reason);
  }

  /** True once unbound (by `destroy`, or because another map was opened in the store). */
  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Unbinds: the store keeps the document and gets back an undo history of its own (empty). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.ydoc.off('afterTransaction', this.onTransaction);
    this.unsubscribe();
    this.unwatch();
    this.undoManager.destroy();
    this.store.setSharedHistory(null);
    this.store.setReadOnly(undefined);
  }

  private readonly history: SharedHistory = {
    undo: () => this.undoManager.undo() !== null,
    redo: () => this.undoManager.redo() !== null,
    canUndo: () => this.undoManager.undoStack.length > 0,
    canRedo: () => this.undoManager.redoStack.length > 0,
    undoLabel: () => this.labelOf(this.undoManager.undoStack),
    redoLabel: () => this.labelOf(this.undoManager.redoStack),
  };

  private labelOf(stack: { meta: Map<unknown, unknown> }[]): string | undefined {
    const name = stack[stack.length - 1]?.meta.get('name');
    return typeof name === 'string' && name in COMMAND_LABELS ? COMMAND_LABELS[name as CommandName] : undefined;
  }

  private onStackItemAdded = (event: { stackItem: { meta: Map<unknown, unknown> }; origin: unknown }) => {
    // A new step is named after its command; a step moved by undo or redo keeps the name it had.
    const name = event.origin === this ? this.pendingName : this.undoManager.currStackItem?.meta.get('name');
    if (name !== undefined) event.stackItem.meta.set('name', name);
    this.store.refreshHistory();
  };

  private onStackChanged = () => this.store.refreshHistory();

  private onLocalChange = (change: LocalChange) => {
    if (this.readOnly !== undefined) return;
    if (!change.coalesced) this.undoManager.stopCapturing();
    this.pendingName = change.name;
    const touched = { nodes: new Set<string>(), edges: new Set<string>(), others: false };
    for (const { path } of change.patches) {
      if ((path[0] === 'nodes' || path[0] === 'edges') && path.length >= 2) touched[path[0]].add(String(path[1]));
      else touched.others = true;
    }
    this.localTouched = touched;
    try {
      this.ydoc.transact(() => this.shared.writePatches(change.patches, change.doc), this);
    } finally {
      this.pendingName = undefined;
      this.localTouched = undefined;
    }
  };

  private onTransaction = (tr: Y.Transaction) => {
    const previousRaw = this.raw;
    const update = this.shared.update(this.raw, tr.changed);
    this.raw = update.raw;
    const local = tr.origin === this ? this.localTouched : undefined;
    if (update.raw === previousRaw && !local) return;
    if (tr.changed.has(this.shared.roots.meta as AnyYType)) this.checkVersion();
    if (local) {
      // The store holds what the command made; what it touched is read back even where Y found nothing to write.
      for (const id of update.touched.nodes) local.nodes.add(id);
      for (const id of update.touched.edges) local.edges.add(id);
      update.touched = local;
      update.others ||= local.others;
    }
    // A local change is in the store already, but it may differ from what every other replica reads from Y
    // (a value `restoreMap` cleans, an empty record Y holds as none): then the store takes the shared reading.
    const source = tr.origin === this.undoManager ? (this.undoManager.undoing ? 'undo' : 'redo') : 'remote';
    const current = this.store.getDoc();
    const next = readFields(update, previousRaw, current) ?? this.read(current);
    if (next !== current) this.store.applyExternal(next, source);
  };

  /** The document every replica reads from the current Y state, sharing unchanged parts with `previous`. */
  private read(previous: AssetMapDoc): AssetMapDoc {
    const opened = restoreMap(rawToMap(this.raw));
    return opened.ok ? shareUnchanged(opened.value.doc, previous) : previous;
  }

  private checkVersion() {
    const version = this.shared.version();
    if (version !== undefined && version > CURRENT_VERSION && this.readOnly === undefined) {
      this.readOnly = describeTooNew(version);
      this.store.setReadOnly(this.readOnly);
    }
  }
}

/** What a node's or an edge's place in the map depends on: a change to any of these is read through the whole map. */
const STRUCTURE = ['kind', 'attachedTo', 'owner', 'source', 'target'];

/**
 * The quick way to read a change that only edited fields of existing nodes and edges (labels, details,
 * positions): each touched one is checked by `restoreMap` with what it refers to, instead of the whole map
 * being checked again. It gives what the whole check would (the tests compare the two), and undefined
 * whenever it cannot be sure: something added, removed, re-attached or re-kinded, or anything besides nodes
 * and edges touched, or a touched one that was not shown before.
 */
function readFields(update: RawUpdate, before: RawDoc, previous: AssetMapDoc): AssetMapDoc | undefined {
  if (update.others) return undefined;
  const raw = update.raw;
  const nodes: Record<string, unknown> = {};
  const edges: Record<string, unknown> = {};
  for (const entity of ['nodes', 'edges'] as const) {
    for (const id of update.touched[entity]) {
      const now = raw[entity][id] as Record<string, unknown> | undefined;
      const was = before[entity][id] as Record<string, unknown> | undefined;
      const shown = entity === 'nodes' ? previous.nodes[id] : previous.edges[id];
      if (!now || !was || !shown || STRUCTURE.some((k) => !jsonEqual(now[k], was[k]))) return undefined;
      (entity === 'nodes' ? nodes : edges)[id] = now;
    }
  }
  // What the touched ones refer to, as shown (unchanged in structure, so still valid).
  const context: Record<string, unknown> = {};
  const addRefs = (id: unknown, hops: number) => {
    if (typeof id !== 'string' || hops > 4 || context[id] || nodes[id]) return;
    const node = previous.nodes[id];
    if (!node) return;
    context[id] = node;
    if ('attachedTo' in node) addRefs(node.attachedTo, hops + 1);
  };
  for (const node of Object.values(nodes) as Record<string, unknown>[]) {
    addRefs(node.attachedTo, 0);
    addRefs(node.owner, 0);
  }
  for (const edge of Object.values(edges) as Record<string, unknown>[]) {
    addRefs(edge.source, 0);
    addRefs(edge.target, 0);
  }
  const checked = restoreMap({ ...previous, nodes: { ...context, ...nodes }, edges, routes: {} });
  if (!checked.ok) return undefined;
  const changedNodes: Record<string, AssetMapDoc['nodes'][string]> = {};
  const changedEdges: Record<string, AssetMapDoc['edges'][string]> = {};
  for (const id of Object.keys(nodes)) {
    const node = checked.value.doc.nodes[id];
    if (!node) return undefined;
    if (!jsonEqual(node, previous.nodes[id])) changedNodes[id] = node;
  }
  for (const id of Object.keys(edges)) {
    const edge = checked.value.doc.edges[id];
    if (!edge) return undefined;
    if (!jsonEqual(edge, previous.edges[id])) changedEdges[id] = edge;
  }
  const someNodes = Object.keys(changedNodes).length > 0;
  const someEdges = Object.keys(changedEdges).length > 0;
  if (!someNodes && !someEdges) return previous;
  return {
    ...previous,
    nodes: someNodes ? { ...previous.nodes, ...changedNodes } : previous.nodes,
    edges: someEdges ? { ...previous.edges, ...changedEdges } : previous.edges,
  };
}

/**
 * `next` with every node, edge and route that equals the one in `previous` replaced by that one, and `previous`
 * itself when nothing differs: views cached per object (the canvas's nodes) stay valid across remote edits.
 */
export function shareUnchanged(next: AssetMapDoc, previous: AssetMapDoc): AssetMapDoc {
  let same = true;
  const share = <T>(a: Record<string, T>, b: Record<string, T>): Record<string, T> => {
    let all = Object.keys(a).length === Object.keys(b).length;
    const out: Record<string, T> = {};
    for (const [key, value] of Object.entries(a)) {
      const old = Object.hasOwn(b, key) ? b[key] : undefined;
      if (old !== undefined && jsonEqual(value, old)) out[key] = old;
      else {
        out[key] = value;
        all = false;
      }
    }
    if (all) return b;
    same = false;
    return out;
  };
  const nodes = share(next.nodes, previous.nodes);
  const edges = share(next.edges, previous.edges);
  const routes = share(next.routes, previous.routes);
  const reflect = share(next.reflect, previous.reflect);
  const dismissed = share(next.dismissed, previous.dismissed);
  const layout = jsonEqual(next.layout, previous.layout) ? previous.layout : next.layout;
  if (layout !== previous.layout) same = false;
  const rest = (d: AssetMapDoc) => {
    const { nodes: _n, edges: _e, routes: _r, reflect: _f, dismissed: _d, layout: _l, ...others } = d;
    return others;
  };
  if (same && jsonEqual(rest(next), rest(previous))) return previous;
  return { ...next, nodes, edges, routes, reflect, dismissed, layout };
}
