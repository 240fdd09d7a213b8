/**
 * Suggested connections: an offer of one asset for a need of another, and a colleague whose passion or interest
 * matches a partner or a program.
 *
 * Each weakness is read as a need and each strength, passion or interest as an offer (needOffer.ts, with the
 * words of helpLexicon.ts). An offer is suggested for a need when both are of the same kind of help and their
 * specifics do not contradict ("English/Farsi speakers" do not meet "no ASL speakers"; a room free on weekday
 * mornings does not meet a room full on weekday evenings). Needs for hands or know-how that name a topic ("no one
 * to water the garden") are also met by offers about that topic ("kids who raise animals and garden").
 *
 * Scores: 2 for a kind that fits, more for each specific both sides name (the same language, the same evening),
 * 1 when a need names a topic the offer does not (someone good with computers for "no one can teach sewing").
 * 3 and more is "strong", 2 and more "possible", less "weak" (listed behind "Show more"). Dismissing a suggestion
 * lowers the others that pair the same offer with the same kind of need, on this map.
 *
 * Candidates come from indexes by kind of help and by topic, never from all pairs: a need looks at no more than
 * CANDIDATES_PER_KIND offers per kind or topic, so the work grows with the size of the map, not with its square.
 * Small maps stay exhaustive; on large ones each need examines its own window of each list (its start depends
 * on the need's id), which spreads the suggestions over the map.
 */
import { type AssetNode, type Passion, type TraitNode, isAsset } from '../model';
import { type AnalysisContext, isPartner, isProgram, isStaff } from './context';
import { type Finding, roundWeight } from './findings';
import { HELP_KINDS } from './helpLexicon';
import {
  type Match,
  type Reading,
  TOPIC_NEED_KINDS,
  explainMatch,
  gradeOf,
  interestsOf,
  matchScore,
  readNeed,
  readOffer,
} from './needOffer';
import { joinList, named, quoted } from './phrases';

export const SUGGESTIONS_PER_WEAKNESS = 3;
export const SUGGESTIONS_PER_COLLEAGUE = 3;
export const CANDIDATES_PER_KIND = 48;
/** How much a dismissal lowers suggestions of the same offer for the same kind of need. */
export const SIMILAR_DISMISSED_PENALTY = 1;
/** Lists a need can look in: one per kind of help, one per topic. */
export const SEARCH_LISTS = HELP_KINDS.length;

/** Counters a caller may pass in to see how much work a run did (for tests and benchmarks). */
export interface AnalysisStats {
  /** Weaknesses and passions that looked for candidates. */
  seekers: number;
  /** Candidate pairs scored. */
  comparisons: number;
}

export const suggestionId = (source: string, target: string): string => `suggest:${source}>${target}`;

/** A strength, or a colleague's passion or interest, as something to give. */
interface Offer {
  index: number;
  /** Worksheet order, for ties. */
  rank: number;
  /** The strength's id, or the colleague's for a passion. */
  source: string;
  assetId: string;
  /** The strength, or the colleague. */
  node: TraitNode | AssetNode;
  text: string;
  passion: boolean;
  reading: Reading;
}

/** A program or a partner's strength, as something a colleague's passion can join. */
interface Interest {
  index: number;
  rank: number;
  assetId: string;
  node: TraitNode | AssetNode;
  topics: readonly string[];
}

/** Everything the suggestion search needs, built once per document. */
export interface SuggestIndex {
  offers: Offer[];
  /** Source id -> its offers: a strength has one, a colleague one per passion. */
  bySource: Map<string, Offer[]>;
  byKind: Map<string, Offer[]>;
  /** Offers naming a topic but no kind of help, and passions: for needs of hands or know-how on a topic. */
  byTopic: Map<string, Offer[]>;
  interests: Interest[];
  interestsByTopic: Map<string, Interest[]>;
  /** Source id -> target ids of dismissed suggestions. */
  dismissed: Map<string, Set<string>>;
  /** `<source>|<kind of help>` of dismissed suggestions: the similar ones rank lower. */
  dismissedSimilar: Set<string>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** FNV-1a: a stable start for a window, the same on every engine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function windowStart(length: number, seed: number, salt: number): number {
  if (length <= CANDIDATES_PER_KIND) return 0;
  return (Math.imul(seed ^ salt, 0x9e3779b1) >>> 0) % length;
}

const contextOf = (ctx: AnalysisContext, assetId: string) => {
  const asset = ctx.doc.nodes[assetId];
  return asset ? (asset.details ? `${asset.label}. ${asset.details}` : asset.label) : '';
};

const needOf = (ctx: AnalysisContext, w: TraitNode): Reading => readNeed(w.label, contextOf(ctx, w.attachedTo), w.areas);
const programText = (p: AssetNode) => (p.details ? `${p.label}. ${p.details}` : p.label);

/** A colleague's strength the user tagged Passion/Interest counts as a passion too. */
export function passionsOf(ctx: AnalysisContext, staff: AssetNode): Passion[] {
  const out: Passion[] = [...(staff.passions ?? [])];
  for (const s of ctx.strengths.get(staff.id) ?? []) if (s.areas?.includes('passion')) out.push({ text: s.label, areas: s.areas });
  return out;
}

/** The (source, target) pairs a dismissal key may name; ids may contain ">", so every split is tried. */
function splitKey(ctx: AnalysisContext, key: string): [string, string][] {
  if (!key.startsWith('suggest:')) return [];
  const body = key.slice('suggest:'.length);
  const out: [string, string][] = [];
  for (let at = body.indexOf('>'); at >= 0; at = body.indexOf('>', at + 1)) {
    const [a, b] = [body.slice(0, at), body.slice(at + 1)];
    if (ctx.doc.nodes[a] && ctx.doc.nodes[b]) out.push([a, b]);
  }
  return out;
}

export function buildSuggestIndex(ctx: AnalysisContext): SuggestIndex {
  const offers: Offer[] = [];
  const interests: Interest[] = [];
  const addOffer = (o: Omit<Offer, 'index'>) => {
    if (!o.reading.kinds.length && !o.reading.specifics.topic.length) return;
    offers.push({ ...o, index: offers.length });
  };
  for (const asset of ctx.assets) {
    for (const s of ctx.strengths.get(asset.id) ?? []) {
      const reading = readOffer(s.label, s.areas);
      addOffer({ rank: ctx.rank.get(s.id)!, source: s.id, assetId: asset.id, node: s, text: s.label, passion: false, reading });
      if (asset.kind === 'partner') {
        const topics = interestsOf(reading);
        if (topics.length) interests.push({ index: interests.length, rank: ctx.rank.get(s.id)!, assetId: asset.id, node: s, topics });
      }
    }
    if (asset.kind === 'staff') {
      for (const p of asset.passions ?? []) {
        addOffer({ rank: ctx.rank.get(asset.id)!, source: asset.id, assetId: asset.id, node: asset, text: p.text, passion: true, reading: readOffer(p.text, p.areas) });
      }
    }
    if (asset.kind === 'program') {
      const topics = interestsOf(readOffer(programText(asset)));
      if (topics.length) interests.push({ index: interests.length, rank: ctx.rank.get(asset.id)!, assetId: asset.id, node: asset, topics });
    }
  }
  const byKind = new Map<string, Offer[]>();
  const byTopic = new Map<string, Offer[]>();
  for (const o of offers) {
    for (const k of o.reading.kinds) push(byKind, k, o);
    if (o.passion || !o.reading.kinds.length) for (const t of o.reading.specifics.topic) push(byTopic, t, o);
  }
  const interestsByTopic = new Map<string, Interest[]>();
  for (const i of interests) for (const t of i.topics) push(interestsByTopic, t, i);

  const bySource = new Map<string, Offer[]>();
  for (const o of offers) push(bySource, o.source, o);
  const index: SuggestIndex = { offers, bySource, byKind, byTopic, interests, interestsByTopic, dismissed: new Map(), dismissedSimilar: new Set() };
  for (const key of Object.keys(ctx.doc.dismissed)) {
    if (!ctx.doc.dismissed[key]) continue;
    for (const [a, b] of splitKey(ctx, key)) {
      const set = index.dismissed.get(a);
      if (set) set.add(b);
      else index.dismissed.set(a, new Set([b]));
      const similar = similarKey(ctx, index, a, b);
      if (similar) index.dismissedSimilar.add(similar);
    }
  }
  return index;
}

/** What makes two suggestions alike: the same offer, for the same kind of need. */
function similarKey(ctx: AnalysisContext, index: SuggestIndex, source: string, target: string): string | undefined {
  const t = ctx.doc.nodes[target];
  if (t?.kind === 'weakness') {
    const m = bestOfferMatch(ctx, index, source, t as TraitNode, false);
    return m && `${source}|${m.match.kind.id}`;
  }
  const staff = ctx.doc.nodes[source];
  if (isStaff(staff) && isAsset(t)) {
    const m = bestPassionMatch(ctx, staff, t);
    return m && `${source}|topic:${m.topics[0]}`;
  }
  return undefined;
}

const isDismissed = (index: SuggestIndex, source: string, target: string) => !!index.dismissed.get(source)?.has(target);

// ---- needs met by offers of other assets ----

/** A "supports" edge from the strength, or from its asset, to the weakness's asset: the connection exists. */
function isConnected(ctx: AnalysisContext, source: string, offerAsset: string, assetId: string): boolean {
  return !!(
    ctx.supports.get(source)?.has(assetId) ||
    ctx.supports.get(offerAsset)?.has(assetId) ||
    (source === offerAsset && ctx.related.get(source)?.has(assetId))
  );
}


/** Why, in words: "a place to meet (evening)". */
function aboutWords(m: Match): string {
  return m.shared.length ? `${m.kind.about} (${joinList(m.shared)})` : m.kind.about;
}

interface NeedMatch {
  offer: Offer;
  match: Match;
  score: number;
}

function needFinding(ctx: AnalysisContext, weakness: TraitNode, m: NeedMatch): Finding {
  const to = ctx.doc.nodes[weakness.attachedTo]!;
  const from = ctx.doc.nodes[m.offer.assetId]!;
  const what = m.offer.passion
    ? `The passion or interest ${quoted(m.offer.text)} of ${named(from.label)}`
    : `The strength ${quoted(m.offer.text)} of ${named(from.label)}`;
  return {
    id: suggestionId(m.offer.source, weakness.id),
    kind: 'suggested-connection',
    nodeIds: [m.offer.source, weakness.id],
    assetIds: [from.id, to.id],
    reason: `${what} could help with the weakness ${quoted(weakness.label)} of ${named(to.label)}: both are about ${aboutWords(m.match)}.`,
    weight: roundWeight(m.score),
    grade: gradeOf(m.score),
    help: m.match.kind.id,
    accept: { kind: 'supports', source: m.offer.source, target: to.id },
    areas: [m.match.kind.area],
  };
}

/** The score after dismissals of similar suggestions. */
const adjusted = (index: SuggestIndex, source: string, match: Match) =>
  match.score - (index.dismissedSimilar.has(`${source}|${match.kind.id}`) ? SIMILAR_DISMISSED_PENALTY : 0);

export function getWeaknessSuggestions(ctx: AnalysisContext, index: SuggestIndex, stats?: AnalysisStats): Finding[] {
  const out: Finding[] = [];
  const seen = new Int32Array(index.offers.length);
  let stamp = 0;
  for (const asset of ctx.assets) {
    for (const weakness of ctx.weaknesses.get(asset.id) ?? []) {
      const need = needOf(ctx, weakness);
      if (!need.kinds.length) continue;
      if (stats) stats.seekers++;
      stamp++;
      const seed = hash(weakness.id);
      // Best per source: a colleague's passions and strengths are one offer. Scores only; the kind and the
      // words of the sentence are worked out for the few that are kept.
      const best = new Map<string, { offer: Offer; score: number }>();
      const consider = (list: Offer[] | undefined, salt: number) => {
        if (!list) return;
        const start = windowStart(list.length, seed, salt);
        for (let k = 0, n = Math.min(list.length, CANDIDATES_PER_KIND); k < n; k++) {
          const offer = list[(start + k) % list.length]!;
          if (seen[offer.index] === stamp) continue;
          seen[offer.index] = stamp;
          if (offer.assetId === asset.id) continue;
          if (stats) stats.comparisons++;
          let score = matchScore(offer.reading, need);
          if (score < 0) continue;
          if (index.dismissedSimilar.size) {
            const m = explainMatch(offer.reading, need)!;
            score = adjusted(index, offer.source, { ...m, score });
          }
          const current = best.get(offer.source);
          if (!current || score > current.score || (score === current.score && offer.rank < current.offer.rank)) {
            best.set(offer.source, { offer, score });
          }
        }
      };
      need.kinds.forEach((k, i) => consider(index.byKind.get(k), i));
      if (need.kinds.some((k) => TOPIC_NEED_KINDS.includes(k))) {
        need.specifics.topic.forEach((t, i) => consider(index.byTopic.get(t), 100 + i));
      }
      const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.offer.rank - b.offer.rank);
      let kept = 0;
      for (const m of ranked) {
        if (kept >= SUGGESTIONS_PER_WEAKNESS) break;
        if (isDismissed(index, m.offer.source, weakness.id) || isConnected(ctx, m.offer.source, m.offer.assetId, asset.id)) continue;
        out.push(needFinding(ctx, weakness, { ...m, match: explainMatch(m.offer.reading, need)! }));
        kept++;
      }
    }
  }
  return out;
}

/** The best way an offer (a strength, or a colleague's passions) meets one weakness, ignoring caps. */
function bestOfferMatch(ctx: AnalysisContext, index: SuggestIndex, source: string, weakness: TraitNode, penalise = true): NeedMatch | undefined {
  const need = needOf(ctx, weakness);
  let best: NeedMatch | undefined;
  for (const offer of index.bySource.get(source) ?? []) {
    if (offer.assetId === weakness.attachedTo) continue;
    const match = explainMatch(offer.reading, need);
    if (!match) continue;
    const score = penalise ? adjusted(index, source, match) : match.score;
    if (!best || score > best.score) best = { offer, match, score };
  }
  return best;
}

// ---- colleagues' passions and partners or programs ----

export interface PassionMatch {
  staff: AssetNode;
  passion: string;
  /** The partner's strength, or the program itself. */
  node: TraitNode | AssetNode;
  assetId: string;
  topics: string[];
  score: number;
}

/** A relationship either way, or a "supports" edge from the colleague: they are already connected. */
function isLinked(ctx: AnalysisContext, staffId: string, targetId: string): boolean {
  return !!(ctx.related.get(staffId)?.has(targetId) || ctx.supports.get(staffId)?.has(targetId));
}

const PROGRAM_SCORE = 3;
const PARTNER_SCORE = 2.5;

/**
 * The best match per (colleague, partner or program), each colleague's best first, at most `perColleague` each.
 * With `includeConnected`, pairs already joined by an edge count too and dismissals are ignored (the Reflect
 * view lists what colleagues could leverage, connected or not).
 */
export function getPassionMatches(
  ctx: AnalysisContext,
  index: SuggestIndex,
  options: { includeConnected?: boolean; stats?: AnalysisStats; perColleague?: number } = {},
): PassionMatch[] {
  const { includeConnected = false, stats, perColleague = SUGGESTIONS_PER_COLLEAGUE } = options;
  const out: PassionMatch[] = [];
  const seen = new Int32Array(index.interests.length);
  let stamp = 0;
  for (const staff of ctx.assets) {
    if (staff.kind !== 'staff') continue;
    const passions = passionsOf(ctx, staff);
    if (!passions.length) continue;
    const best = new Map<string, PassionMatch & { rank: number }>();
    const seed = hash(staff.id);
    passions.forEach((passion, pi) => {
      const topics = interestsOf(readOffer(passion.text, passion.areas));
      if (!topics.length) return;
      if (stats) stats.seekers++;
      stamp++;
      topics.forEach((topic, ti) => {
        const list = index.interestsByTopic.get(topic);
        if (!list) return;
        const start = windowStart(list.length, seed + pi, ti);
        for (let k = 0, n = Math.min(list.length, CANDIDATES_PER_KIND); k < n; k++) {
          const target = list[(start + k) % list.length]!;
          if (seen[target.index] === stamp || target.assetId === staff.id) continue;
          seen[target.index] = stamp;
          if (stats) stats.comparisons++;
          if (!includeConnected && (isLinked(ctx, staff.id, target.assetId) || isDismissed(index, staff.id, target.assetId))) continue;
          const shared = topics.filter((t) => target.topics.includes(t));
          let score = isProgram(ctx.doc.nodes[target.assetId]) ? PROGRAM_SCORE : PARTNER_SCORE;
          if (!includeConnected && index.dismissedSimilar.has(`${staff.id}|topic:${shared[0]}`)) score -= SIMILAR_DISMISSED_PENALTY;
          const current = best.get(target.assetId);
          if (!current || score > current.score) {
            best.set(target.assetId, { staff, passion: passion.text, node: target.node, assetId: target.assetId, topics: shared, score, rank: target.rank });
          }
        }
      });
    });
    const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.rank - b.rank).slice(0, perColleague);
    for (const { rank: _rank, ...m } of ranked) out.push(m);
  }
  return out;
}

const topicWords = (topics: readonly string[]) => joinList(topics.map((t) => t.replace(/_/g, ' ')));

/** The sentence for a passion match, also used by the Reflect view. */
export function passionSentence(ctx: AnalysisContext, m: PassionMatch, verb = 'matches'): string {
  const who = `The passion or interest ${quoted(m.passion)} of ${named(m.staff.label)}`;
  const about = `both are about ${topicWords(m.topics)}`;
  if (isAsset(m.node)) return `${who} ${verb} the program ${named(m.node.label)}: ${about}.`;
  const partner = ctx.doc.nodes[m.assetId]!;
  return `${who} ${verb} the strength ${quoted(m.node.label)} of ${named(partner.label)}: ${about}.`;
}

function passionFinding(ctx: AnalysisContext, m: PassionMatch): Finding {
  const target = m.assetId;
  const program = isProgram(ctx.doc.nodes[target]);
  return {
    id: suggestionId(m.staff.id, target),
    kind: 'suggested-connection',
    nodeIds: program ? [m.staff.id, target] : [m.staff.id, target, m.node.id],
    assetIds: [m.staff.id, target],
    reason: passionSentence(ctx, m),
    weight: roundWeight(m.score),
    grade: gradeOf(m.score),
    help: `topic:${m.topics[0]}`,
    accept: program ? { kind: 'supports', source: m.staff.id, target } : { kind: 'relationship', source: m.staff.id, target, tie: 'weak' },
    areas: ['passion'],
  };
}

export function getPassionSuggestions(ctx: AnalysisContext, index: SuggestIndex, stats?: AnalysisStats): Finding[] {
  return getPassionMatches(ctx, index, { stats }).map((m) => passionFinding(ctx, m));
}

function bestPassionMatch(ctx: AnalysisContext, staff: AssetNode, target: AssetNode): PassionMatch | undefined {
  // Only this target's entries, looked up directly: a dismissed key must not cost a scan of the map.
  const entries: { node: TraitNode | AssetNode; topics: string[] }[] =
    target.kind === 'program'
      ? [{ node: target, topics: interestsOf(readOffer(programText(target))) }]
      : (ctx.strengths.get(target.id) ?? []).map((s) => ({ node: s, topics: interestsOf(readOffer(s.label, s.areas)) }));
  for (const passion of passionsOf(ctx, staff)) {
    const topics = interestsOf(readOffer(passion.text, passion.areas));
    for (const e of entries) {
      const shared = topics.filter((t) => e.topics.includes(t));
      if (shared.length) {
        return { staff, passion: passion.text, node: e.node, assetId: target.id, topics: shared, score: target.kind === 'program' ? PROGRAM_SCORE : PARTNER_SCORE };
      }
    }
  }
  return undefined;
}

// ---- dismissed suggestions, rebuilt from their keys ----

/**
 * A dismissed suggestion as it would read now, or undefined when it no longer applies (a node was deleted, the
 * edge was added, the words changed).
 */
export function getSuggestionByKey(ctx: AnalysisContext, index: SuggestIndex, key: string): Finding | undefined {
  for (const [a, b] of splitKey(ctx, key)) {
    const source = ctx.doc.nodes[a];
    const target = ctx.doc.nodes[b];
    if ((source?.kind === 'strength' || isStaff(source)) && target?.kind === 'weakness') {
      const w = target as TraitNode;
      const offerAsset = source.kind === 'strength' ? (source as TraitNode).attachedTo : source.id;
      if (!isAsset(ctx.doc.nodes[offerAsset]) || !isAsset(ctx.doc.nodes[w.attachedTo])) return undefined;
      if (offerAsset === w.attachedTo || isConnected(ctx, a, offerAsset, w.attachedTo)) return undefined;
      const m = bestOfferMatch(ctx, index, a, w, false);
      return m && needFinding(ctx, w, m);
    }
    if (isStaff(source) && (isPartner(target) || isProgram(target))) {
      if (isLinked(ctx, source.id, target.id)) return undefined;
      const match = bestPassionMatch(ctx, source, target);
      return match && passionFinding(ctx, match);
    }
  }
  return undefined;
}

