/**
 * Suggested connections: a strength of one asset that could meet a weakness of another, and a colleague whose
 * passion or interest matches a partner's strength or a program.
 *
 * Candidates come from indexes by area, never from all pairs: a weakness looks only at strengths that share one
 * of its areas, and at most CANDIDATES_PER_AREA of them per area, so the work grows with the size of the map, not
 * with its square. Small maps stay exhaustive; on a map where one area holds more strengths than that, each
 * weakness examines its own window of the area's list (its start depends on the weakness id), which spreads the
 * suggestions over the map instead of offering the same few strengths to everyone.
 *
 * Ranking: each shared area scores by rarity (an area few strengths are about is a stronger hint than one many
 * are about), and each shared content word adds a little ("speakers" and "speakers"). Ties go to worksheet order.
 * Passions need more than a broad area: two texts about Space or Expertise can be about anything, so a passion
 * matches on them only when the texts share a word; Language, Technology and Funding are specific enough alone.
 */
import { AREAS, type Area, type AssetNode, type Passion, type TraitNode, isAsset } from '../model';
import { type Profile, areaMask, areasOf, makeProfile, passionAreas, programAreas, sharedAreas, weaknessNeeds } from './areas';
import { type AnalysisContext, isPartner, isProgram, isStaff } from './context';
import { type Finding, roundWeight } from './findings';
import { areaList, named, quoted } from './phrases';

export const SUGGESTIONS_PER_WEAKNESS = 3;
export const SUGGESTIONS_PER_COLLEAGUE = 3;
export const CANDIDATES_PER_AREA = 48;
const WORD_BONUS = 0.5;
const MAX_SHARED_WORDS = 3;
const TOPICAL_MASK = areaMask(['language', 'technology', 'funding']);

/** Counters a caller may pass in to see how much work a run did (for tests and benchmarks). */
export interface AnalysisStats {
  /** Weaknesses and passions that looked for candidates. */
  seekers: number;
  /** Candidate pairs scored. */
  comparisons: number;
}

export const suggestionId = (source: string, target: string): string => `suggest:${source}>${target}`;

interface Entry {
  /** Position in `entries`, for the per-search "seen" marks. */
  index: number;
  /** Worksheet order, for ties. */
  rank: number;
  node: AssetNode | TraitNode;
  assetId: string;
  profile: Profile;
}

interface AreaIndex {
  entries: Entry[];
  byArea: Map<Area, Entry[]>;
}

function indexByArea(items: Iterable<Omit<Entry, 'index'>>): AreaIndex {
  const entries: Entry[] = [];
  const byArea = new Map<Area, Entry[]>();
  for (const item of items) {
    if (!item.profile.areas.length) continue;
    const entry = { ...item, index: entries.length };
    entries.push(entry);
    for (const area of item.profile.areas) {
      const list = byArea.get(area);
      if (list) list.push(entry);
      else byArea.set(area, [entry]);
    }
  }
  return { entries, byArea };
}

/** FNV-1a: a stable start for a window, the same on every engine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Where a seeker's window starts in an area's list: 0 when the whole list fits. */
function windowStart(length: number, seed: number, area: Area): number {
  if (length <= CANDIDATES_PER_AREA) return 0;
  return (Math.imul(seed ^ AREAS.indexOf(area), 0x9e3779b1) >>> 0) % length;
}

const traitProfile = (node: TraitNode): Profile => makeProfile(areasOf(node).areas, node.label);
const needProfile = (node: TraitNode): Profile => makeProfile(weaknessNeeds(node), node.label);
const passionProfile = (passion: Passion): Profile => makeProfile(passionAreas(passion).areas, passion.text);
const programProfile = (program: AssetNode): Profile =>
  makeProfile(programAreas(program), program.details ? `${program.label}. ${program.details}` : program.label);

/** Everything the suggestion search needs, built once per document. */
export interface SuggestIndex {
  strengths: AreaIndex;
  partnerStrengths: AreaIndex;
  programs: AreaIndex;
  /** Area mask -> the sum of the rarities of its areas, so that scoring a pair is a lookup. */
  rarity: Float64Array;
  /** Source id -> target ids of dismissed suggestions. */
  dismissed: Map<string, Set<string>>;
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
  const strengthItems: Omit<Entry, 'index'>[] = [];
  const programItems: Omit<Entry, 'index'>[] = [];
  for (const asset of ctx.assets) {
    for (const s of ctx.strengths.get(asset.id) ?? []) {
      strengthItems.push({ node: s, assetId: asset.id, rank: ctx.rank.get(s.id)!, profile: traitProfile(s) });
    }
    if (asset.kind === 'program') {
      programItems.push({ node: asset, assetId: asset.id, rank: ctx.rank.get(asset.id)!, profile: programProfile(asset) });
    }
  }
  const strengths = indexByArea(strengthItems);
  const partnerStrengths = indexByArea(strengthItems.filter((s) => isPartner(ctx.doc.nodes[s.assetId])));
  const programs = indexByArea(programItems);
  const total = strengths.entries.length;
  const single = AREAS.map((area) => 1 + Math.log((total + 1) / ((strengths.byArea.get(area)?.length ?? 0) + 1)));
  const rarity = new Float64Array(1 << AREAS.length);
  for (let mask = 1; mask < rarity.length; mask++) {
    const low = 31 - Math.clz32(mask & -mask);
    rarity[mask] = rarity[mask & (mask - 1)]! + single[low]!;
  }
  const dismissed = new Map<string, Set<string>>();
  for (const key of Object.keys(ctx.doc.dismissed)) {
    if (!ctx.doc.dismissed[key]) continue;
    for (const [a, b] of splitKey(ctx, key)) {
      const set = dismissed.get(a);
      if (set) set.add(b);
      else dismissed.set(a, new Set([b]));
    }
  }
  return { strengths, partnerStrengths, programs, rarity, dismissed };
}

const isDismissed = (index: SuggestIndex, source: string, target: string) => !!index.dismissed.get(source)?.has(target);

/**
 * The score of a pair, 0 when they share no area (or, for a passion, no area specific enough and no word).
 * Runs for every candidate, so it allocates nothing.
 */
function pairScore(index: SuggestIndex, a: Profile, b: Profile, passion: boolean): number {
  const shared = a.areaMask & b.areaMask;
  if (!shared) return 0;
  let words = 0;
  if (a.wordMask & b.wordMask) for (const w of a.words) if (b.words.includes(w) && ++words >= MAX_SHARED_WORDS) break;
  if (passion && !(shared & TOPICAL_MASK) && !words) return 0;
  return index.rarity[shared]! + words * WORD_BONUS;
}

interface Scored {
  score: number;
  areas: Area[];
}

function scorePair(index: SuggestIndex, a: Profile, b: Profile, passion: boolean): Scored | undefined {
  const score = pairScore(index, a, b, passion);
  return score ? { score, areas: sharedAreas(a.areas, b.areas) } : undefined;
}

const byScore = (a: { entry: Entry; score: number }, b: { entry: Entry; score: number }) =>
  b.score - a.score || a.entry.rank - b.entry.rank;

// ---- weaknesses met by strengths of other assets ----

/** A "supports" edge from the strength, or from its asset, to the weakness's asset: the connection exists. */
function isConnected(ctx: AnalysisContext, strength: TraitNode, assetId: string): boolean {
  return !!(ctx.supports.get(strength.id)?.has(assetId) || ctx.supports.get(strength.attachedTo)?.has(assetId));
}

function weaknessFinding(ctx: AnalysisContext, strength: TraitNode, weakness: TraitNode, scored: Scored): Finding {
  const from = ctx.doc.nodes[strength.attachedTo]!;
  const to = ctx.doc.nodes[weakness.attachedTo]!;
  return {
    id: suggestionId(strength.id, weakness.id),
    kind: 'suggested-connection',
    nodeIds: [strength.id, weakness.id],
    assetIds: [from.id, to.id],
    reason:
      `The strength ${quoted(strength.label)} of ${named(from.label)} could help with the weakness ` +
      `${quoted(weakness.label)} of ${named(to.label)}: both are about ${areaList(scored.areas)}.`,
    weight: roundWeight(scored.score),
    accept: { kind: 'supports', source: strength.id, target: to.id },
    areas: scored.areas,
  };
}

export function getWeaknessSuggestions(ctx: AnalysisContext, index: SuggestIndex, stats?: AnalysisStats): Finding[] {
  const out: Finding[] = [];
  const seen = new Int32Array(index.strengths.entries.length);
  // Candidates of the current weakness, reused from one weakness to the next: no allocation per candidate.
  const entries: Entry[] = [];
  const scores: number[] = [];
  let stamp = 0;
  for (const asset of ctx.assets) {
    for (const weakness of ctx.weaknesses.get(asset.id) ?? []) {
      const profile = needProfile(weakness);
      if (!profile.areas.length) continue;
      if (stats) stats.seekers++;
      stamp++;
      entries.length = 0;
      scores.length = 0;
      const seed = hash(weakness.id);
      for (const area of profile.areas) {
        const list = index.strengths.byArea.get(area);
        if (!list) continue;
        const start = windowStart(list.length, seed, area);
        for (let k = 0, n = Math.min(list.length, CANDIDATES_PER_AREA); k < n; k++) {
          const entry = list[(start + k) % list.length]!;
          if (seen[entry.index] === stamp) continue;
          seen[entry.index] = stamp;
          if (entry.assetId === asset.id) continue;
          if (stats) stats.comparisons++;
          const score = pairScore(index, profile, entry.profile, false);
          if (score) {
            entries.push(entry);
            scores.push(score);
          }
        }
      }
      // Take the best one at a time (ties to worksheet order) until enough pass the checks
      // for edges and dismissals: cheaper than sorting every candidate, and most never get checked.
      for (let kept = 0; kept < SUGGESTIONS_PER_WEAKNESS && entries.length; ) {
        let best = 0;
        for (let i = 1; i < entries.length; i++) {
          if (scores[i]! > scores[best]! || (scores[i] === scores[best] && entries[i]!.rank < entries[best]!.rank)) best = i;
        }
        const strength = entries[best]!.node as TraitNode;
        const strengthProfile = entries[best]!.profile;
        entries[best] = entries[entries.length - 1]!;
        scores[best] = scores[scores.length - 1]!;
        entries.pop();
        scores.pop();
        if (isDismissed(index, strength.id, weakness.id) || isConnected(ctx, strength, asset.id)) continue;
        out.push(weaknessFinding(ctx, strength, weakness, scorePair(index, profile, strengthProfile, false)!));
        kept++;
      }
    }
  }
  return out;
}

// ---- colleagues' passions and partners or programs ----

export interface PassionMatch {
  staff: AssetNode;
  passion: string;
  /** The partner's strength, or the program itself. */
  entry: Entry;
  scored: Scored;
}

/** A relationship either way, or a "supports" edge from the colleague: they are already connected. */
function isLinked(ctx: AnalysisContext, staffId: string, targetId: string): boolean {
  return !!(ctx.related.get(staffId)?.has(targetId) || ctx.supports.get(staffId)?.has(targetId));
}

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
  const seen = [new Int32Array(index.partnerStrengths.entries.length), new Int32Array(index.programs.entries.length)] as const;
  const targets = [index.partnerStrengths, index.programs] as const;
  let stamp = 0;
  for (const staff of ctx.assets) {
    if (staff.kind !== 'staff' || !staff.passions?.length) continue;
    const best = new Map<string, { entry: Entry; score: number; passion: Passion; profile: Profile }>();
    const seed = hash(staff.id);
    staff.passions.forEach((passion, pi) => {
      const profile = passionProfile(passion);
      if (!profile.areas.length) return;
      if (stats) stats.seekers++;
      stamp++;
      for (const area of profile.areas) {
        for (let t = 0; t < 2; t++) {
          const list = targets[t]!.byArea.get(area);
          if (!list) continue;
          const start = windowStart(list.length, seed + pi, area);
          for (let k = 0, n = Math.min(list.length, CANDIDATES_PER_AREA); k < n; k++) {
            const entry = list[(start + k) % list.length]!;
            if (seen[t]![entry.index] === stamp) continue;
            seen[t]![entry.index] = stamp;
            if (stats) stats.comparisons++;
            if (!includeConnected && (isLinked(ctx, staff.id, entry.assetId) || isDismissed(index, staff.id, entry.assetId))) continue;
            const score = pairScore(index, profile, entry.profile, true);
            const current = best.get(entry.assetId);
            if (score && (!current || score > current.score)) best.set(entry.assetId, { entry, score, passion, profile });
          }
        }
      }
    });
    const ranked = [...best.values()].sort(byScore).slice(0, perColleague);
    for (const m of ranked) {
      out.push({ staff, passion: m.passion.text, entry: m.entry, scored: scorePair(index, m.profile, m.entry.profile, true)! });
    }
  }
  return out;
}

/** The sentence for a passion match, also used by the Reflect view. */
export function passionSentence(ctx: AnalysisContext, m: PassionMatch, verb = 'matches'): string {
  const who = `The passion or interest ${quoted(m.passion)} of ${named(m.staff.label)}`;
  const about = `both are about ${areaList(m.scored.areas)}`;
  if (isAsset(m.entry.node)) return `${who} ${verb} the program ${named(m.entry.node.label)}: ${about}.`;
  const partner = ctx.doc.nodes[m.entry.assetId]!;
  return `${who} ${verb} the strength ${quoted(m.entry.node.label)} of ${named(partner.label)}: ${about}.`;
}

function passionFinding(ctx: AnalysisContext, m: PassionMatch): Finding {
  const target = m.entry.assetId;
  const program = isProgram(ctx.doc.nodes[target]);
  return {
    id: suggestionId(m.staff.id, target),
    kind: 'suggested-connection',
    nodeIds: program ? [m.staff.id, target] : [m.staff.id, target, m.entry.node.id],
    assetIds: [m.staff.id, target],
    reason: passionSentence(ctx, m),
    weight: roundWeight(m.scored.score),
    accept: program
      ? { kind: 'supports', source: m.staff.id, target }
      : { kind: 'relationship', source: m.staff.id, target, tie: 'weak' },
    areas: m.scored.areas,
  };
}

export function getPassionSuggestions(ctx: AnalysisContext, index: SuggestIndex, stats?: AnalysisStats): Finding[] {
  return getPassionMatches(ctx, index, { stats }).map((m) => passionFinding(ctx, m));
}

// ---- dismissed suggestions, rebuilt from their keys ----

/**
 * A dismissed suggestion as it would read now, or undefined when it no longer applies (a node was deleted, the
 * edge was added, the areas changed).
 */
export function getSuggestionByKey(ctx: AnalysisContext, index: SuggestIndex, key: string): Finding | undefined {
  for (const [a, b] of splitKey(ctx, key)) {
    const source = ctx.doc.nodes[a];
    const target = ctx.doc.nodes[b];
    if (source?.kind === 'strength' && target?.kind === 'weakness') {
      const s = source as TraitNode;
      const w = target as TraitNode;
      if (!isAsset(ctx.doc.nodes[s.attachedTo]) || !isAsset(ctx.doc.nodes[w.attachedTo])) return undefined;
      if (s.attachedTo === w.attachedTo || isConnected(ctx, s, w.attachedTo)) return undefined;
      const scored = scorePair(index, needProfile(w), traitProfile(s), false);
      return scored && weaknessFinding(ctx, s, w, scored);
    }
    if (isStaff(source) && (isPartner(target) || isProgram(target))) {
      if (isLinked(ctx, source.id, target.id)) return undefined;
      const match = bestPassionMatch(ctx, index, source, target);
      return match && passionFinding(ctx, match);
    }
  }
  return undefined;
}

function bestPassionMatch(ctx: AnalysisContext, index: SuggestIndex, staff: AssetNode, target: AssetNode): PassionMatch | undefined {
  // Only this target's entries, looked up directly: a dismissed key must not cost a scan of the map.
  const entries: Entry[] =
    target.kind === 'program'
      ? [{ index: -1, rank: 0, node: target, assetId: target.id, profile: programProfile(target) }]
      : (ctx.strengths.get(target.id) ?? []).map((s, i) => ({ index: -1, rank: i, node: s, assetId: target.id, profile: traitProfile(s) }));
  let best: PassionMatch | undefined;
  for (const passion of staff.passions ?? []) {
    const profile = passionProfile(passion);
    for (const entry of entries) {
      const scored = scorePair(index, profile, entry.profile, true);
      if (scored && (!best || scored.score > best.scored.score)) best = { staff, passion: passion.text, entry, scored };
    }
  }
  return best;
}
