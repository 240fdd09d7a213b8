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
export { type AreaChoice, areasOf, passionAreas, programAreas, weaknessNeeds } from './areas';
export {
  type AcceptEdge,
  type Finding,
  type FindingKind,
  FINDING_KINDS,
  FINDING_KIND_NAMES,
  GRADE_WORDS,
  type SuggestionGrade,
  compareFindings,
  countFindingsByNode,
} from './findings';
export { type FindingsOptions, getDismissedSuggestions, getFindings, sameAnalysisInput } from './getFindings';
export {
  type AnalysisStats,
  CANDIDATES_PER_KIND,
  SEARCH_LISTS,
  SIMILAR_DISMISSED_PENALTY,
  SUGGESTIONS_PER_COLLEAGUE,
  SUGGESTIONS_PER_WEAKNESS,
  suggestionId,
} from './suggest';
export { HELP_KINDS, type HelpKind } from './helpLexicon';
export { readNeed, readOffer } from './needOffer';
export { type ReflectFacts, type ReflectQuestionId, REFLECT_QUESTIONS, getReflectFacts } from './reflect';
export { headerWords } from './header';
