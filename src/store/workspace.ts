/**
 * The workspace: which map is open, its store, saving every change, the list of maps, saved versions, and other
 * tabs on the same map. No React here; the UI subscribes.
 *
 * Saving: every change is written to storage a moment later (one write for a burst of changes). When the page
 * is hidden or closed, a change not yet written goes to a synchronous journal (localStorage) as well, because an
 * IndexedDB write started while a tab closes may never finish; the next start writes the journal back.
 */
import { type AssetMapDoc, EXAMPLES, buildExample, emptyDoc, newId } from '../model';
import { layOutInPlace } from '../layout';
import { DocStore } from './docStore';
import { type MapStorage, type MapSummary, type VersionSummary } from './persist';

export type SaveStatus = { state: 'saved' | 'saving' | 'idle' } | { state: 'error'; message: string };

export interface WorkspaceState {
  ready: boolean;
  maps: MapSummary[];
  save: SaveStatus;
  /** Set when another tab saved the map open here while this one had changes of its own not yet saved. */
  conflict?: { at: string };
}

export type TemplateId = 'blank' | keyof typeof EXAMPLES | string;

/** A synchronous key-value store for the journal (localStorage in the browser). */
export interface Journal {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Messages between tabs of the app: a BroadcastChannel. */
export type TabChannel = Pick<BroadcastChannel, 'postMessage' | 'addEventListener'>;

export interface WorkspaceOptions {
  journal?: Journal;
  channel?: TabChannel;
  /** A new saved version is kept when the last one is older than this (ms). */
  versionEvery?: number;
}

const SAVE_DELAY = 250;
const JOURNAL_KEY = 'asset-map:journal';

interface SavedMessage {
  type: 'saved';
  mapId: string;
  tab: string;
  at: string;
}

/** A laid-out copy of a built-in example, under a new id. */
export function createFromTemplate(template: TemplateId): AssetMapDoc {
  const spec = EXAMPLES[template];
  if (!spec) return emptyDoc('Untitled map');
  return layOutInPlace(buildExample(spec, newId('map')));
}

export class Workspace {
  readonly store: DocStore;
  private state: WorkspaceState = { ready: false, maps: [], save: { state: 'idle' } };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: AssetMapDoc | undefined;
  private saving: Promise<void> = Promise.resolve();
  private lastVersion = new Map<string, number>();
  private readonly journal?: Journal;
  private readonly channel?: TabChannel;
  private readonly versionEvery: number;
  /** Tells this tab's messages from the others'. */
  private readonly tabId = newId('tab');

  constructor(
    readonly storage: MapStorage,
    options: WorkspaceOptions = {},
  ) {
    this.journal = options.journal;
    this.channel = options.channel;
    this.versionEvery = options.versionEvery ?? 60_000;
    this.store = new DocStore(emptyDoc());
    this.store.subscribe((s) => {
      if (s.lastChange !== 'replace') this.scheduleSave(s.doc);
    });
    this.channel?.addEventListener('message', (e) => void this.onTabMessage((e as MessageEvent).data));
  }

  getState = () => this.state;
  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  private set(patch: Partial<WorkspaceState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of [...this.listeners]) fn();
  }

  /** Opens the last map (after writing back any journal), or on a first visit the Sunnydale example. */
  async init(): Promise<void> {
    await this.recoverJournal();
    const maps = await this.storage.list();
    const last = await this.storage.getMeta<string>('lastMap');
    const id = maps.find((m) => m.id === last)?.id ?? maps[0]?.id;
    const doc = id ? await this.storage.load(id) : undefined;
    if (doc) {
      this.store.replace(doc);
      this.set({ ready: true, maps });
    } else {
      await this.openDoc(createFromTemplate('sunnydale'));
      this.set({ ready: true });
    }
  }

  private async recoverJournal() {
    const raw = this.journal?.getItem(JOURNAL_KEY);
    if (!raw) return;
    try {
      const entry = JSON.parse(raw) as { doc?: AssetMapDoc };
      if (entry.doc && typeof entry.doc.id === 'string' && entry.doc.nodes) {
        await this.storage.save(entry.doc);
        await this.storage.setMeta('lastMap', entry.doc.id);
      }
      this.journal?.removeItem(JOURNAL_KEY);
    } catch {
      // A journal that cannot be read or written back stays for the next start; the saved map is untouched.
    }
  }

  private scheduleSave(doc: AssetMapDoc) {
    this.pending = doc;
    if (this.state.save.state !== 'error') this.set({ save: { state: 'saving' } });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY);
  }

  /** Whether a change is waiting to be written. */
  hasPending = () => !!this.pending;

  /** The page is going away: put any unsaved change in the journal at once, then try the real write. */
  flushOnExit = (): void => {
    if (this.pending && this.journal) {
      try {
        this.journal.setItem(JOURNAL_KEY, JSON.stringify({ at: new Date().toISOString(), doc: this.pending }));
      } catch {
        // Too big for the journal: the ordinary write below is all there is.
      }
    }
    void this.flush();
  };

  /** Writes any change not yet saved; resolves when it is on disk. */
  flush = async (): Promise<void> => {
    clearTimeout(this.timer);
    const doc = this.pending;
    this.pending = undefined;
    if (doc) {
      this.saving = this.saving.then(async () => {
        try {
          await this.storage.save(doc);
          await this.keepVersion(doc);
          this.journal?.removeItem(JOURNAL_KEY);
          const message: SavedMessage = { type: 'saved', mapId: doc.id, tab: this.tabId, at: new Date().toISOString() };
          this.channel?.postMessage(message);
          this.set({ save: { state: this.pending ? 'saving' : 'saved' }, maps: await this.storage.list() });
        } catch (e) {
          // The write failed as a whole (IndexedDB transactions are atomic): what was saved before is intact.
          // Keep the change pending so that the next change, or a retry, writes it.
          this.pending ??= doc;
          this.set({ save: { state: 'error', message: describeSaveError(e) } });
        }
      });
    }
    await this.saving;
  };

  private async keepVersion(doc: AssetMapDoc) {
    const now = Date.now();
    const last = this.lastVersion.get(doc.id);
    if (last !== undefined && now - last < this.versionEvery) return;
    this.lastVersion.set(doc.id, now);
    try {
      await this.storage.addVersion(doc);
    } catch {
      // A version is a convenience; failing to keep one must not fail the save.
    }
  }

  /** Another tab saved a map. If it is the one open here, follow it — unless this tab has changes of its own. */
  private async onTabMessage(data: unknown) {
    const m = data as SavedMessage | undefined;
    if (m?.type !== 'saved' || m.tab === this.tabId) return;
    this.set({ maps: await this.storage.list() });
    if (m.mapId !== this.store.getDoc().id) return;
    if (this.pending) {
      this.set({ conflict: { at: m.at } });
      return;
    }
    const doc = await this.storage.load(m.mapId);
    if (doc && !this.pending) this.store.replace(doc);
  }

  /** Keep this tab's version: write it over the other tab's. */
  keepMine = async () => {
    this.set({ conflict: undefined });
    this.pending ??= this.store.getDoc();
    await this.flush();
  };

  /** Take the other tab's version, dropping this tab's unsaved changes. */
  takeTheirs = async () => {
    this.pending = undefined;
    clearTimeout(this.timer);
    this.set({ conflict: undefined });
    const doc = await this.storage.load(this.store.getDoc().id);
    if (doc) this.store.replace(doc);
    this.set({ save: { state: 'saved' } });
  };

  /** Makes a document the open map (a new map, a file, a template), saved at once. */
  async openDoc(doc: AssetMapDoc): Promise<void> {
    await this.flush();
    this.store.replace(doc);
    this.pending = doc;
    await this.flush();
    await this.storage.setMeta('lastMap', doc.id).catch(() => undefined);
  }

  async newMap(template: TemplateId, title?: string): Promise<void> {
    const doc = createFromTemplate(template);
    if (title) doc.title = title;
    await this.openDoc(doc);
  }

  async switchTo(id: string): Promise<boolean> {
    if (id === this.store.getDoc().id) return true;
    await this.flush();
    const doc = await this.storage.load(id);
    if (!doc) return false;
    this.store.replace(doc);
    await this.storage.setMeta('lastMap', id);
    this.set({ maps: await this.storage.list(), conflict: undefined });
    return true;
  }

  async duplicate(id: string): Promise<void> {
    await this.flush();
    const doc = id === this.store.getDoc().id ? this.store.getDoc() : await this.storage.load(id);
    if (!doc) return;
    const copy: AssetMapDoc = { ...structuredClone(doc), id: newId('map'), title: `${doc.title} (copy)`, created: new Date().toISOString() };
    await this.storage.save(copy);
    this.set({ maps: await this.storage.list() });
  }

  async rename(id: string, title: string): Promise<void> {
    const clean = title.trim() || 'Untitled map';
    if (id === this.store.getDoc().id) {
      this.store.dispatch('setTitle', { title: clean });
      await this.flush();
      return;
    }
    const doc = await this.storage.load(id);
    if (!doc) return;
    await this.storage.save({ ...doc, title: clean });
    this.set({ maps: await this.storage.list() });
  }

  /** Deletes a map and returns it, so that the caller can offer to bring it back. */
  async remove(id: string): Promise<AssetMapDoc | undefined> {
    await this.flush();
    const doc = id === this.store.getDoc().id ? this.store.getDoc() : await this.storage.load(id);
    await this.storage.remove(id);
    let maps = await this.storage.list();
    if (id === this.store.getDoc().id) {
      const next = maps[0] && (await this.storage.load(maps[0].id));
      if (next) {
        this.store.replace(next);
        await this.storage.setMeta('lastMap', next.id);
      } else {
        await this.openDoc(emptyDoc('Untitled map'));
        maps = await this.storage.list();
      }
    }
    this.set({ maps });
    return doc;
  }

  async restore(doc: AssetMapDoc): Promise<void> {
    await this.storage.save(doc);
    this.set({ maps: await this.storage.list() });
  }

  listVersions = (): Promise<VersionSummary[]> => this.storage.listVersions(this.store.getDoc().id);

  /** Puts a saved version back as the open map's content: one undo step. */
  async restoreVersion(key: number): Promise<boolean> {
    const version = await this.storage.loadVersion(key);
    if (!version || version.id !== this.store.getDoc().id) return false;
    return this.store.dispatch('restoreVersion', { version });
  }
}

function describeSaveError(e: unknown): string {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return 'the browser’s storage for this site is full';
  return 'the browser would not store it' + (e instanceof Error && e.message ? ` (${e.message})` : '');
}
