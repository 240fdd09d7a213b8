/**
 * The areas of a strength, weakness, passion or program, and the words they are compared by.
 * The user's choice wins: a node with an `areas` field uses it as it is, and an empty list means "no areas"
 * (the user turned the suggestions off for it). Without the field, the lexicon suggests areas from the label.
 */
import { AREAS, type Area, type AssetNode, type Passion, type TraitNode } from '../model';
import { UNTAPPED_WORDS, cachedAreas } from './lexicon';
import { contentWords } from './text';

export interface AreaChoice {
  areas: Area[];
  /** True when the areas come from the words, false when the user set them. */
  suggested: boolean;
}

/** A user's list, cleaned: known areas only, each once, in canonical order (files can hold anything). */
function cleanAreas(list: readonly unknown[]): Area[] {
  return AREAS.filter((a) => list.includes(a));
}

export function areasOf(node: Pick<TraitNode, 'label' | 'areas'>): AreaChoice {
  if (Array.isArray(node.areas)) return { areas: cleanAreas(node.areas), suggested: false };
  return { areas: [...cachedAreas(node.label)], suggested: true };
}

/**
 * Every passion is a passion, so Passion/Interest is never suggested for one: matching a passion on it would
 * pair every interest with every enthusiastic partner. A user may still set it.
 */
export function passionAreas(passion: Passion): AreaChoice {
  if (Array.isArray(passion.areas)) return { areas: cleanAreas(passion.areas), suggested: false };
  return { areas: cachedAreas(passion.text).filter((a) => a !== 'passion'), suggested: true };
}

/**
 * The areas a weakness needs help in: its areas, except that a weakness saying a capacity goes untapped needs
 * none (unless the user set areas on it). Its areas still show, as it is about them.
 */
export function weaknessNeeds(node: Pick<TraitNode, 'label' | 'areas'>): Area[] {
  const choice = areasOf(node);
  return choice.suggested && cachedWords(node.label).some((w) => UNTAPPED_WORDS.has(w)) ? [] : choice.areas;
}

/** Programs carry no areas field; theirs come from their name and details. */
export function programAreas(program: Pick<AssetNode, 'label' | 'details'>): Area[] {
  return [...cachedAreas(program.details ? `${program.label}. ${program.details}` : program.label)];
}

/** One bit per area, in the order of AREAS: two profiles share an area when their masks overlap. */
export const areaMask = (areas: readonly Area[]): number => areas.reduce((m, a) => m | (1 << AREAS.indexOf(a)), 0);

/**
 * What two texts are compared by: their areas and their content words, each with a mask. Comparing masks first
 * rules out most pairs with one AND; the word mask is a 32-bit Bloom filter (a shared bit may be a false
 * alarm, so the words are then compared for real).
 */
export interface Profile {
  areas: readonly Area[];
  areaMask: number;
  words: readonly string[];
  wordMask: number;
}

interface WordSet {
  list: readonly string[];
  mask: number;
}

const WORDS_LIMIT = 50_000;
const wordCache = new Map<string, WordSet>();

function wordSet(text: string): WordSet {
  let set = wordCache.get(text);
  if (!set) {
    if (wordCache.size >= WORDS_LIMIT) wordCache.clear();
    const list = Object.freeze(contentWords(text));
    let mask = 0;
    for (const w of list) {
      let h = 0x811c9dc5;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
      mask |= 1 << (h >>> 27);
    }
    wordCache.set(text, (set = { list, mask }));
  }
  return set;
}

/** Content words of a text, kept per text like the lexicon's areas. */
export const cachedWords = (text: string): readonly string[] => wordSet(text).list;

export function makeProfile(areas: readonly Area[], text: string): Profile {
  const words = wordSet(text);
  return { areas, areaMask: areaMask(areas), words: words.list, wordMask: words.mask };
}

export function sharedAreas(a: readonly Area[], b: readonly Area[]): Area[] {
  return a.filter((x) => b.includes(x));
}
