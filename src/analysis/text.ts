/**
 * Words from user text, for the area lexicon and for word overlap between two labels.
 * Text is split on anything that is not a letter or digit, so "English/Farsi" is two words and "Gymnastics"
 * never contains "gym". Plurals fold onto their singular with a few rules of English spelling: matching
 * "tables" with "table" matters, full stemming ("meeting" -> "meet") would blur words the lexicon keeps apart.
 */

export interface Word {
  /** Lower case, singular. */
  norm: string;
  /** As written, for acronyms that only count in capitals ("IT staff", not "it"). */
  raw: string;
}

/** Plurals that the spelling rules below would get wrong. */
const IRREGULAR: Record<string, string> = {
  buses: 'bus',
  busses: 'bus',
  children: 'child',
  women: 'woman',
  men: 'man',
  analyses: 'analysis',
  species: 'species',
  series: 'series',
  news: 'news',
  gas: 'gas',
  yes: 'yes',
  has: 'has',
  was: 'was',
  does: 'does',
  goes: 'goes',
  always: 'always',
  perhaps: 'perhaps',
  across: 'across',
  various: 'various',
  previous: 'previous',
  famous: 'famous',
  serious: 'serious',
  thus: 'thus',
  plus: 'plus',
  campus: 'campus',
  status: 'status',
  bonus: 'bonus',
  focus: 'focus',
};

/** The singular of a lower-case English word; words that are not plurals come back unchanged. */
export function singular(word: string): string {
  const known = IRREGULAR[word];
  if (known) return known;
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  // "class", "bus", "analysis": not plurals.
  if (/(?:ss|us|is)$/.test(word)) return word;
  return word.slice(0, -1);
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** The words of a text, in order. "Children's" gives "child"; "doesn't" gives "doesnt". */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.normalize('NFKC').matchAll(WORD)) {
    const raw = match[0].replace(/['’]s$/i, '').replace(/['’]/g, '');
    if (!raw) continue;
    out.push({ norm: singular(raw.toLowerCase()), raw });
  }
  return out;
}

/**
 * Words too common to say two labels are about the same thing: function words, and the adjectives that
 * describe any asset ("large", "few", "difficult"). Kept singular, as `words` returns them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be been before being below between both ' +
    'but by can cannot could did do does doing done down during each either else even ever every for from further ' +
    'get got had has have having he her here him his how i if in into is it its just least less let like made make ' +
    'many may me might more most much must my near need no nor not now of off often on once one only or other our ' +
    'out over own per quite rather really same she should since so some still such than that the their them then ' +
    'there these they this those though through to too under until up upon us use used using very via want was ' +
    'we well were what when where whether which while who whom whose why will with within without would yet you ' +
    'your able unable big small large little great good bad new old high low few lot lots difficult hard easy ' +
    'full enough lack limited mostly take keep provide offer ' +
    'library staff service work working'
  )
    .split(' ')
    .filter(Boolean),
);

/** The distinct content words of a text (no stop words, no numbers), in order of first use. */
export function contentWords(text: string): string[] {
  const seen = new Set<string>();
  for (const w of words(text)) {
    if (w.norm.length < 2 || /^\d+$/.test(w.norm) || STOP_WORDS.has(w.norm)) continue;
    seen.add(w.norm);
  }
  return [...seen];
}
