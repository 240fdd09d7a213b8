/**
 * The comparison being shown: its diff (computed once per pair of states, whoever asks), and what it puts on
 * the map — a mark on each item of the map now that was added, changed or moved, and a ghost, where it stood,
 * for each item the map now does not have (removed, or from a later state that is not the map now).
 */
import { useEffect, useMemo, useState } from 'react';
import { useSession, useStoreState } from '../context';
import { loadOnce } from '../loadOnce';

import type { ShownComparison } from './showComparison';

export type { DiffMark, Ghost, ShownComparison } from './showComparison';

type Shower = typeof import('./showComparison');
let shower: Shower | undefined;

/** The diff's code, loaded with the first comparison shown (and fetched when the page is idle, see lazyParts). */
export const loadShower = loadOnce(() => import('./showComparison').then((m) => (shower = m)));

/** The comparison open now, followed as the map changes when one side is the map now; undefined when none. */
export function useComparison(): ShownComparison | undefined {
  const comparison = useSession((s) => s.comparison);
  const { doc } = useStoreState();
  const [ready, setReady] = useState(!!shower);
  useEffect(() => {
    if (comparison && !ready) void loadShower().then(() => setReady(true));
  }, [comparison, ready]);
  return useMemo(() => (comparison && ready && shower ? shower.showComparison(comparison, doc) : undefined), [comparison, doc, ready]);
}
