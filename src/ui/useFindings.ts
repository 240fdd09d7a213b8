/** The analysis of the open map, computed once per document version and shared by every view that shows it. */
import { useDeferredValue, useMemo } from 'react';
import { type Finding, countFindingsByNode, getDismissedSuggestions, getFindings } from '../analysis';
import type { AssetMapDoc } from '../model';
import { useStoreState } from './context';

let last: { doc: AssetMapDoc; findings: Finding[] } | undefined;

/** Findings for a document; the last result is kept, so views switching tabs do not recompute. */
export function findingsFor(doc: AssetMapDoc): Finding[] {
  if (last?.doc !== doc) last = { doc, findings: getFindings(doc) };
  return last.findings;
}

export function useFindings() {
  const { doc } = useStoreState();
  // Typing stays responsive on big maps: the analysis follows a moment behind.
  const deferred = useDeferredValue(doc);
  const findings = useMemo(() => findingsFor(deferred), [deferred]);
  const badges = useMemo(() => countFindingsByNode(findings), [findings]);
  const dismissed = useMemo(() => getDismissedSuggestions(deferred), [deferred]);
  return { doc: deferred, findings, badges, dismissed };
}
