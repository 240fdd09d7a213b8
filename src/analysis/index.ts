/**
 * The analysis layer: pure queries behind Insights and Reflect. It owns the area lexicon, the tables of needs and
 * offers (helpLexicon.ts) and their reading (needOffer.ts), the findings (unused strengths, partners no colleague
 * holds or only one does, colleagues who are partners' only way in, colleagues tied to no one, groups no
 * relationship joins, weaknesses with no improvement, improvements no one owns, suggested connections) and the
 * facts for the Reflect questions. runAnalysis.ts runs it in a worker for large maps (analysis.worker.ts, which
 * imports getFindings.ts directly, not this index).
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
  GRADE_WORDS,
  compareFindings,
} from './findings';
export { getDismissedSuggestions, getFindings } from './getFindings';
export { countFindingsByNode, sameAnalysisInput } from './input';
export {
  type AnalysisStats,
  CANDIDATES_PER_KIND,
  SEARCH_LISTS,
  SUGGESTIONS_PER_COLLEAGUE,
  SUGGESTIONS_PER_WEAKNESS,
} from './suggest';
export { type DueItem, getDueItems, groupDueByOwner, localToday } from './ledger';
export { HELP_KINDS } from './helpLexicon';
export { readNeed, readOffer } from './needOffer';
export { REFLECT_QUESTIONS, getReflectFacts } from './reflect';
