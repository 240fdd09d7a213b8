/**
 * The area lexicon: which words of a strength, weakness or passion suggest which areas.
 *
 * Words are "strong" (the word names the area: "budget", "gym", "ASL") or "weak" (the area is likely but the word
 * has other uses: "volunteer" is a verb as often as a noun, "busy" says little on its own). A text's suggested
 * areas are those of its strong words, and only when it has none, those of its weak words. So "Distance from
 * library makes it difficult to volunteer" is about Transportation, not People, and a lone "Volunteers" is still
 * about People. Phrases win over the words inside them, and some phrases are listed only to stop a word from
 * counting ("room for improvement" is not about Space, "food drive" not about Transportation).
 */
import { AREAS, type Area } from '../model';
import { words } from './text';

type Weight = 'strong' | 'weak';

/** Entries are written as a user would; they go through the same word rules as the text (plurals fold). */
const LEXICON: Record<Area, Record<Weight, string[]>> = {
  expertise: {
    strong: [
      'expertise', 'expert', 'knowledgeable', 'knowledge', 'know how', 'skill', 'skilled', 'literacy', 'training',
      'trained', 'experience', 'experienced', 'specialist', 'specialized', 'professional',
      'certified', 'certification', 'degree', 'qualified', 'mentor', 'mentoring', 'tutor', 'tutoring', 'instructor',
      'instruction', 'coach', 'coaching', 'educator', 'subject matter', 'guest speaker',
    ],
    // Weak: "too busy to teach classes" names an activity, not a skill.
    weak: ['ability', 'teacher', 'teach', 'teaching', 'research', 'workshop'],
  },
  relationships: {
    strong: [
      'relationship', 'partnership', 'partner', 'connection', 'network', 'networking', 'contact', 'liaison',
      'collaborate', 'collaboration', 'collaborator', 'outreach', 'tie', 'trust', 'trusted', 'word of mouth',
      'alliance', 'coalition', 'rapport', 'isolated', 'disconnected',
    ],
    weak: ['communication', 'communicate', 'coordination', 'connected'],
  },
  passion: {
    strong: [
      'passion', 'passionate', 'love', 'enthusiasm', 'enthusiastic', 'interest', 'interested', 'hobby', 'excited',
      'excitement', 'motivated', 'motivation', 'unmotivated', 'dedicated', 'dedication', 'morale', 'enjoy', 'eager',
      'burnout', 'burn out', 'burned out', 'apathy',
    ],
    weak: ['fun'],
  },
  space: {
    strong: [
      'space', 'room', 'gym', 'gymnasium', 'auditorium', 'building', 'hall', 'venue', 'facility', 'capacity',
      'seat', 'seating', 'crowded', 'overcrowded', 'cramped', 'classroom', 'meeting room', 'meeting space', 'study room', 'garden', 'kitchen', 'storage',
      'makerspace', 'maker space', 'stage', 'theater', 'theatre', 'lounge', 'lobby', 'courtyard', 'patio', 'outdoor',
      'basement', 'square feet', 'square foot', 'square footage', 'office space',
    ],
    weak: ['floor', 'table', 'chair', 'furniture', 'lab', 'corner', 'shelf', 'shelving', 'office', 'too small'],
  },
  funding: {
    strong: [
      'funding', 'fund', 'funded', 'budget', 'grant', 'money', 'donor', 'sponsor',
      'sponsorship', 'fundraising', 'fundraiser', 'financial', 'finance', 'cost', 'expensive', 'afford',
      'affordable', 'fee', 'revenue', 'income', 'in kind', 'dollar',
    ],
    // Weak: a donation is as often of things ("1,000 googly eyes (donation)") as of money.
    weak: ['donation', 'donate', 'donated', 'cheap', 'price'],
  },
  technology: {
    strong: [
      'technology', 'tech', 'computer', 'laptop', 'ipad', 'tablet', 'chromebook', 'wii', 'video game', 'xbox',
      'playstation', 'nintendo', 'wifi', 'wi fi', 'internet', 'broadband', 'software', 'hardware', 'coding',
      'robotics', 'robot', 'printer', '3d printing', 'digital', 'device', 'hotspot', 'projector', 'website', 'online',
      'app', 'smartphone', 'social media', 'electronics', 'ereader', 'e reader', 'recording studio', 'video editing',
      'makerspace', 'maker space', 'hard drive', 'code',
    ],
    weak: ['gaming', 'video', 'camera', 'photography', 'equipment', 'screen', 'podcast'],
  },
  language: {
    strong: [
      'language', 'bilingual', 'multilingual', 'trilingual', 'farsi', 'persian', 'dari', 'spanish', 'french',
      'arabic', 'chinese', 'mandarin', 'cantonese', 'vietnamese', 'korean', 'japanese', 'tagalog', 'russian',
      'somali', 'hmong', 'portuguese', 'creole', 'swahili', 'amharic', 'urdu', 'hindi', 'punjabi', 'bengali',
      'polish', 'ukrainian', 'asl', 'sign language', 'translate', 'translation', 'translator', 'interpreter',
      'interpretation', 'interpret', 'esl', 'second language',
    ],
    weak: ['english', 'speaker', 'speak', 'speaking', 'deaf'],
  },
  people: {
    strong: [
      'member', 'membership', 'pta', 'pto', 'teacher', 'staffing', 'understaffed', 'short staffed', 'recruit',
      'recruitment', 'recruiting', 'docent', 'workforce', 'manpower', 'extra hand', 'helping hand', 'chaperone',
    ],
    weak: ['volunteer', 'volunteering', 'parent', 'helper', 'people', 'staff', 'crew', 'team'],
  },
  time: {
    strong: [
      'schedule', 'scheduling', 'calendar', 'hour', 'time', 'availability', 'timing', 'deadline', 'weekend',
      'evening', 'morning', 'afternoon', 'overtime', 'part time', 'full time', 'shift', 'weekday', 'open late', 'busy',
    ],
    weak: ['week', 'weekly', 'day', 'daily', 'month', 'monthly', 'night', 'late', 'after school'],
  },
  transportation: {
    strong: [
      'transportation', 'transport', 'transit', 'distance', 'carpool', 'bus', 'shuttle', 'van', 'car', 'vehicle',
      'driver', 'driving', 'rideshare', 'parking', 'commute', 'commuting', 'travel', 'bike', 'bicycle',
      'bookmobile', 'train station',
    ],
    weak: ['far', 'remote', 'drive', 'ride', 'delivery', 'across town'],
  },
};

/** Phrases that stop their words from counting. */
const IGNORED = [
  'room for improvement', 'room to grow', 'same time', 'first time', 'every time', 'each time', 'at a time',
  'long time', 'some time', 'over time', 'book drive', 'food drive', 'coat drive', 'toy drive', 'donation drive',
  'board game', 'card game', 'dress code', 'zip code', 'area code', 'code of conduct', 'building code',
];

/** Acronyms that count only in capitals: "IT staff" is about Technology, "it" is a pronoun. */
const ACRONYMS: Record<string, Area> = { IT: 'technology', AV: 'technology', STEM: 'technology', ELL: 'language' };

const CAPACITY_WORDS: ReadonlySet<string> = new Set(['people', 'person', 'seat', 'seater', 'guest', 'attendee']);

interface Entry {
  words: string[];
  cues: [Area, Weight][];
}

/** First word -> entries starting with it, longest first, built once. */
const INDEX: Map<string, Entry[]> = (() => {
  const byPhrase = new Map<string, Entry>();
  const add = (phrase: string, cue?: [Area, Weight]) => {
    const ws = words(phrase).map((w) => w.norm);
    const key = ws.join(' ');
    let entry = byPhrase.get(key);
    if (!entry) byPhrase.set(key, (entry = { words: ws, cues: [] }));
    if (cue) entry.cues.push(cue);
  };
  for (const area of AREAS) for (const weight of ['strong', 'weak'] as const) {
    for (const phrase of LEXICON[area][weight]) add(phrase, [area, weight]);
  }
  for (const phrase of IGNORED) add(phrase);
  const index = new Map<string, Entry[]>();
  for (const entry of byPhrase.values()) {
    const first = entry.words[0]!;
    let list = index.get(first);
    if (!list) index.set(first, (list = []));
    list.push(entry);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
})();

function computeAreas(text: string): Area[] {
  const ws = words(text);
  const strong = new Set<Area>();
  const weak = new Set<Area>();
  for (let i = 0; i < ws.length; ) {
    const entry = INDEX.get(ws[i]!.norm)?.find((e) => e.words.every((w, k) => ws[i + k]?.norm === w));
    if (entry) {
      for (const [area, weight] of entry.cues) (weight === 'strong' ? strong : weak).add(area);
      i += entry.words.length;
      continue;
    }
    // "50 person capacity", "Auditorium (300 people)": a head count is the size of a space, not a team.
    if (/^\d+$/.test(ws[i]!.norm) && CAPACITY_WORDS.has(ws[i + 1]?.norm ?? '')) {
      strong.add('space');
      i += 2;
      continue;
    }
    const acronym = ACRONYMS[ws[i]!.raw];
    if (acronym) strong.add(acronym);
    i++;
  }
  const found = strong.size ? strong : weak;
  return AREAS.filter((a) => found.has(a));
}

/**
 * Suggestions repeat a lot (every row of a worksheet has a label, generated and real maps reuse texts), so they
 * are kept per text. The cache is cleared when it grows past a bound instead of tracking use: refilling it costs
 * one pass over a map.
 */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, readonly Area[]>();

/** The areas a text is about, from its words, in the canonical order of AREAS. Deterministic; never throws. */
export function suggestAreas(text: string): Area[] {
  return [...cachedAreas(text)];
}

/** The same, shared and frozen: for the analysis, which reads it many times and never changes it. */
export function cachedAreas(text: string): readonly Area[] {
  let areas = cache.get(text);
  if (!areas) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    areas = Object.freeze(computeAreas(text));
    cache.set(text, areas);
  }
  return areas;
}

/**
 * Words that say a capacity goes unused ("Untapped source of expertise and activities"): such a weakness is about
 * the library not drawing on something, which no strength of another asset meets.
 */
export const UNTAPPED_WORDS: ReadonlySet<string> = new Set(['untapped', 'underused', 'underutilized', 'underutilised', 'unused']);
