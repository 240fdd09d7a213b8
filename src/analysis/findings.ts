/**
 * What the Insights list shows: findings, their kinds with plain-words titles, their order, and counts per asset
 * for the badges on the map.
 */
import type { Area, EdgeKind, TieStrength } from '../model';

export const FINDING_KINDS = [
  'unused-strength',
  'unheld-partner',
  'single-contact',
  'broker',
  'silo',
  'separate-groups',
  'open-weakness',
  'unowned-improvement',
  'suggested-connection',
  'overdue-step',
  'stale-tie',
  'no-contact-owner',
  'season-soon',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export type SuggestionGrade = 'strong' | 'possible' | 'weak';

/** The grades in words, for the list. */
export const GRADE_WORDS: Record<SuggestionGrade, string> = { strong: 'Strong match', possible: 'Possible match', weak: 'Weak match' };

/** The edge that accepting a suggestion adds: the payload of `linkAssets` without its id. */
export interface AcceptEdge {
  kind: EdgeKind;
  source: string;
  target: string;
  tie?: TieStrength;
}

export interface Finding {
  /**
   * Stable across edits that keep the nodes it concerns: `<kind>:<node id>` for most kinds,
   * `suggest:<strength id>><weakness id>` and `suggest:<colleague id>><partner or program id>` for suggestions.
   * It is the key of `doc.dismissed`.
   */
  id: string;
  kind: FindingKind;
  /** The nodes it concerns, the main one first (to show on the map). */
  nodeIds: string[];
  /** The assets of those nodes, each once (a strength counts for its asset): for badges. */
  assetIds: string[];
  /** One plain sentence. */
  reason: string;
  /** Higher comes first within a kind. */
  weight: number;
  /** Suggestions: the edge that accepting one adds. */
  accept?: AcceptEdge;
  /** Suggestions: the toolkit area of the kind of help both sides are about. */
  areas?: Area[];
  /** Suggestions: how good a match it is; weak ones are listed behind "Show more". */
  grade?: SuggestionGrade;
  /** Suggestions: the kind of help (or `topic:<topic>` for a shared interest); dismissing lowers alike ones. */
  help?: string;
  /** Set on dismissed suggestions, which are listed only when asked for. */
  dismissed?: true;
}

export const FINDING_KIND_NAMES: Record<FindingKind, { title: string; description: string }> = {
  'unused-strength': {
    title: 'Unused strengths',
    description: 'Strengths that support no program or asset yet. The toolkit calls these untapped assets.',
  },
  'unheld-partner': {
    title: 'Partners no colleague holds',
    description: 'Partners that no colleague has a relationship with.',
  },
  'single-contact': {
    title: 'Partners held by one colleague',
    description: 'Partners that only one colleague has a relationship with: if that person leaves, the library loses the partnership.',
  },
  broker: {
    title: 'Colleagues who are the only way in',
    description: 'Colleagues whose leaving would cut partners off from every other colleague on the map.',
  },
  'separate-groups': {
    title: 'Groups no relationship joins',
    description: 'Parts of the map that share no relationship, or only one: people and partners worth introducing to each other.',
  },
  silo: {
    title: 'Colleagues tied to no one',
    description: 'Colleagues with no relationship to anyone on the map.',
  },
  'open-weakness': {
    title: 'Weaknesses with no improvement',
    description: 'Weaknesses with no improvement attached to them, or to their asset when it has no other weakness.',
  },
  'unowned-improvement': {
    title: 'Improvements no one owns',
    description: 'Improvements that are not done and have no colleague responsible for them.',
  },
  'overdue-step': {
    title: 'Next steps overdue',
    description: 'Partnerships whose next step was due before today.',
  },
  'stale-tie': {
    title: 'Ties going stale',
    description: 'Partnerships no one has been in touch with for longer than the time you set, or active ones with no contact recorded.',
  },
  'no-contact-owner': {
    title: 'Active partnerships with no contact owner',
    description: 'Active partnerships that no colleague is named as holding.',
  },
  'season-soon': {
    title: 'Seasons coming up',
    description: 'Seasonal partnerships whose season starts within a month.',
  },
  'suggested-connection': {
    title: 'Suggested connections',
    description:
      'What one asset offers (a strength, a colleague’s passion or interest) for what another needs (a weakness), when both are about the same kind of help, or a colleague whose passion matches a partner or a program. Strong and possible matches come first; weak ones wait behind “Show more”. Accept one to add it to the map, or dismiss it: alike suggestions then rank lower.',
  },
};

const KIND_RANK = new Map<FindingKind, number>(FINDING_KINDS.map((k, i) => [k, i]));

/** Kind order, then weight (highest first), then id: the same list for the same document, every time. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)! ||
    b.weight - a.weight ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}


/** Weights are rounded so that sums of logarithms compare the same on every engine. */
export const roundWeight = (w: number): number => Math.round(w * 100) / 100;
