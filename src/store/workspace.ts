/**
 * The workspace: which map is open, its store, saving every change, and the list of maps.
 * No React here; the UI subscribes.
 */
import { type AssetMapDoc, EXAMPLES, buildExample, emptyDoc, newId } from '../model';
import { layoutMap } from '../layout';
import { DocStore } from './docStore';
import { type MapStorage, type MapSummary } from './persist';

export type SaveStatus = { state: 'saved' | 'saving' | 'idle' } | { state: 'error'; message: string };

export interface WorkspaceState {
  ready: boolean;
  maps: MapSummary[];
  save: SaveStatus;
}

export type TemplateId = 'blank' | keyof typeof EXAMPLES | string;

const SAVE_DELAY = 250;

/** A laid-out copy of a built-in example, under a new id. */
export function createFromTemplate(template: TemplateId): AssetMapDoc {
  const spec = EXAMPLES[template];
  if (!spec) return emptyDoc('Untitled map');
  const doc = buildExample(spec, newId('map'));
  const { positions, routes } = layoutMap(doc, doc.layout);
  for (const [id, p] of Object.entries(positions)) {
    doc.nodes[id]!.x = p.x;
    doc.nodes[id]!.y = p.y;
  }
  doc.routes = routes;
  return doc;
}

export class Workspace {
  readonly store: DocStore;
  private state: WorkspaceState = { ready: false, maps: [], save: { state: 'idle' } };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: AssetMapDoc | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(readonly storage: MapStorage) {
    this.store = new DocStore(emptyDoc());
    this.store.subscribe((s) => {
      if (s.lastChange !== 'replace') this.scheduleSave(s.doc);
    });
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

  /** Opens the last map, or on a first visit the Sunnydale example. */
  async init(): Promise<void> {
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

  private scheduleSave(doc: AssetMapDoc) {
    this.pending = doc;
    this.set({ save: { state: 'saving' } });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY);
  }

  /** Writes any change not yet saved; resolves when it is on disk. */
  flush = async (): Promise<void> => {
    clearTimeout(this.timer);
    const doc = this.pending;
    this.pending = undefined;
    if (doc) {
      this.saving = this.saving.then(async () => {
        try {
          await this.storage.save(doc);
          this.set({ save: { state: this.pending ? 'saving' : 'saved' }, maps: await this.storage.list() });
        } catch (e) {
          this.set({ save: { state: 'error', message: e instanceof Error ? e.message : String(e) } });
        }
      });
    }
    await this.saving;
  };

  /** Makes a document the open map (a new map, a file, a template), saved at once. */
  async openDoc(doc: AssetMapDoc): Promise<void> {
    await this.flush();
    this.store.replace(doc);
    this.pending = doc;
    await this.flush();
    await this.storage.setMeta('lastMap', doc.id);
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
    this.set({ maps: await this.storage.list() });
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
}
