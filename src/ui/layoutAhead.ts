/**
 * Auto layout that answers at once. Once a map has stood unchanged for a moment and the page is idle, its layout
 * is worked out in the layout worker, ahead of the click; Auto layout then applies it straight away if the map
 * still lays out the same (`sameLayoutInput`: only moved, or laid out already) with the settings asked for,
 * and lays out as before otherwise. A layout made anyway (on opening a map never laid out, importing a sheet,
 * Auto layout itself) is kept the same way (`seed`), so that the next Auto layout of that map is at once too. Most of the time a first Auto
 * layout took went to the worker's run (the layout itself, on code not yet warmed up), which now happens while
 * the user looks at the map.
 *
 * Nothing runs for a map that cannot be changed here (a view link), in a hidden tab, or while the map keeps
 * changing (typing, dragging): the work waits until it has stood still for `STILL_MS`.
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

export function layOutAhead(source: Source, run: (doc: AssetMapDoc, settings: LayoutSettings) => Promise<LayoutResult> = runLayout): LayoutAhead {
  let ahead: Ahead | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;
  const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

  const plan = () => {
    if (timer !== undefined) clearTimeout(timer);
    cancelIdle?.();
    const doc = source.getDoc();
    if (ahead && !sameLayoutInput(ahead.doc, doc)) ahead = undefined;
    if (ahead || source.getState().readOnly !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      cancelIdle = whenIdle(() => {
        cancelIdle = undefined;
        const now = source.getDoc();
        if (now !== doc || ahead || hidden() || source.getState().readOnly !== undefined) return;
        ahead = { doc, settings: doc.layout, result: run(doc, doc.layout).catch(() => undefined) };
      }, 2000);
    }, STILL_MS);
  };

  const unsubscribe = source.subscribe(plan);
  const onVisible = () => {
    if (!hidden()) plan();
  };
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
  plan();
  return {
    take(doc, settings) {
      return ahead && sameSettings(ahead.settings, settings) && sameLayoutInput(ahead.doc, doc) ? ahead.result : undefined;
    },
    seed(doc, settings, result) {
      ahead = { doc, settings, result: Promise.resolve(result) };
    },
    stop() {
      unsubscribe();
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
      if (timer !== undefined) clearTimeout(timer);
      cancelIdle?.();
      ahead = undefined;
    },
  };
}
