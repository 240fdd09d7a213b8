/**
 * Pieces of the plain sentences that findings and facts are written in. Labels are user text: they are quoted
 * or named as they are, with line breaks and runs of spaces folded so that a sentence stays one line.
 */
import { type AssetKind } from '../model';

/** Most labels need no folding; testing first spares a copy of each. */
const fold = (text: string) => (/\s\s|[^\S ]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text);

/** An asset's name in a sentence. */
export const named = (label: string): string => fold(label) || 'An unnamed asset';

/** A strength, weakness, improvement or passion in a sentence: its text between quotation marks. */
export const quoted = (text: string): string => `“${fold(text) || '…'}”`;

/** "A", "A and B", "A, B and C"; past `max` items: "A, B, C and 4 more". */
export function joinList(items: readonly string[], max = Infinity): string {
  const shown = items.length > max ? [...items.slice(0, max), `${items.length - max} more`] : [...items];
  if (shown.length <= 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** "1 strength", "3 strengths". */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const KIND_WORDS: Record<AssetKind, [string, string]> = {
  staff: ['colleague', 'colleagues'],
  partner: ['partner', 'partners'],
  space: ['space', 'spaces'],
  resource: ['resource', 'resources'],
  program: ['program', 'programs'],
  community: ['community asset', 'community assets'],
};

export const countKind = (n: number, kind: AssetKind): string => count(n, ...KIND_WORDS[kind]);
