/**
 * Present mode: the saved views one after another, full screen (the Fullscreen API on the map where the browser
 * has it, else the map over the whole window), for a staff meeting. Arrow keys, Page Up and Page Down, Space and
 * Shift+Space step through them, Home and End go to the first and last; the view's name and "n of N" show below.
 * Escape (or Leave) ends it: the map is as it was before, and the focus back on the Present button. With no
 * saved views it presents the whole map.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { type SavedView, getViews } from '../../model';
import { useServices, useStoreState } from '../context';
import type { SessionState } from '../session';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

type Before = Pick<SessionState, 'hiddenKinds' | 'tagFilter' | 'focusMode' | 'focus' | 'selection'>;

export function Presenter({ container }: { container: React.RefObject<HTMLDivElement | null> }) {
  const { session } = useServices();
  const { doc } = useStoreState();
  const rf = useReactFlow();
  const views = getViews(doc);
  const slides: (SavedView | undefined)[] = views.length ? views : [undefined];
  const [index, setIndex] = useState(0);
  const at = Math.min(index, slides.length - 1);
  const slide = slides[at];
  const root = useRef<HTMLDivElement>(null);
  const before = useRef<{ state: Before; viewport: { x: number; y: number; zoom: number } } | null>(null);

  const leave = useCallback(() => session.set({ presenting: false }), [session]);

  // On the way in: keep what the map showed, go full screen, take the focus. On the way out: put it all back.
  useEffect(() => {
    const s = session.getState();
    before.current = { state: { hiddenKinds: s.hiddenKinds, tagFilter: s.tagFilter, focusMode: s.focusMode, focus: s.focus, selection: s.selection }, viewport: rf.getViewport() };
    session.set({ selection: [] });
    const el = container.current;
    if (el?.requestFullscreen && document.fullscreenEnabled) void el.requestFullscreen().catch(() => undefined);
    root.current?.focus();
    const onFullscreen = () => {
      if (!document.fullscreenElement) leave();
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreen);
      const kept = before.current;
      if (kept) session.set(kept.state);
      // Once the canvas has its own size again (full screen ends on its own time): the view as it was, and the
      // focus on the Present button.
      const out = document.fullscreenElement ? document.exitFullscreen().catch(() => undefined) : Promise.resolve();
      void out.then(() =>
        requestAnimationFrame(() => {
          if (kept) void rf.setViewport(kept.viewport);
          document.querySelector<HTMLElement>('.am-present-button')?.focus();
        }),
      );
    };
  }, [container, leave, rf, session]);

  // Each slide: its filters and focus, and its part of the map whole (again whenever the screen changes size).
  const show = useCallback(
    (animate: boolean) => {
      const duration = animate ? 250 : 0;
      if (slide) void rf.fitBounds(slide.region, { padding: 0.02, duration });
      else void rf.fitView({ padding: 0.06, duration, includeHiddenNodes: true });
    },
    [rf, slide],
  );
  useEffect(() => {
    session.set(
      slide
        ? { hiddenKinds: slide.hiddenKinds ?? [], tagFilter: slide.tag, focusMode: slide.focus, focus: [] }
        : { hiddenKinds: [], tagFilter: undefined, focusMode: undefined, focus: [] },
    );
    // After React Flow has the nodes the filters show.
    const t = setTimeout(() => show(true), 30);
    return () => clearTimeout(t);
  }, [session, slide, show]);
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let first = true;
    const observer = new ResizeObserver(() => {
      if (first) first = false;
      else show(false);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [container, show]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // Enter and Space on one of the presenter's buttons press it.
      if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof HTMLButtonElement && root.current?.contains(e.target)) return;
      const back = PREVIOUS.has(e.key) || (e.key === ' ' && e.shiftKey);
      const step = e.key === 'Home' ? -Infinity : e.key === 'End' ? Infinity : back ? -1 : NEXT.has(e.key) ? 1 : 0;
      if (e.key === 'Escape') leave();
      else if (step) setIndex((i) => Math.max(0, Math.min(slides.length - 1, Math.min(i, slides.length - 1) + step)));
      else if (e.key === 'Tab') {
        // Tab goes round the presenter's own buttons: the page under it is out of reach while it is on.
        const buttons = [...(root.current?.querySelectorAll<HTMLElement>('button:not([disabled])') ?? [])];
        const i = buttons.indexOf(document.activeElement as HTMLElement);
        const n = buttons.length;
        (i < 0 ? buttons[e.shiftKey ? n - 1 : 0] : buttons[(i + (e.shiftKey ? n - 1 : 1)) % n])?.focus();
      } else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [leave, slides.length]);

  const name = slide?.name ?? 'Whole map';
  const count = `${at + 1} of ${slides.length}`;
  return (
    <div ref={root} className="am-present" role="dialog" aria-modal="true" aria-label={`Presenting ${doc.title}`} tabIndex={-1}>
      <div className="am-present-bar">
        <div className="am-present-caption" role="status" aria-live="polite">
          <span className="am-present-name" dir="auto">
            {name}
          </span>
          <span className="am-present-count">{count}</span>
        </div>
        <div className="am-present-nav">
          <button type="button" aria-label="Previous view" disabled={at === 0} onClick={() => setIndex(at - 1)}>
            <span aria-hidden="true">‹</span>
          </button>
          <button type="button" aria-label="Next view" disabled={at === slides.length - 1} onClick={() => setIndex(at + 1)}>
            <span aria-hidden="true">›</span>
          </button>
          <button type="button" onClick={leave}>
            Leave <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
