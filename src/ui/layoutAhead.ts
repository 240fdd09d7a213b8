/**
 * Auto layout that answers at once. A map's layout is worked out in the layout worker ahead of the click: for a
 * map just opened (a file, a new map, another from Maps) at once, while the page draws it, and otherwise once
 * the map has stood unchanged for a moment and the page is idle. Auto layout then applies it straight away if
 * the map still lays out the same (`sameLayoutInput`: only moved, or laid out already) with the settings asked
 * for, waits for it if it is still being worked out, and lays out as before otherwise. A layout made anyway (on
 * opening a map never laid out, importing a sheet, Auto layout itself) is kept the same way (`seed`), so that
 * the next Auto layout of that map is at once too. Most of the time a first Auto layout took went to the
 * worker's run (the layout itself, on code not yet warmed up), which now happens while the user looks at the
 * map, or while it is drawn.
 *
 * One layout is worked out ahead at a time: maps opened one after another while one is in the worker wait for
 * it, and then only the map open by then is laid out, so that the worker never holds a queue of layouts of maps
 * no longer open ahead of the user's own. Nothing runs for a map that cannot be changed here (a view link), in
 * a hidden tab, or while the map keeps changing (typing, dragging): the work waits until it has stood still for
 * `STILL_MS`.
 */
import type { AssetMapDoc, LayoutSettings } from '../model';
import type { LayoutResult } from '../layout/layoutMap';
import { runLayout } from '../layout/runLayout';
import { sameLayoutInput } from '../layout/layoutInput';
import { whenIdle } from './idle';

/** How long a map stands unchanged before its layout is worked out ahead. */
export const STILL_MS = 800;

interface Source {
  getDoc(): AssetMapDoc;
  getState(): { readOnly?: string };
  subscribe(listener: () => void): () => void;
}

interface Ahead {
  doc: AssetMapDoc;
  settings: LayoutSettings;
  result: Promise<LayoutResult | undefined>;
}

const sameSettings = (a: LayoutSettings, b: LayoutSettings) => a.direction === b.direction && a.spacing === b.spacing;

export interface LayoutAhead {
  /** The layout of `doc` with `settings`, worked out (or being worked out) ahead; undefined when there is none. */
  take(doc: AssetMapDoc, settings: LayoutSettings): Promise<LayoutResult | undefined> | undefined;
  /** Keeps a layout made anyway: `result` is the layout of `doc` with `settings`. */
  seed(doc: AssetMapDoc, settings: LayoutSettings, result: LayoutResult): void;
  stop(): void;
}

/** Runs `work` in a task after the next frame is painted (a task soon, where there are no frames); cancellable. */
function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** How long a map just opened waits at most for the page to be idle before its layout is worked out ahead. */
const JUST_OPENED_IDLE_MS = 300;

/** How many layouts are kept: for going back and forth between a few maps. */
const KEPT = 3;

export function layOutAhead(source: Source, run: (doc: AssetMapDoc, settings: LayoutSettings) => Promise<LayoutResult> = runLayout): LayoutAhead {
  /** Layouts worked out ahead or made anyway, the latest first. */
  let kept: Ahead[] = [];
  const keep = (a: Ahead) => {
    kept = [a, ...kept].slice(0, KEPT);
  };
  /** A layout kept for this version of a map, with the map's own settings. */
  const keptFor = (doc: AssetMapDoc, settings: LayoutSettings) => kept.find((a) => sameSettings(a.settings, settings) && sameLayoutInput(a.doc, doc));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;
  /** The open map's id: another one means a map was just opened. */
  let open = source.getDoc().id;
  /** A map just opened and not changed since: laid out as soon as the worker is free of another layout ahead. */
  let justOpened: AssetMapDoc | undefined;
  /** The layout being worked out ahead, until it is done. */
  let running: Promise<unknown> | undefined;
  const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

  const start = (doc: AssetMapDoc) => {
    justOpened = undefined;
    const result = run(doc, doc.layout).catch(() => undefined);
    keep({ doc, settings: doc.layout, result });
    running = result;
    void result.then(() => {
      if (running !== result) return;
      running = undefined;
      // Maps opened meanwhile waited for this one.
      if (!stopped) plan();
    });
  };

  const plan = () => {
    if (timer !== undefined) clearTimeout(timer);
    cancelIdle?.();
    const doc = source.getDoc();
    if (doc.id !== open) {
      open = doc.id;
      justOpened = doc;
    } else if (justOpened && doc !== justOpened) {
      justOpened = undefined;
    }
    if (keptFor(doc, doc.layout) || source.getState().readOnly !== undefined || running) return;
    if (justOpened === doc && !hidden()) {
      // Once the map is drawn and the page is idle: the layout's input is measured on this thread, which would
      // hold up the drawing, or a click that comes at once.
      cancelIdle = afterPaint(() => {
        cancelIdle = whenIdle(() => {
          cancelIdle = undefined;
          if (source.getDoc() === doc && !running && !keptFor(doc, doc.layout)) start(doc);
        }, JUST_OPENED_IDLE_MS);
      });
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      cancelIdle = whenIdle(() => {
        cancelIdle = undefined;
        const now = source.getDoc();
        if (now !== doc || keptFor(doc, doc.layout) || running || hidden() || source.getState().readOnly !== undefined) return;
        start(doc);
      }, 2000);
    }, STILL_MS);
  };

  let stopped = false;
  const unsubscribe = source.subscribe(plan);
  const onVisible = () => {
    if (!hidden()) plan();
  };
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
  plan();
  return {
    take(doc, settings) {
      return keptFor(doc, settings)?.result;
    },
    seed(doc, settings, result) {
      keep({ doc, settings, result: Promise.resolve(result) });
    },
    stop() {
      stopped = true;
      unsubscribe();
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
      if (timer !== undefined) clearTimeout(timer);
      cancelIdle?.();
      kept = [];
    },
  };
}
