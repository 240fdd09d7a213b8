/**
 * Reading a text as needs or offers, with the tables of helpLexicon.ts: which kinds of help it is about and the
 * specifics it names (languages, days, parts of the day, seasons, topics, devices, audiences). Readings are kept
 * per text, as the same labels come back again and again.
 */
import type { Area } from '../model';
import {
  CAPACITY_KIND,
  CAPACITY_WORDS,
  COMPLEMENT_CUES,
  LANGUAGE_KIND,
  MONEY_KIND,
  DAY_GROUPS,
  HELP_KINDS,
  type HelpKind,
  IGNORED_PHRASES,
  NEGATION_CUES,
  SCARCITY_CUES,
  SPECIFICS,
  type SpecificDimension,
  UNTAPPED_CUES,
} from './helpLexicon';
import { contentWords, words } from './text';

export type Specifics = Record<SpecificDimension, readonly string[]>;

export interface Reading {
  /** Kind ids, in the order of HELP_KINDS. */
  kinds: readonly string[];
  specifics: Specifics;
  /** Content words, to prefer among equals the offer that shares words with the need ("at events", "for events"). */
  words: readonly string[];
  /** The same as bits, so that scoring a pair is a few ANDs: one bit per kind, per value of each dimension. */
  kindMask: number;
  masks: Readonly<Record<SpecificDimension, number>>;
  /** A 32-bit Bloom filter of the words: a shared bit may be a false alarm, so words are then compared. */
  wordMask: number;
  /** Kinds a need names only with faint words ("part-time"): their suggestions are weak. */
  faintMask: number;
}

export const KINDS_BY_ID: ReadonlyMap<string, HelpKind> = new Map(HELP_KINDS.map((k) => [k.id, k]));
const DIMENSIONS = Object.keys(SPECIFICS) as SpecificDimension[];

// ---- phrase tables: first word -> phrases starting with it, longest first ----

interface Phrase<T> {
  words: string[];
  values: T[];
}
type Table<T> = Map<string, Phrase<T>[]>;

const norm = (phrase: string) => words(phrase).map((w) => w.norm);

function table<T>(entries: Iterable<[string, T]>): Table<T> {
  const byKey = new Map<string, Phrase<T>>();
  for (const [phrase, value] of entries) {
    const ws = norm(phrase);
    if (!ws.length) continue;
    const key = ws.join(' ');
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = { words: ws, values: [] }));
    if (!p.values.includes(value)) p.values.push(value);
  }
  const out: Table<T> = new Map();
  for (const p of byKey.values()) {
    const list = out.get(p.words[0]!) ?? [];
    list.push(p);
    out.set(p.words[0]!, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
}

interface Hit<T> {
  start: number;
  end: number;
  values: T[];
}

/** Longest phrases first, each word used once. */
function scan<T>(tokens: readonly string[], t: Table<T>): Hit<T>[] {
  const hits: Hit<T>[] = [];
  for (let i = 0; i < tokens.length; ) {
    const p = t.get(tokens[i]!)?.find((e) => e.words.every((w, k) => tokens[i + k] === w));
    if (p) {
      hits.push({ start: i, end: i + p.words.length, values: p.values });
      i += p.words.length;
    } else i++;
  }
  return hits;
}

/** Offer words; a kind after "?" counts only with its specific named; "" marks a phrase that names no offer. */
const OFFERS = table([
  ...HELP_KINDS.flatMap((k) => k.offer.map((w): [string, string] => [w, k.id])),
  ...HELP_KINDS.flatMap((k) => (k.offerWithSpecific?.words ?? []).map((w): [string, string] => [w, `?${k.id}`])),
  ...IGNORED_PHRASES.map((w): [string, string] => [w, '']),
]);
const NEEDS = table(HELP_KINDS.flatMap((k) => [...k.need, ...(k.faintNeed ?? [])].map((w): [string, string] => [w, k.id])));
const FAINT = table(HELP_KINDS.flatMap((k) => (k.faintNeed ?? []).map((w): [string, string] => [w, k.id])));
const SCARCITY = table(SCARCITY_CUES.map((w): [string, true] => [w, true]));
const NEGATION = table(NEGATION_CUES.map((w): [string, true] => [w, true]));
const UNTAPPED = table(UNTAPPED_CUES.map((w): [string, true] => [w, true]));
const COMPLEMENT = table(COMPLEMENT_CUES.map((w): [string, true] => [w, true]));
const SPECIFIC = table(
  DIMENSIONS.flatMap((dim) => Object.entries(SPECIFICS[dim]).flatMap(([value, ws]) => ws.map((w): [string, string] => [w, `${dim}:${value}`]))),
);
const DAY_GROUP = table(Object.entries(DAY_GROUPS).map(([w, days]): [string, string[]] => [w, days]));
const DAY_ORDER = Object.keys(SPECIFICS.day);
const CAPACITY = new Set(CAPACITY_WORDS.map((w) => norm(w)[0]!));
const MONEY = /[$£€]\s?\d/;

/** Kinds a text is about beyond its words: a head count, an amount of money, a language named. */
function implied(text: string, tokens: readonly string[], specifics: Record<SpecificDimension, string[]>, into: Set<string>) {
  for (let i = 0; i < tokens.length; i++) {
    if (!/^\d+$/.test(tokens[i]!)) continue;
    if (CAPACITY.has(tokens[i + 1] ?? '') || CAPACITY.has(tokens[i - 1] ?? '')) into.add(CAPACITY_KIND);
  }
  if (MONEY.test(text)) into.add(MONEY_KIND);
  if (specifics.language.length) into.add(LANGUAGE_KIND);
}

/** Kinds of offers that a kind of offer wins over in the same strength: "repairs the computers" offers no computers. */
const OFFER_OVERRIDES: Record<string, string[]> = { repair: ['equipment'], teaching: ['equipment'] };

// ---- specifics ----

function emptySpecifics(): Record<SpecificDimension, string[]> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as Record<SpecificDimension, string[]>;
}

function addTo(list: string[], value: string) {
  if (!list.includes(value)) list.push(value);
}

function readSpecifics(tokens: readonly string[], into = emptySpecifics()): Record<SpecificDimension, string[]> {
  for (const hit of scan(tokens, SPECIFIC)) {
    for (const v of hit.values) {
      const at = v.indexOf(':');
      addTo(into[v.slice(0, at) as SpecificDimension], v.slice(at + 1));
    }
  }
  for (const hit of scan(tokens, DAY_GROUP)) for (const days of hit.values) for (const d of days) addTo(into.day, d);
  // "Tuesday to Saturday": the days between too.
  for (let i = 0; i + 2 < tokens.length; i++) {
    const from = DAY_ORDER.findIndex((d) => d.toLowerCase() === tokens[i]);
    const to = DAY_ORDER.findIndex((d) => d.toLowerCase() === tokens[i + 2]);
    if (from >= 0 && to > from && (tokens[i + 1] === 'to' || tokens[i + 1] === 'through')) {
      for (let d = from; d <= to; d++) addTo(into.day, DAY_ORDER[d]!);
    }
  }
  // "until 8 pm", "after 6 pm": the part of the day a clock time falls in.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!/^\d{1,2}$/.test(tokens[i]!)) continue;
    const h = Number(tokens[i]);
    if (tokens[i + 1] === 'pm') addTo(into.part, h >= 5 && h < 12 ? 'evening' : 'afternoon');
    else if (tokens[i + 1] === 'am') addTo(into.part, 'morning');
  }
  // "Deaf" names a community whose language is ASL; it is also who is served.
  return into;
}

// ---- readings ----

/** Adds the kind an offer word names: none for an ignored phrase, and a conditional one only with its specific. */
function addOfferKind(kinds: Set<string>, value: string, specifics: Record<SpecificDimension, string[]>) {
  if (!value) return;
  if (!value.startsWith('?')) {
    kinds.add(value);
    return;
  }
  const kind = KINDS_BY_ID.get(value.slice(1))!;
  if (specifics[kind.offerWithSpecific!.dimension].length) kinds.add(kind.id);
}

const has = <T>(tokens: readonly string[], t: Table<T>) => scan(tokens, t).length > 0;

function applyOverrides(kinds: Set<string>, overrides: (k: string) => readonly string[] | undefined) {
  for (const k of [...kinds]) for (const o of overrides(k) ?? []) kinds.delete(o);
}

const ordered = (kinds: Set<string>) => HELP_KINDS.filter((k) => kinds.has(k.id)).map((k) => k.id);

/** Kinds limited to the areas a user chose, when they chose some. */
const withinAreas = (kinds: readonly string[], areas: readonly Area[] | undefined) =>
  areas ? kinds.filter((k) => areas.includes(KINDS_BY_ID.get(k)!.area)) : [...kinds];

const KIND_BIT = new Map(HELP_KINDS.map((k, i) => [k.id, 1 << i]));
const VALUE_BIT = Object.fromEntries(
  DIMENSIONS.map((d) => [d, new Map(Object.keys(SPECIFICS[d]).map((v, i) => [v, 1 << i]))]),
) as Record<SpecificDimension, Map<string, number>>;

const kindMaskOf = (kinds: readonly string[]) => kinds.reduce((m, k) => m | KIND_BIT.get(k)!, 0);

function wordMaskOf(list: readonly string[]): number {
  let mask = 0;
  for (const w of list) {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    mask |= 1 << (h >>> 27);
  }
  return mask;
}

function make(kinds: readonly string[], specifics: Record<SpecificDimension, string[]>, list: readonly string[], faint: readonly string[] = []): Reading {
  for (const d of DIMENSIONS) specifics[d].sort();
  const masks = Object.fromEntries(DIMENSIONS.map((d) => [d, specifics[d].reduce((m, v) => m | VALUE_BIT[d].get(v)!, 0)])) as Record<
    SpecificDimension,
    number
  >;
  return Object.freeze({ kinds, specifics, words: list, kindMask: kindMaskOf(kinds), masks, wordMask: wordMaskOf(list), faintMask: kindMaskOf(faint) });
}

/** A reading with other kinds (the user's areas) or more specifics (the asset's name). */
function derive(r: Reading, kinds: readonly string[], extra?: Specifics): Reading {
  const specifics = Object.fromEntries(DIMENSIONS.map((d) => [d, [...(r.specifics[d].length || !extra ? r.specifics[d] : extra[d])]])) as Record<
    SpecificDimension,
    string[]
  >;
  return make(kinds, specifics, r.words, r.kinds.filter((k) => r.faintMask & KIND_BIT.get(k)!));
}

const CACHE_LIMIT = 50_000;
const offerCache = new Map<string, Reading>();
const needCache = new Map<string, Reading>();
const contextCache = new Map<string, Reading>();

function cached(cache: Map<string, Reading>, key: string, make: () => Reading): Reading {
  let r = cache.get(key);
  if (!r) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, (r = make()));
  }
  return r;
}

/** What a strength, passion or program offers. `areas`, when the user set them, limits the kinds. */
export function readOffer(text: string, areas?: readonly Area[]): Reading {
  const r = cached(offerCache, text, () => {
    const tokens = words(text).map((w) => w.norm);
    const negations = scan(tokens, NEGATION);
    const kinds = new Set<string>();
    const specifics = readSpecifics(tokens);
    for (const hit of scan(tokens, OFFERS)) {
      // "no parking", "not open on weekends": taken back.
      if (negations.some((n) => n.end <= hit.start && hit.start - n.end <= 1)) continue;
      for (const k of hit.values) addOfferKind(kinds, k, specifics);
    }
    implied(text, tokens, specifics, kinds);
    applyOverrides(kinds, (k) => OFFER_OVERRIDES[k]);
    return make(ordered(kinds), specifics, contentWords(text));
  });
  return areas ? derive(r, withinAreas(r.kinds, areas)) : r;
}

/**
 * What a weakness needs. `context` (the asset's name) adds specifics but no kinds: the weakness "Cancelled when
 * no volunteer can read" of "Saturday storytime" needs people on Saturdays.
 */
export function readNeed(text: string, context = '', areas?: readonly Area[]): Reading {
  const r = cached(needCache, text, () => {
    const tokens = words(text).map((w) => w.norm);
    if (has(tokens, UNTAPPED)) return make([], emptySpecifics(), []);
    const kinds = new Set<string>();
    // Kinds named by words that say what would help; the rest come only from faint words ("part-time").
    const firm = new Set<string>();
    const needHits = scan(tokens, NEEDS);
    const faintHits = scan(tokens, FAINT);
    const isFaint = (h: Hit<string>) => faintHits.some((f) => f.start === h.start && f.end === h.end);
    for (const hit of needHits) {
      for (const k of hit.values) {
        kinds.add(k);
        if (!isFaint(hit)) firm.add(k);
      }
    }
    const specifics = readSpecifics(tokens);
    // Words a need phrase already explains are not read again: "too busy to teach computer classes" lacks
    // time, not know-how or computers.
    const inNeed = (h: Hit<unknown>) => needHits.some((n) => h.start < n.end && n.start < h.end);
    const more = new Set<string>();
    if (scan(tokens, SCARCITY).some((h) => !inNeed(h))) {
      for (const hit of scan(tokens, OFFERS)) if (!inNeed(hit)) for (const k of hit.values) if (k) more.add(k.replace('?', ''));
      implied(text, tokens, specifics, more);
    } else if (specifics.language.length) more.add(LANGUAGE_KIND);
    for (const k of more) {
      kinds.add(k);
      firm.add(k);
    }
    applyOverrides(kinds, (k) => KINDS_BY_ID.get(k)!.overrides);
    // "Works only Monday to Wednesday" says when help is *not* needed: such times are not read.
    if (has(tokens, COMPLEMENT)) {
      specifics.day = [];
      specifics.part = [];
    }
    return make(ordered(kinds), specifics, contentWords(text), [...kinds].filter((k) => !firm.has(k)));
  });
  const fromContext = context ? cached(contextCache, context, () => make([], readSpecifics(words(context).map((w) => w.norm)), [])) : undefined;
  const adds = fromContext && DIMENSIONS.some((d) => !r.specifics[d].length && fromContext.specifics[d].length);
  if (!areas && !adds) return r;
  return derive(r, areas ? withinAreas(r.kinds, areas) : r.kinds, adds ? fromContext.specifics : undefined);
}

// ---- matching ----

export interface Match {
  kind: HelpKind;
  /** 3 and more: strong; 2 and more: possible; less: weak. */
  score: number;
  /** Specifics both sides name, in words ("Spanish", "evening"). */
  shared: string[];
}

/** A little for each content word both texts use: it only orders equals, never lifts a grade. */
export const WORD_BONUS = 0.1;
const MAX_SHARED_WORDS = 3;
function wordBonus(offer: Reading, need: Reading): number {
  if (!(offer.wordMask & need.wordMask)) return 0;
  let n = 0;
  for (const w of offer.words) if (need.words.includes(w) && ++n >= MAX_SHARED_WORDS) break;
  return n * WORD_BONUS;
}

/** Needs for hands or know-how that name a topic can be met by anyone who shares the topic. */
export const TOPIC_NEED_KINDS: readonly string[] = ['people', 'teaching'];
const TOPIC_NEED_MASK = kindMaskOf(TOPIC_NEED_KINDS);
const TIME_DIMENSIONS = ['day', 'part', 'season'] as const;

/**
 * The score of one kind for a pair, or -1 when the specifics contradict. Runs for every candidate pair, so it
 * reads bits and allocates nothing.
 */
function kindScore(kind: HelpKind, offer: Reading, need: Reading): number {
  let agreeing = 0;
  for (const dim of kind.mustAgree) {
    const a = offer.masks[dim];
    const b = need.masks[dim];
    if (a && b) {
      if (!(a & b)) return -1;
      agreeing++;
    } else if (b && kind.required?.includes(dim)) return -1;
  }
  let score = 2 + Math.min(agreeing, 2) * 0.5;
  if (kind.topicMatters && (!need.masks.topic || !offer.masks.topic)) score = 1;
  if (kind.required?.some((d) => need.masks[d])) score += 0.5;
  if (need.faintMask & KIND_BIT.get(kind.id)!) score = Math.min(score, 1);
  return score;
}

/** The topic path: a need for hands or know-how on a topic, and an offer about that topic. -1 when none. */
function topicScore(offer: Reading, need: Reading): number {
  if (!(need.kindMask & TOPIC_NEED_MASK) || !(need.masks.topic & offer.masks.topic)) return -1;
  for (const dim of TIME_DIMENSIONS) {
    const a = offer.masks[dim];
    const b = need.masks[dim];
    if (a && b && !(a & b)) return -1;
  }
  return 2;
}

/** The best score of a pair over the kinds both are about and the topic path; -1 when they do not meet. */
export function matchScore(offer: Reading, need: Reading): number {
  let best = -1;
  let shared = offer.kindMask & need.kindMask;
  while (shared) {
    const i = 31 - Math.clz32(shared & -shared);
    shared &= shared - 1;
    const s = kindScore(HELP_KINDS[i]!, offer, need);
    if (s > best) best = s;
  }
  const t = topicScore(offer, need);
  if (t > best) best = t;
  return best < 0 ? -1 : best + wordBonus(offer, need);
}

/** The same as matchScore, with the kind and the specifics both sides name, for the sentence. */
export function explainMatch(offer: Reading, need: Reading, withTopic = true): Match | undefined {
  let best: { kind: HelpKind; score: number; topic: boolean } | undefined;
  HELP_KINDS.forEach((kind, i) => {
    if (!(offer.kindMask & need.kindMask & (1 << i))) return;
    const s = kindScore(kind, offer, need);
    if (s >= 0 && (!best || s > best.score)) best = { kind, score: s, topic: false };
  });
  const t = withTopic ? topicScore(offer, need) : -1;
  if (t >= 0 && (!best || t > best.score)) {
    best = { kind: KINDS_BY_ID.get(need.kinds.find((k) => TOPIC_NEED_KINDS.includes(k))!)!, score: t, topic: true };
  }
  if (!best) return undefined;
  const dims = best.topic ? (['topic', ...TIME_DIMENSIONS] as SpecificDimension[]) : best.kind.mustAgree;
  const shared: string[] = [];
  for (const dim of dims) for (const v of need.specifics[dim]) if (offer.specifics[dim].includes(v)) shared.push(v.replace(/_/g, ' '));
  return { kind: best.kind, score: best.score + wordBonus(offer, need), shared };
}

/** The best kind an offer meets a need in, if any (kinds both name; not the topic path). */
export const bestMatch = (offer: Reading, need: Reading): Match | undefined => explainMatch(offer, need, false);

/** Topics and languages a passion, a partner's strength or a program is about: what passions are matched on. */
export function interestsOf(reading: Reading): string[] {
  return [...reading.specifics.topic, ...reading.specifics.language];
}

export function gradeOf(score: number): 'strong' | 'possible' | 'weak' {
  return score >= 3 ? 'strong' : score >= 2 ? 'possible' : 'weak';
}
