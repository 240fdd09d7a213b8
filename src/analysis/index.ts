/**
 * The analysis layer: pure queries behind Insights and Reflect. It owns the area lexicon, the findings (unused
 * strengths, partners no colleague holds or only one does, colleagues tied to no one, weaknesses with no
 * improvement, improvements no one owns, suggested connections) and the facts for the Reflect questions.
 * It reads documents and never changes them: accepting or dismissing a suggestion is a model command the caller
 * dispatches (`linkAssets` with a finding's `accept`, `dismissSuggestion` with its id).
 * Imports only src/model (src/layout is allowed, not needed). No DOM, no React, no io or store.
 */
export { suggestAreas } from './lexicon';
export { areasOf, passionAreas, programAreas } from './areas';
export {
  type Finding,
  type FindingKind,
  FINDING_KINDS,
  FINDING_KIND_NAMES,
  compareFindings,
  countFindingsByNode,
} from './findings';
export { getDismissedSuggestions, getFindings, sameAnalysisInput } from './getFindings';
export { type DueItem, getDueItems, groupDueByOwner, localToday } from './ledger';
export { type AnalysisStats, CANDIDATES_PER_AREA, SUGGESTIONS_PER_COLLEAGUE, SUGGESTIONS_PER_WEAKNESS } from './suggest';
export { REFLECT_QUESTIONS, getReflectFacts } from './reflect';
export { headerWords } from './header';
