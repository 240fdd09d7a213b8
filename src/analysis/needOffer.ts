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

const OFFERS = table(HELP_KINDS.flatMap((k) => k.offer.map((w): [string, string] => [w, k.id])));
const NEEDS = table(HELP_KINDS.flatMap((k) => k.need.map((w): [string, string] => [w, k.id])));
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

const has = <T>(tokens: readonly string[], t: Table<T>) => scan(tokens, t).length > 0;

function applyOverrides(kinds: Set<string>, overrides: (k: string) => readonly string[] | undefined) {
  for (const k of [...kinds]) for (const o of overrides(k) ?? []) kinds.delete(o);
}

const ordered = (kinds: Set<string>) => HELP_KINDS.filter((k) => kinds.has(k.id)).map((k) => k.id);

/** Kinds limited to the areas a user chose, when they chose some. */
const withinAreas = (kinds: string[], areas: readonly Area[] | undefined) =>
  areas ? kinds.filter((k) => areas.includes(KINDS_BY_ID.get(k)!.area)) : kinds;

function freeze(reading: { kinds: string[]; specifics: Record<SpecificDimension, string[]>; words: string[] }): Reading {
  for (const d of DIMENSIONS) reading.specifics[d].sort();
  return Object.freeze(reading);
}

const CACHE_LIMIT = 50_000;
const offerCache = new Map<string, Reading>();
const needCache = new Map<string, Reading>();

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
    for (const hit of scan(tokens, OFFERS)) {
      // "no parking", "not open on weekends": taken back.
      if (negations.some((n) => n.end <= hit.start && hit.start - n.end <= 1)) continue;
      for (const k of hit.values) kinds.add(k);
    }
    const specifics = readSpecifics(tokens);
    implied(text, tokens, specifics, kinds);
    applyOverrides(kinds, (k) => OFFER_OVERRIDES[k]);
    return freeze({ kinds: ordered(kinds), specifics, words: contentWords(text) });
  });
  return areas ? { ...r, kinds: withinAreas([...r.kinds], areas) } : r;
}

/**
 * What a weakness needs. `context` (the asset's name) adds specifics but no kinds: the weakness "Cancelled when
 * no volunteer can read" of "Saturday storytime" needs people on Saturdays.
 */
export function readNeed(text: string, context = '', areas?: readonly Area[]): Reading {
  const r = cached(needCache, `${text}\u0000${context}`, () => {
    const tokens = words(text).map((w) => w.norm);
    if (has(tokens, UNTAPPED)) return freeze({ kinds: [], specifics: emptySpecifics(), words: [] });
    const kinds = new Set<string>();
    const needHits = scan(tokens, NEEDS);
    for (const hit of needHits) for (const k of hit.values) kinds.add(k);
    const specifics = readSpecifics(tokens);
    // Words a need phrase already explains are not read again: "too busy to teach computer classes" lacks
    // time, not know-how or computers.
    const inNeed = (h: Hit<unknown>) => needHits.some((n) => h.start < n.end && n.start < h.end);
    if (scan(tokens, SCARCITY).some((h) => !inNeed(h))) {
      for (const hit of scan(tokens, OFFERS)) if (!inNeed(hit)) for (const k of hit.values) kinds.add(k);
      implied(text, tokens, specifics, kinds);
    } else if (specifics.language.length) kinds.add(LANGUAGE_KIND);
    applyOverrides(kinds, (k) => KINDS_BY_ID.get(k)!.overrides);
    // "Works only Monday to Wednesday" says when help is *not* needed: such times are not read.
    if (has(tokens, COMPLEMENT)) {
      specifics.day = [];
      specifics.part = [];
    }
    if (context) {
      const fromContext = readSpecifics(words(context).map((w) => w.norm));
      for (const d of DIMENSIONS) if (!specifics[d].length) specifics[d] = fromContext[d];
    }
    return freeze({ kinds: ordered(kinds), specifics, words: contentWords(text) });
  });
  return areas ? { ...r, kinds: withinAreas([...r.kinds], areas) } : r;
}

// ---- matching ----

export interface Match {
  kind: HelpKind;
  /** 3 and more: strong; 2 and more: possible; less: weak. */
  score: number;
  /** Specifics both sides name, in words ("Spanish", "evening"). */
  shared: string[];
}

/** How an offer meets a need of one kind, or undefined when the specifics contradict. */
export function matchKind(kind: HelpKind, offer: Reading, need: Reading): Match | undefined {
  const shared: string[] = [];
  let agreeing = 0;
  for (const dim of kind.mustAgree) {
    const a = offer.specifics[dim];
    const b = need.specifics[dim];
    if (a.length && b.length) {
      const both = b.filter((v) => a.includes(v));
      if (!both.length) return undefined;
      agreeing++;
      for (const v of both) shared.push(v.replace(/_/g, ' '));
    } else if (b.length && kind.required?.includes(dim)) return undefined;
  }
  let score = 2 + Math.min(agreeing, 2) * 0.5;
  if (kind.topicMatters && need.specifics.topic.length && !offer.specifics.topic.length) score = 1;
  if (kind.required?.some((d) => need.specifics[d].length)) score += 0.5;
  return { kind, score: score + wordBonus(offer, need), shared };
}

/** A little for each content word both texts use: it only orders equals, never lifts a grade. */
export const WORD_BONUS = 0.1;
const MAX_SHARED_WORDS = 3;
function wordBonus(offer: Reading, need: Reading): number {
  let n = 0;
  for (const w of offer.words) if (need.words.includes(w) && ++n >= MAX_SHARED_WORDS) break;
  return n * WORD_BONUS;
}

/** The best kind an offer meets a need in, if any. */
export function bestMatch(offer: Reading, need: Reading): Match | undefined {
  let best: Match | undefined;
  for (const k of need.kinds) {
    if (!offer.kinds.includes(k)) continue;
    const m = matchKind(KINDS_BY_ID.get(k)!, offer, need);
    if (m && (!best || m.score > best.score)) best = m;
  }
  return best;
}

/** Needs for hands or know-how that name a topic can be met by anyone who shares the topic. */
export const TOPIC_NEED_KINDS: readonly string[] = ['people', 'teaching'];

/** Topics shared by an offer and a need, for a need of hands or know-how. */
export function topicMatch(offer: Reading, need: Reading): Match | undefined {
  const kindId = need.kinds.find((k) => TOPIC_NEED_KINDS.includes(k));
  if (!kindId) return undefined;
  const shared = need.specifics.topic.filter((t) => offer.specifics.topic.includes(t));
  if (!shared.length) return undefined;
  const kind = KINDS_BY_ID.get(kindId)!;
  // Times still must not contradict.
  for (const dim of ['day', 'part', 'season'] as const) {
    const a = offer.specifics[dim];
    const b = need.specifics[dim];
    if (a.length && b.length && !b.some((v) => a.includes(v))) return undefined;
  }
  return { kind, score: 2 + wordBonus(offer, need), shared };
}

/** Topics and languages a passion, a partner's strength or a program is about: what passions are matched on. */
export function interestsOf(reading: Reading): string[] {
  return [...reading.specifics.topic, ...reading.specifics.language];
}

export function gradeOf(score: number): 'strong' | 'possible' | 'weak' {
  return score >= 3 ? 'strong' : score >= 2 ? 'possible' : 'weak';
}
