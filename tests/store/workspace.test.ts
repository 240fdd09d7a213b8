import { afterEach, describe, expect, it } from 'vitest';
import { type AssetMapDoc } from '../../src/model';
import { MemoryStorage, VERSIONS_KEPT, Workspace, createFromTemplate } from '../../src/store';
import { CURRENT_VERSION } from '../../src/io/mapFile';

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

const loadDoc = async (storage: MemoryStorage, id: string): Promise<AssetMapDoc> => {
  const loaded = await storage.load(id);
  if (!loaded?.ok) throw new Error(`map ${id} did not load`);
  return loaded.value.doc;
};

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
    expect((await loadDoc(storage, ws.store.getDoc().id)).title).toBe('Saved at last');
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
    expect((await loadDoc(storage, a.store.getDoc().id)).title).toBe('A’s title');
    delete (b as unknown as { flush?: unknown }).flush;
    await b.takeTheirs();
    expect(b.store.getDoc().title).toBe('A’s title');
  });

  describe('every stored map comes in through restore', () => {
    /** A map as the first release stored it: the document itself under its id, with its summary beside it. */
    const released = (doc: AssetMapDoc) => ({
      maps: [{ id: doc.id, doc: structuredClone(doc) }],
      summaries: [{ id: doc.id, title: doc.title, created: doc.created, updated: '2026-11-01T10:00:00.000Z', assets: 12 }],
    });

    it('a map stored by the first release opens with nothing lost, and is stored in the current form', async () => {
      const doc = await createFromTemplate('sunnydale');
      const storage = new MemoryStorage(released(doc));
      const ws = new Workspace(storage);
      await ws.init();
      expect(ws.store.getDoc()).toEqual(doc);
      // The current form keeps the map as JSON text (the browser copies text far faster than objects).
      const raw = storage.raw(doc.id) as { map: unknown };
      expect(typeof raw.map).toBe('string');
      expect({ ...raw, map: JSON.parse(raw.map as string) }).toEqual({ id: doc.id, format: 'asset-map', version: CURRENT_VERSION, map: doc });
      expect(ws.getState().problem).toBeUndefined();
    });

    it('a map stored as objects in the current version opens as it is; one whose text is cut short gets a plain message', async () => {
      const doc = await createFromTemplate('sunnydale');
      const other = { ...(await createFromTemplate('sunnydale')), id: 'map-cut', title: 'Cut short' };
      const record = { id: doc.id, format: 'asset-map', version: CURRENT_VERSION, map: structuredClone(doc) };
      const cut = { id: other.id, format: 'asset-map', version: CURRENT_VERSION, map: JSON.stringify(other).slice(0, 200) };
      const storage = new MemoryStorage({
        maps: [record, cut],
        summaries: [
          { id: doc.id, title: doc.title, created: doc.created, updated: '2026-11-02T10:00:00.000Z', assets: 12 },
          { id: other.id, title: other.title, created: other.created, updated: '2026-11-01T10:00:00.000Z', assets: 12 },
        ],
      });
      const ws = new Workspace(storage);
      await ws.init();
      expect(ws.store.getDoc()).toEqual(doc);
      expect(storage.raw(doc.id)).toEqual(record);
      const loaded = await storage.load(other.id);
      expect(loaded?.ok).toBe(false);
      expect(storage.raw(other.id)).toEqual(cut);
    });

    it('a damaged stored map gets a plain message, is left as it is, and the other maps still open', async () => {
      const good = await createFromTemplate('smallville');
      const damaged = { id: 'map-damaged', format: 'asset-map', version: 1, map: { title: 'Branch B', nodes: 'not a list' } };
      const storage = new MemoryStorage({
        maps: [{ id: good.id, format: 'asset-map', version: 1, map: good }, damaged],
        summaries: [
          { id: 'map-damaged', title: 'Branch B', created: good.created, updated: '2026-12-01T00:00:00.000Z', assets: 3 },
          { id: good.id, title: good.title, created: good.created, updated: '2026-11-01T00:00:00.000Z', assets: 9 },
        ],
      });
      const ws = new Workspace(storage);
      await ws.init();
      // The damaged map was the latest; the next one opened instead.
      expect(ws.store.getDoc().id).toBe(good.id);
      expect(ws.getState().problem).toMatchObject({
        tone: 'error',
        text: 'The map “Branch B” saved in this browser is damaged and could not be opened: its list of nodes is missing. It was left as it is; your other maps are fine.',
      });
      expect(storage.raw('map-damaged')).toEqual(damaged);
      expect(await ws.switchTo('map-damaged')).toBe(false);
      expect(ws.store.getDoc().id).toBe(good.id);
      // Deleting what cannot be opened is refused: it could not be restored afterwards.
      expect(await ws.remove('map-damaged')).toBeUndefined();
      expect(storage.raw('map-damaged')).toEqual(damaged);
    });

    it('a map saved by a newer version of the app is refused in words and never overwritten', async () => {
      const doc = await createFromTemplate('gotham');
      const newer = { id: doc.id, format: 'asset-map', version: CURRENT_VERSION + 1, map: doc };
      const storage = new MemoryStorage({ maps: [newer], summaries: released(doc).summaries });
      const ws = new Workspace(storage);
      await ws.init();
      expect(ws.store.getDoc().id).not.toBe(doc.id);
      expect(ws.getState().problem?.text).toBe(
        `The map “${doc.title}” saved in this browser was saved by a newer version of Asset Map (version ${CURRENT_VERSION + 1}), so this version cannot open it. It was left as it is; open the newer version of the app to work on it.`,
      );
      expect(storage.raw(doc.id)).toEqual(newer);
    });

    it('a stored map with a dangling connection opens repaired, and says so', async () => {
      const doc = await createFromTemplate('sunnydale');
      const raw = structuredClone(doc) as AssetMapDoc;
      raw.edges['e-dangling'] = { id: 'e-dangling', kind: 'relationship', source: 'nowhere', target: Object.keys(raw.nodes)[0]!, tie: 'weak' };
      const storage = new MemoryStorage({ maps: [{ id: doc.id, format: 'asset-map', version: 1, map: raw }], summaries: released(doc).summaries });
      const ws = new Workspace(storage);
      await ws.init();
      expect(ws.store.getDoc()).toEqual(doc);
      expect(ws.getState().problem).toMatchObject({ tone: 'info', text: `The map “${doc.title}” needed repairs when it opened: 1 connection pointed to missing items, and was left out.` });
    });

    it('a journal written by the first release is brought back', async () => {
      const doc = await createFromTemplate('sunnydale');
      const journal = new MapJournal();
      journal.setItem('asset-map:journal', JSON.stringify({ at: '2026-11-01T10:00:00.000Z', doc: { ...doc, title: 'Closed in a hurry' } }));
      const storage = new MemoryStorage();
      const ws = new Workspace(storage, { journal });
      await ws.init();
      expect(ws.store.getDoc()).toEqual({ ...doc, title: 'Closed in a hurry' });
      expect(journal.data.size).toBe(0);
    });

    it('a journal that cannot be opened is kept for a version that can, and the user is told', async () => {
      const journal = new MapJournal();
      const entry = JSON.stringify({ at: '2026-11-01T10:00:00.000Z', format: 'asset-map', version: CURRENT_VERSION + 1, map: {} });
      journal.setItem('asset-map:journal', entry);
      const ws = new Workspace(new MemoryStorage(), { journal });
      await ws.init();
      expect(journal.getItem('asset-map:journal-unread')).toBe(entry);
      expect(ws.getState().problem?.tone).toBe('error');
    });

    it('the journal and saved versions are written as envelopes', async () => {
      const journal = new MapJournal();
      const storage = new MemoryStorage();
      const ws = new Workspace(storage, { journal, versionEvery: 0 });
      await ws.init();
      rename(ws, 'Kept');
      ws.flushOnExit();
      const written = JSON.parse([...journal.data.values()][0] ?? '{}');
      expect(written).toMatchObject({ format: 'asset-map', version: CURRENT_VERSION, map: { title: 'Kept' } });
      await ws.flush();
      const [latest] = await ws.listVersions();
      const loaded = await storage.loadVersion(latest!.key);
      expect(loaded?.ok && loaded.value.doc.title).toBe('Kept');
    });
  });
});

describe('the built-in examples', () => {
  it('open laid out exactly as the auto layout lays them out (their layout is made when the app is built)', async () => {
    const { buildExample } = await import('../../src/model');
    const { EXAMPLES } = await import('../../src/model/moreExamples');
    const { layOutInPlace } = await import('../../src/layout/layoutMap');
    for (const key of Object.keys(EXAMPLES)) {
      const made = await createFromTemplate(key);
      const expected = layOutInPlace(buildExample(EXAMPLES[key]!, made.id));
      expect({ ...made, created: '' }, key).toEqual({ ...expected, created: '' });
    }
  });
});

describe('shared maps in the workspace', () => {
  it('a map marked shared is saved at once, listed, and still marked shared after a restart; unmarking drops the link', async () => {
    const storage = new MemoryStorage();
    const ws = new Workspace(storage);
    await ws.init();
    // A map arrived from a link: in the store, not yet saved (the binding put it there without a change).
    const arrived = await createFromTemplate('sunnydale');
    arrived.title = 'From a link';
    ws.store.replace(arrived);
    expect((await storage.list()).some((m) => m.id === arrived.id)).toBe(false);

    await ws.setShared(arrived.id, { room: 'r'.repeat(22), secret: 's'.repeat(43) });
    expect((await storage.list()).find((m) => m.id === arrived.id)?.title).toBe('From a link');
    expect(ws.getState().shared[arrived.id]).toEqual({ room: 'r'.repeat(22), secret: 's'.repeat(43) });

    const again = new Workspace(storage);
    await again.init();
    expect(again.store.getDoc().id).toBe(arrived.id);
    expect(again.getState().shared[arrived.id]?.room).toBe('r'.repeat(22));

    await again.setShared(arrived.id, undefined);
    const third = new Workspace(storage);
    await third.init();
    expect(third.getState().shared).toEqual({});
  });

  it('a damaged record of shared maps is read as none, and the maps still open', async () => {
    const storage = new MemoryStorage();
    await storage.setMeta('shared', { a: { room: 3 }, b: null, c: 'x' });
    const ws = new Workspace(storage);
    await ws.init();
    expect(ws.getState().shared).toEqual({});
    expect(ws.getState().ready).toBe(true);
  });
});
