import { afterEach, describe, expect, it } from 'vitest';
import { type AssetMapDoc } from '../../src/model';
import { MemoryStorage, VERSIONS_KEPT, Workspace } from '../../src/store';

class MapJournal {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

/** Storage whose writes fail, as a full disk's do, until told otherwise. */
class FullStorage extends MemoryStorage {
  full = false;
  override async save(doc: AssetMapDoc) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return super.save(doc);
  }
}

const channels: BroadcastChannel[] = [];
const channel = () => {
  const c = new BroadcastChannel('asset-map-test');
  channels.push(c);
  return c;
};
afterEach(() => {
  for (const c of channels.splice(0)) c.close();
});

const rename = (ws: Workspace, title: string) => ws.store.dispatch('setTitle', { title });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('workspace', () => {
  it('opens the Sunnydale example on a first visit, and the last map afterwards', async () => {
    const storage = new MemoryStorage();
    const ws = new Workspace(storage);
    await ws.init();
    expect(ws.store.getDoc().title).toBe('Sunnydale Public Library');
    rename(ws, 'Branch');
    await ws.flush();
    const again = new Workspace(storage);
    await again.init();
    expect(again.store.getDoc()).toEqual(ws.store.getDoc());
  });

  it('a change not yet written when the page closes is kept by the journal and written back on the next start', async () => {
    const storage = new MemoryStorage();
    const journal = new MapJournal();
    const ws = new Workspace(storage, { journal });
    await ws.init();
    rename(ws, 'Edited just before closing');
    // The page closes: the journal is written at once; pretend the IndexedDB write never ran.
    (ws as unknown as { flush: () => Promise<void> }).flush = async () => undefined;
    ws.flushOnExit();
    expect(journal.data.size).toBe(1);
    const next = new Workspace(storage, { journal });
    await next.init();
    expect(next.store.getDoc().title).toBe('Edited just before closing');
    expect(journal.data.size).toBe(0);
  });

  it('a full disk keeps what was saved, reports it in words, and saves once it can', async () => {
    const storage = new FullStorage();
    const ws = new Workspace(storage);
    await ws.init();
    const saved = structuredClone(await storage.load(ws.store.getDoc().id));
    storage.full = true;
    rename(ws, 'Not saved yet');
    await ws.flush();
    expect(ws.getState().save).toEqual({ state: 'error', message: 'the browser’s storage for this site is full' });
    expect(await storage.load(ws.store.getDoc().id)).toEqual(saved);
    // Working goes on in memory; the next write succeeds with every change.
    rename(ws, 'Saved at last');
    storage.full = false;
    await ws.flush();
    expect(ws.getState().save.state).toBe('saved');
    expect((await storage.load(ws.store.getDoc().id))!.title).toBe('Saved at last');
  });

  it(`keeps the last ${VERSIONS_KEPT} versions, and restoring one is undoable`, async () => {
    const storage = new MemoryStorage();
    const ws = new Workspace(storage, { versionEvery: 0 });
    await ws.init();
    for (let i = 0; i < VERSIONS_KEPT + 5; i++) {
      rename(ws, `Title ${i}`);
      await ws.flush();
    }
    const versions = await ws.listVersions();
    expect(versions).toHaveLength(VERSIONS_KEPT);
    expect(versions[0]!.title).toBe(`Title ${VERSIONS_KEPT + 4}`);
    const old = versions[VERSIONS_KEPT - 1]!;
    expect(await ws.restoreVersion(old.key)).toBe(true);
    expect(ws.store.getDoc().title).toBe(old.title);
    ws.store.undo();
    expect(ws.store.getDoc().title).toBe(`Title ${VERSIONS_KEPT + 4}`);
  });

  it('a second tab follows the map when it has no changes of its own', async () => {
    const storage = new MemoryStorage();
    const a = new Workspace(storage, { channel: channel() });
    await a.init();
    const b = new Workspace(storage, { channel: channel() });
    await b.init();
    rename(a, 'Changed in tab A');
    await a.flush();
    await until(() => b.store.getDoc().title === 'Changed in tab A');
  });

  it('a second tab with its own unsaved changes is told, and overwrites nothing silently', async () => {
    const storage = new MemoryStorage();
    const a = new Workspace(storage, { channel: channel() });
    await a.init();
    const b = new Workspace(storage, { channel: channel() });
    await b.init();
    // B has a change waiting to be written when A's save arrives.
    (b as unknown as { flush: () => Promise<void> }).flush = async () => undefined;
    rename(b, 'B’s title');
    rename(a, 'A’s title');
    await a.flush();
    await until(() => !!b.getState().conflict);
    expect(b.store.getDoc().title).toBe('B’s title');
    expect((await storage.load(a.store.getDoc().id))!.title).toBe('A’s title');
    delete (b as unknown as { flush?: unknown }).flush;
    await b.takeTheirs();
    expect(b.store.getDoc().title).toBe('A’s title');
  });
});
