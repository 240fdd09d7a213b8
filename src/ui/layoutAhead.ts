/**
 * Auto layout that answers at once. Once a map has stood unchanged for a moment and the page is idle, its layout
 * is worked out in the layout worker, ahead of the click; Auto layout then applies it straight away if the map
 * and the settings asked for are still those, and lays out as before otherwise. Most of the time a first Auto
 * layout took went to the worker's run (the layout itself, on code not yet warmed up), which now happens while
 * the user looks at the map.
 *
 * Nothing runs for a map that cannot be changed here (a view link), in a hidden tab, or while the map keeps
 * changing (typing, dragging): the work waits until it has stood still for `STILL_MS`.
 */
import type { AssetMapDoc, LayoutSettings } from '../model';
import type { LayoutResult } from '../layout/layoutMap';
import { runLayout } from '../layout/runLayout';
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
    if (ahead && ahead.doc !== doc) ahead = undefined;
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
      return ahead && ahead.doc === doc && sameSettings(ahead.settings, settings) ? ahead.result : undefined;
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
