/**
 * Insights keeps its place while the user goes to the map and back ("Show on map" switches tabs, which unmounts
 * the view): the scroll position and the groups opened with "Show all", per map, for as long as the page lives.
 */
import { type RefObject, useLayoutEffect, useState } from 'react';
import type { FindingKind } from '../../analysis';

interface Place {
  scroll: number;
  expanded: ReadonlySet<FindingKind>;
}

const places = new Map<string, Place>();

/** The element that scrolls the view: the tab panel around it. */
const scrollerOf = (el: HTMLElement | null) => el?.closest<HTMLElement>('[role="tabpanel"]') ?? null;

export function useKeptPlace(mapId: string, ref: RefObject<HTMLElement | null>) {
  const [expanded, setExpanded] = useState<ReadonlySet<FindingKind>>(() => places.get(mapId)?.expanded ?? new Set());
  useLayoutEffect(() => {
    const scroller = scrollerOf(ref.current);
    if (!scroller) return undefined;
    scroller.scrollTop = places.get(mapId)?.scroll ?? 0;
    // Kept as it changes: by the time the view unmounts, the tab panel may hold another view.
    const keep = () => places.set(mapId, { scroll: scroller.scrollTop, expanded: places.get(mapId)?.expanded ?? new Set() });
    scroller.addEventListener('scroll', keep, { passive: true });
    return () => scroller.removeEventListener('scroll', keep);
  }, [mapId, ref]);
  const toggle = (kind: FindingKind) => {
    const next = new Set(expanded);
    if (!next.delete(kind)) next.add(kind);
    setExpanded(next);
    places.set(mapId, { scroll: places.get(mapId)?.scroll ?? 0, expanded: next });
  };
  return { expanded, toggle };
}
