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

/**
 * Whether two versions of a document have the same findings because they differ only where the analysis never
 * looks: where nodes stand, edge routes, layout settings, title, Reflect answers. Moving a node (a drag ends
 * with one) then reuses the findings instead of computing them again. Unchanged parts are the same objects
 * (immer keeps them), so this is a pass of identity checks over the nodes, with a field check for the moved.
 */
export function sameAnalysisInput(a: AssetMapDoc, b: AssetMapDoc): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.dismissed !== b.dismissed || a.staleAfterMonths !== b.staleAfterMonths) return false;
  if (a.nodes === b.nodes) return true;
  const ids = Object.keys(a.nodes);
  if (ids.length !== Object.keys(b.nodes).length) return false;
  for (const id of ids) {
    const x = a.nodes[id]!;
    const y = b.nodes[id];
    if (x !== y && (!y || !sameExceptPlace(x, y))) return false;
  }
  return true;
}

function sameExceptPlace(a: object, b: object): boolean {
  const ka = Object.keys(a).filter((k) => k !== 'x' && k !== 'y');
  if (ka.length !== Object.keys(b).filter((k) => k !== 'x' && k !== 'y').length) return false;
  // Fields are strings, numbers, and arrays of area names: compared as JSON where they are not the same value.
  return ka.every((k) => {
    const u = (a as Record<string, unknown>)[k];
    const v = (b as Record<string, unknown>)[k];
    return u === v || (typeof u === 'object' && typeof v === 'object' && JSON.stringify(u) === JSON.stringify(v));
  });
}

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
