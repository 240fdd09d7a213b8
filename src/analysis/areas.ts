/**
 * The areas of a strength, weakness, passion or program: what the node headers and the side panel show. Matching
 * no longer runs on areas (see needOffer.ts); a user's areas limit the kinds of help a text is read as.
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
  return choice.suggested && contentWords(node.label).some((w) => UNTAPPED_WORDS.has(w)) ? [] : choice.areas;
}

/** Programs carry no areas field; theirs come from their name and details. */
export function programAreas(program: Pick<AssetNode, 'label' | 'details'>): Area[] {
  return [...cachedAreas(program.details ? `${program.label}. ${program.details}` : program.label)];
}
