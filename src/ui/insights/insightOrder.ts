/**
 * How Insights are listed: what a user acts on first (suggested connections to accept or dismiss, then gaps to
 * fill), what is worth knowing after; unused strengths, often the longest list, last. The analysis keeps its own
 * order of kinds; this is the page's.
 */
import type { FindingKind } from '../../analysis';

export const INSIGHT_ORDER: readonly FindingKind[] = [
  'suggested-connection',
  'overdue-step',
  'stale-tie',
  'no-contact-owner',
  'season-soon',
  'open-weakness',
  'unowned-improvement',
  'unheld-partner',
  'single-contact',
  'broker',
  'separate-groups',
  'silo',
  'unused-strength',
];

/** A group longer than this shows its first FOLDED_SHOWN findings and a "Show all" button. */
export const FOLD_OVER = 6;
export const FOLDED_SHOWN = 5;
