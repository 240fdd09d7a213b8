/**
 * The workspace: which map is open, its store, saving every change, the list of maps, saved versions, and other
 * tabs on the same map. No React here; the UI subscribes.
 *
 * Saving: every change is written to storage a moment later (one write for a burst of changes). When the page
 * is hidden or closed, a change not yet written goes to a synchronous journal (localStorage) as well, because an
 * IndexedDB write started while a tab closes may never finish; the next start writes the journal back.
 *
 * Loading: every map that comes in — from storage, the journal, a saved version, another tab — goes through
 * `restore` (records.ts), like a file. A stored map that cannot be opened is left as it is, and the workspace says
 * so in `problem`; the other maps still open.
 */
import { type AssetMapDoc, type ExampleSpec, type LayoutOutput, SUNNYDALE, buildExample, emptyDoc, newId, writeLayout } from '../model';
import SUNNYDALE_LAYOUT from 'virtual:laid-out-examples/sunnydale';
import { DocStore } from './docStore';
import { type MapStorage, type MapSummary, type VersionSummary } from './persist';
import { type Loaded, journalEntry, readStored } from './records';

export type SaveStatus = { state: 'saved' | 'saving' | 'idle' } | { state: 'error'; message: string };

export interface WorkspaceState {
  ready: boolean;
  maps: MapSummary[];
  save: SaveStatus;
  /** Set when another tab saved the map open here while this one had changes of its own not yet saved. */
  conflict?: { at: string };
  /** Maps shared with a team, by map id: the room and secret they open with again (kept in workspace meta). */
  shared: Readonly<Record<string, SharedLink>>;
  /** The latest thing to tell the user about loading: a stored map that could not be opened, or was repaired. */
  problem?: { text: string; tone: 'error' | 'info'; seq: number };
}

/** Where a shared map lives on the sharing server: its room and the secret of the link it came with. */
export interface SharedLink {
  room: string;
  secret: string;
}

const SHARED_KEY = 'shared';

export type TemplateId = 'blank' | 'sunnydale' | 'gotham' | 'smallville' | string;

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
/** A journal this version could not read, set aside untouched. */
const UNREAD_JOURNAL_KEY = 'asset-map:journal-unread';

interface SavedMessage {
  type: 'saved';
  mapId: string;
  tab: string;
  at: string;
}

/**
 * A laid-out copy of a built-in example, under a new id. Sunnydale, which a first visit opens, comes with the
 * first view; the other examples load when one is asked for.
 */
export async function createFromTemplate(template: TemplateId): Promise<AssetMapDoc> {
  if (template === 'sunnydale') return laidOutCopy(SUNNYDALE, SUNNYDALE_LAYOUT);
  if (template === 'blank') return emptyDoc('Untitled map');
  const [{ EXAMPLES }, { default: layouts }] = await Promise.all([import('../model/moreExamples'), import('virtual:laid-out-examples')]);
  const spec = Object.hasOwn(EXAMPLES, template) ? EXAMPLES[template] : undefined;
  return spec ? laidOutCopy(spec, layouts[template]) : emptyDoc('Untitled map');
}

function laidOutCopy(spec: ExampleSpec, layout: LayoutOutput | undefined): AssetMapDoc {
  const doc = buildExample(spec, newId('map'));
  // Laid out when the app was built: opening an example runs no layout in the page.
  if (layout) writeLayout(doc, layout);
  return doc;
}

export class Workspace {
  readonly store: DocStore;
  private state: WorkspaceState = { ready: false, maps: [], shared: {}, save: { state: 'idle' } };
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

  /**
   * Opens the last map (after writing back any journal), or the next one that opens if it cannot; on a first
   * visit, or when no saved map opens, the Sunnydale example as a new map (nothing stored is overwritten).
   */
  async init(): Promise<void> {
    await this.recoverJournal();
    this.state = { ...this.state, shared: await this.readShared() };
    const maps = await this.storage.list();
    const last = await this.storage.getMeta<string>('lastMap');
    const order = [...maps.filter((m) => m.id === last), ...maps.filter((m) => m.id !== last)];
    for (const summary of order) {
      const doc = await this.read(summary.id, summary.title);
      if (!doc) continue;
      this.store.replace(doc);
      this.set({ ready: true, maps });
      return;
    }
    await this.openDoc(await createFromTemplate('sunnydale'));
    this.set({ ready: true });
  }

  /**
   * Loads a stored map through `restore`. When it cannot be opened (damaged, or saved by a newer version of the
   * app), says so in plain words and returns nothing; the record is left as it is.
   */
  private async read(id: string, title?: string): Promise<AssetMapDoc | undefined> {
    let loaded: Loaded | undefined;
    try {
      loaded = await this.storage.load(id);
    } catch (e) {
      this.tell('error', `The map “${title ?? id}” saved in this browser could not be read (${e instanceof Error ? e.message : String(e)}). It was left as it is; your other maps are fine.`);
      return undefined;
    }
    return this.accept(loaded, title ?? id);
  }

  private accept(loaded: Loaded | undefined, title: string): AssetMapDoc | undefined {
    if (!loaded) return undefined;
    if (!loaded.ok) {
      this.tell('error', describeStoredError(loaded, title));
      return undefined;
    }
    if (loaded.value.repairs.length) this.tell('info', `The map “${loaded.value.doc.title}” needed repairs when it opened: ${loaded.value.repairs.join(' ')}`);
    return loaded.value.doc;
  }

  private problemSeq = 0;
  private tell(tone: 'error' | 'info', text: string) {
    this.set({ problem: { text, tone, seq: ++this.problemSeq } });
  }

  private async recoverJournal() {
    const raw = this.journal?.getItem(JOURNAL_KEY);
    if (!raw) return;
    let entry: unknown;
    try {
      entry = JSON.parse(raw);
    } catch {
      // Not even JSON: nothing in it can be brought back, and keeping it would only fail again at every start.
      this.journal?.removeItem(JOURNAL_KEY);
      return;
    }
    const loaded = await readStored(entry);
    if (!loaded.ok) {
      // Saved by a newer version of the app, or damaged: set it aside (the next journal would overwrite it) for a
      // version that can read it.
      try {
        this.journal?.setItem(UNREAD_JOURNAL_KEY, raw);
        this.journal?.removeItem(JOURNAL_KEY);
      } catch {
        // No room to set it aside: it stays where it is.
      }
      this.tell('error', describeStoredError(loaded, 'not yet saved when a tab closed'));
      return;
    }
    try {
      await this.storage.save(loaded.value.doc);
      await this.storage.setMeta('lastMap', loaded.value.doc.id);
      this.journal?.removeItem(JOURNAL_KEY);
    } catch {
      // A journal that cannot be written back stays for the next start; the saved map is untouched.
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
        this.journal.setItem(JOURNAL_KEY, JSON.stringify(journalEntry(this.pending)));
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
    const doc = await this.read(m.mapId);
    if (doc && !this.pending && doc.id === this.store.getDoc().id) this.store.replace(doc);
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
    const doc = await this.read(this.store.getDoc().id);
    if (doc) this.store.replace(doc);
    this.set({ save: { state: 'saved' } });
  };

  private async readShared(): Promise<Record<string, SharedLink>> {
    const stored = await this.storage.getMeta<unknown>(SHARED_KEY).catch(() => undefined);
    const out: Record<string, SharedLink> = {};
    if (!stored || typeof stored !== 'object') return out;
    for (const [id, v] of Object.entries(stored)) {
      const link = v as Partial<SharedLink> | null;
      if (typeof link?.room === 'string' && typeof link.secret === 'string') out[id] = { room: link.room, secret: link.secret };
    }
    return out;
  }

  /**
   * Marks a map as shared (the link it opens with again) or no longer shared. The open map is saved at once, so
   * that a map opened from a link is in the Maps list before anything changes in it.
   */
  async setShared(mapId: string, link: SharedLink | undefined): Promise<void> {
    const shared = { ...this.state.shared };
    if (link) shared[mapId] = link;
    else delete shared[mapId];
    this.set({ shared });
    try {
      await this.storage.setMeta(SHARED_KEY, shared);
    } catch {
      // Not kept: the map stays shared in this page, and opens unshared next time.
    }
    if (link && mapId === this.store.getDoc().id) {
      this.pending ??= this.store.getDoc();
      await this.flush();
      await this.storage.setMeta('lastMap', mapId).catch(() => undefined);
    }
  }

  /** Makes a document the open map (a new map, a file, a template), saved at once. */
  async openDoc(doc: AssetMapDoc): Promise<void> {
    await this.flush();
    this.store.replace(doc);
    // What was just opened is kept by its first save; its first saved version comes with the first change after
    // a while. Writing both at once copied a large map twice in one task as it opened.
    if (!this.lastVersion.has(doc.id)) this.lastVersion.set(doc.id, Date.now());
    this.pending = doc;
    // The save in a task of its own: writing the map as text for its record (records.ts) would otherwise
    // lengthen the task that draws it. A tab closed meanwhile still keeps it (flushOnExit).
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.flush();
    await this.storage.setMeta('lastMap', doc.id).catch(() => undefined);
  }

  async newMap(template: TemplateId, title?: string): Promise<void> {
    const doc = await createFromTemplate(template);
    if (title) doc.title = title;
    await this.openDoc(doc);
  }

  async switchTo(id: string): Promise<boolean> {
    if (id === this.store.getDoc().id) return true;
    await this.flush();
    const doc = await this.read(id, this.state.maps.find((m) => m.id === id)?.title);
    if (!doc) return false;
    this.store.replace(doc);
    await this.storage.setMeta('lastMap', id);
    this.set({ maps: await this.storage.list(), conflict: undefined });
    return true;
  }

  async duplicate(id: string): Promise<void> {
    await this.flush();
    const doc = id === this.store.getDoc().id ? this.store.getDoc() : await this.read(id);
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
    const doc = await this.read(id);
    if (!doc) return;
    await this.storage.save({ ...doc, title: clean });
    this.set({ maps: await this.storage.list() });
  }

  /** Deletes a map and returns it, so that the caller can offer to bring it back. */
  async remove(id: string): Promise<AssetMapDoc | undefined> {
    await this.flush();
    const doc = id === this.store.getDoc().id ? this.store.getDoc() : await this.read(id);
    // A map that cannot be opened is not deleted: it could not be brought back with Restore.
    if (!doc) return undefined;
    await this.storage.remove(id);
    let maps = await this.storage.list();
    if (id === this.store.getDoc().id) {
      let next: AssetMapDoc | undefined;
      for (const m of maps) if ((next = await this.read(m.id, m.title))) break;
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

  /**
   * Whether a document from a file is a map this browser already keeps: 'new' when it is not, 'same' when the
   * stored one has the same content, 'differs' when opening it would change the stored one.
   */
  async compareWithStored(doc: AssetMapDoc): Promise<'new' | 'same' | 'differs'> {
    if (!this.state.maps.some((m) => m.id === doc.id) && doc.id !== this.store.getDoc().id) return 'new';
    await this.flush();
    const stored = doc.id === this.store.getDoc().id ? this.store.getDoc() : await this.read(doc.id);
    if (!stored) return 'differs';
    return contentKey(stored) === contentKey(doc) ? 'same' : 'differs';
  }

  /**
   * Puts a document from a file in place of the stored map with its id: the map is opened, what it held is kept
   * as a saved version, and the replacement is one undo step.
   */
  async replaceMap(doc: AssetMapDoc): Promise<boolean> {
    if (doc.id !== this.store.getDoc().id && !(await this.switchTo(doc.id))) return false;
    const current = this.store.getDoc();
    try {
      await this.storage.addVersion(current);
      this.lastVersion.set(current.id, Date.now());
    } catch {
      // Undo still brings it back in this tab.
    }
    this.store.dispatch('restoreVersion', { version: doc });
    await this.flush();
    return true;
  }

  listVersions = (): Promise<VersionSummary[]> => this.storage.listVersions(this.store.getDoc().id);

  /** Puts a saved version back as the open map's content: one undo step. */
  async restoreVersion(key: number): Promise<boolean> {
    const version = this.accept(await this.storage.loadVersion(key), 'saved version');
    if (!version || version.id !== this.store.getDoc().id) return false;
    return this.store.dispatch('restoreVersion', { version });
  }
}

/** What a map holds, for telling two copies apart (its id and creation date aside). */
const contentKey = (d: AssetMapDoc) => JSON.stringify([d.title, d.nodes, d.edges, d.routes, d.layout, d.reflect, d.dismissed, d.reviews?.map((r) => r.id)]);

/** A sentence for a stored map that could not be opened; nothing stored was changed. */
function describeStoredError(loaded: Extract<Loaded, { ok: false }>, title: string): string {
  const e = loaded.error;
  const what = `The map “${title}” saved in this browser`;
  switch (e.kind) {
    case 'too-new':
      return `${what} was saved by a newer version of Asset Map (version ${e.version}), so this version cannot open it. It was left as it is; open the newer version of the app to work on it.`;
    case 'migration-failed':
      return `${what} is from an older version of Asset Map and could not be upgraded: ${e.detail}. It was left as it is; your other maps are fine.`;
    case 'invalid':
      return `${what} is damaged and could not be opened: ${e.detail}. It was left as it is; your other maps are fine.`;
    default:
      return `${what} is damaged and could not be opened (it does not hold a map Asset Map can read). It was left as it is; your other maps are fine.`;
  }
}

function describeSaveError(e: unknown): string {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return 'the browser’s storage for this site is full';
  return 'the browser would not store it' + (e instanceof Error && e.message ? ` (${e.message})` : '');
}
