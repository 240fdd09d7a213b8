import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freeze } from 'immer';
import { type AssetMapDoc, type LayoutSettings, SUNNYDALE, buildExample } from '../../src/model';
import type { LayoutResult } from '../../src/layout/layoutMap';
import { STILL_MS, layOutAhead } from '../../src/ui/layoutAhead';

/** A store as the layout ahead sees it: a document, read-only or not, and its subscribers. */
function fakeStore(doc: AssetMapDoc) {
  const listeners = new Set<() => void>();
  const state: { doc: AssetMapDoc; readOnly?: string } = { doc };
  return {
    getDoc: () => state.doc,
    getState: () => state,
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set(next: Partial<typeof state>) {
      Object.assign(state, next);
      for (const l of listeners) l();
    },
  };
}

/** Long enough for a map just opened to be drawn and the page to be idle (here, without idle callbacks: 300 ms). */
const AT_ONCE = 320;

/** Another map: the example under another id, with a name of its own (so that it lays out apart). */
const mapNamed = (id: string) => {
  const doc = buildExample(SUNNYDALE, id);
  doc.nodes.school = { ...doc.nodes.school!, label: `School of ${id}` };
  return freeze(doc, true);
};

const resultFor = (doc: AssetMapDoc): LayoutResult => ({ positions: { [Object.keys(doc.nodes)[0]!]: { x: 1, y: 2 } }, routes: {} }) as unknown as LayoutResult;

describe('layout worked out ahead', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const start = () => {
    const doc = freeze(buildExample(SUNNYDALE, 'map_a'), true);
    const store = fakeStore(doc);
    const run = vi.fn(async (d: AssetMapDoc, _s: LayoutSettings) => resultFor(d));
    const ahead = layOutAhead(store, run);
    return { doc, store, run, ahead };
  };

  it('lays out a map that stood still, once, and hands the result to a layout of that map with its settings', async () => {
    const { doc, run, ahead } = start();
    expect(ahead.take(doc, doc.layout)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]![0]).toBe(doc);
    expect(await ahead.take(doc, { ...doc.layout })).toEqual(resultFor(doc));
    // Other settings, or a version of the map with other links: not this layout.
    expect(ahead.take(doc, { ...doc.layout, direction: doc.layout.direction === 'LR' ? 'TB' : 'LR' })).toBeUndefined();
    expect(ahead.take({ ...doc, edges: {} }, doc.layout)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1);
    ahead.stop();
  });

  it('waits while the map keeps changing, then lays out only the last version', async () => {
    const { store, run, ahead } = start();
    let last = store.getDoc();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(STILL_MS / 2);
      last = { ...last, title: `Typing ${i}` };
      store.set({ doc: last });
    }
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]![0]).toBe(last);
    expect(ahead.take(last, last.layout)).toBeDefined();
    ahead.stop();
  });

  it('does nothing for a map that cannot be changed here, and nothing after it is stopped', async () => {
    const { store, run, ahead } = start();
    store.set({ readOnly: 'This is a view link.' });
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(run).not.toHaveBeenCalled();
    store.set({ readOnly: undefined });
    ahead.stop();
    store.set({ doc: { ...store.getDoc(), title: 'Later' } });
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(run).not.toHaveBeenCalled();
  });

  it('a layout that failed ahead is none: the click lays out as before', async () => {
    const { doc, store } = start();
    const failing = vi.fn(async () => {
      throw new Error('worker gone');
    });
    const ahead = layOutAhead(store, failing);
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(await ahead.take(doc, doc.layout)).toBeUndefined();
    ahead.stop();
  });

  it('keeps the layout for a map that was only moved or laid out, and drops it when what the layout reads changes', async () => {
    const { doc, store, run, ahead } = start();
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    const first = ahead.take(doc, doc.layout);
    expect(first).toBeDefined();
    const moved = { ...doc, nodes: { ...doc.nodes, school: { ...doc.nodes.school!, x: 999 } } };
    store.set({ doc: moved });
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(run).toHaveBeenCalledTimes(1);
    expect(ahead.take(moved, moved.layout)).toBe(first);
    const renamed = { ...moved, nodes: { ...moved.nodes, school: { ...moved.nodes.school!, label: 'School district' } } };
    store.set({ doc: renamed });
    expect(ahead.take(renamed, renamed.layout)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(run).toHaveBeenCalledTimes(2);
    expect(run.mock.calls[1]![0]).toBe(renamed);
    ahead.stop();
  });

  it('keeps a layout made anyway (seed), for that map and its moved versions, instead of working it out again', async () => {
    const { doc, store, run, ahead } = start();
    const made = resultFor(doc);
    ahead.seed(doc, doc.layout, made);
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(run).not.toHaveBeenCalled();
    const laidOut = { ...doc, nodes: { ...doc.nodes, school: { ...doc.nodes.school!, x: 5, y: 6 } } };
    store.set({ doc: laidOut });
    expect(await ahead.take(laidOut, laidOut.layout)).toBe(made);
    ahead.stop();
  });

  it('lays out a map just opened at once, without waiting for it to stand still', async () => {
    const { store, run, ahead } = start();
    const other = mapNamed('map_b');
    store.set({ doc: other });
    // Once the map is drawn and the page idle.
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(AT_ONCE);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]![0]).toBe(other);
    expect(await ahead.take(other, other.layout)).toEqual(resultFor(other));
    ahead.stop();
  });

  it('works out one layout ahead at a time: maps opened meanwhile wait, and only the one open by then is laid out next', async () => {
    const { store, ahead } = start();
    const finish: (() => void)[] = [];
    const slow = vi.fn((d: AssetMapDoc) => new Promise<LayoutResult>((resolve) => finish.push(() => resolve(resultFor(d)))));
    ahead.stop();
    const later = layOutAhead(store, slow);
    const maps = ['map_b', 'map_c', 'map_d'].map(mapNamed);
    store.set({ doc: maps[0]! });
    await vi.advanceTimersByTimeAsync(AT_ONCE);
    store.set({ doc: maps[1]! });
    await vi.advanceTimersByTimeAsync(AT_ONCE);
    store.set({ doc: maps[2]! });
    await vi.advanceTimersByTimeAsync(AT_ONCE);
    expect(slow.mock.calls.map((c) => c[0].id)).toEqual(['map_b']);
    // The user's Auto layout of the map open now does not get map_b's layout.
    expect(later.take(maps[2]!, maps[2]!.layout)).toBeUndefined();
    finish[0]!();
    await vi.advanceTimersByTimeAsync(AT_ONCE);
    expect(slow.mock.calls.map((c) => c[0].id)).toEqual(['map_b', 'map_d']);
    finish[1]!();
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(slow).toHaveBeenCalledTimes(2);
    expect(later.take(maps[2]!, maps[2]!.layout)).toBeDefined();
    later.stop();
  });

  it('keeps the layouts of the last few maps, for going back and forth between them', async () => {
    const { store, run, ahead } = start();
    const a = mapNamed('map_b');
    const b = mapNamed('map_c');
    store.set({ doc: a });
    await vi.advanceTimersByTimeAsync(AT_ONCE);
    store.set({ doc: b });
    await vi.advanceTimersByTimeAsync(AT_ONCE);
    store.set({ doc: a });
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(run.mock.calls.map((c) => c[0].id)).toEqual(['map_b', 'map_c']);
    expect(ahead.take(a, a.layout)).toBeDefined();
    expect(ahead.take(b, b.layout)).toBeDefined();
    ahead.stop();
  });

  it('a map opened and then changed at once waits to stand still', async () => {
    const { store, run, ahead } = start();
    const other = mapNamed('map_b');
    const hold: (() => void)[] = [];
    ahead.stop();
    const busy = vi.fn((d: AssetMapDoc) => new Promise<LayoutResult>((resolve) => hold.push(() => resolve(resultFor(d)))));
    const later = layOutAhead(store, busy);
    // Laid out ahead at startup, once the first map stood still: still in the worker when the next one opens.
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(busy).toHaveBeenCalledTimes(1);
    store.set({ doc: other });
    const typed = { ...other, title: 'Typed at once' };
    store.set({ doc: typed });
    hold[0]!();
    await vi.advanceTimersByTimeAsync(AT_ONCE);
    expect(busy).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(STILL_MS + 2500);
    expect(busy).toHaveBeenCalledTimes(2);
    expect(busy.mock.calls[1]![0]).toBe(typed);
    expect(run).not.toHaveBeenCalled();
    later.stop();
  });
});
