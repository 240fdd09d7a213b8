/**
 * The Insights list of a document: every finding, in a deterministic order, and the suggestions the user
 * dismissed so that they can be listed and restored.
 */
import type { AssetMapDoc } from '../model';
import { buildContext } from './context';
import { getLedgerFindings, localToday } from './ledger';
import { type Finding, compareFindings } from './findings';
import { buildTieGraph, getBrokers, getSeparateGroups } from './structure';
import { type SuggestionCounts, getOpenWeaknesses, getPartnerFindings, getSilos, getUnownedImprovements, getUnusedStrengths } from './gaps';
import {
  type AnalysisStats,
  buildSuggestIndex,
  getPassionSuggestions,
  getSuggestionByKey,
  getWeaknessSuggestions,
} from './suggest';

export interface FindingsOptions {
  /** Also list dismissed suggestions, marked `dismissed: true`. */
  includeDismissed?: boolean;
  /** Counters to fill in, to see how much work the suggestion search did. */
  stats?: AnalysisStats;
  /** The user's calendar day (ISO), for the ledger's findings; today unless given. */
  today?: string;
  /** The locale dates in sentences are written in; the user's unless given. */
  locale?: string;
}

export function getFindings(doc: AssetMapDoc, options: FindingsOptions = {}): Finding[] {
  const ctx = buildContext(doc);
  const index = buildSuggestIndex(ctx);
  const weaknessSuggestions = getWeaknessSuggestions(ctx, index, options.stats);
  const passionSuggestions = getPassionSuggestions(ctx, index, options.stats);

  // Strengths and weaknesses with a suggestion rank first among the unused and the open ones.
  const counts: SuggestionCounts = new Map();
  for (const s of weaknessSuggestions) for (const id of s.nodeIds) counts.set(id, (counts.get(id) ?? 0) + 1);

  const ties = buildTieGraph(ctx);
  const findings = [
    ...getUnusedStrengths(ctx, counts),
    ...getPartnerFindings(ctx),
    ...getBrokers(ctx, ties),
    ...getSilos(ctx),
    ...getSeparateGroups(ctx, ties),
    ...getOpenWeaknesses(ctx, counts),
    ...getUnownedImprovements(ctx),
    ...weaknessSuggestions,
    ...passionSuggestions,
    ...getLedgerFindings(doc, options.today ?? localToday(), options.locale),
  ];
  if (options.includeDismissed) findings.push(...dismissedOf(doc, ctx, index));
  return findings.sort(compareFindings);
}

function dismissedOf(doc: AssetMapDoc, ctx = buildContext(doc), index = buildSuggestIndex(ctx)): Finding[] {
  const out: Finding[] = [];
  for (const key of Object.keys(doc.dismissed)) {
    if (!doc.dismissed[key]) continue;
    const finding = getSuggestionByKey(ctx, index, key);
    if (finding) out.push({ ...finding, dismissed: true });
  }
  return out;
}

/**
 * The dismissed suggestions that would still apply, as they read now, so that the user can review and restore
 * them (`restoreSuggestion` with the finding's id). Keys of suggestions that no longer apply are left out.
 */
export function getDismissedSuggestions(doc: AssetMapDoc): Finding[] {
  return dismissedOf(doc).sort(compareFindings);
}
