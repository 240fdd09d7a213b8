/**
 * The fonts a PDF embeds for text that Helvetica (Windows-1252 only) cannot print: Noto Sans for Latin beyond
 * Western Europe, Cyrillic, Greek and Vietnamese; Noto Sans Arabic (Arabic, Farsi, Urdu); Noto Sans Hebrew; Noto
 * Sans SC for Chinese (and the Japanese kana it holds). They come as the @fontsource packages ship them: WOFF files
 * split by script, Chinese into about a hundred pieces by how common the characters are. The build copies them as
 * files of their own; a PDF fetches only those its text needs (and the service worker keeps them once fetched), and
 * jsPDF embeds only the glyphs used.
 *
 * Left out: scripts that need shaping jsPDF cannot do (Devanagari and the other Indic scripts, Thai, …) and
 * colour emoji; their characters print as an empty box, never as another letter or "?" (pdfText.ts).
 */
export type CodeRange = readonly [number, number];

export interface FontFile {
  /** Unique, also the font's name inside the PDF: its face and weight. */
  name: string;
  /** The face, the same for both weights of it. */
  face: string;
  bold: boolean;
  /** The code points the file has glyphs for, as its package lists them. */
  ranges: readonly CodeRange[];
  /** Where the built app serves it. */
  url: string;
}

/** "U+0600-06FF,U+200C" as ranges. */
export function parseUnicodeRange(text: string): CodeRange[] {
  return text.split(',').flatMap((part): CodeRange[] => {
    const m = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) return [];
    const from = Number.parseInt(m[1]!, 16);
    return [[from, m[2] ? Number.parseInt(m[2], 16) : from]];
  });
}

export const inRanges = (ranges: readonly CodeRange[], code: number) => ranges.some(([a, b]) => code >= a && code <= b);

type Urls = Record<string, string>;
type Ranges = Record<string, string>;

// The packages' lists of what each file covers (their `exports` do not name them, hence the paths).
const RANGES: Record<string, Ranges> = import.meta.glob('/node_modules/@fontsource/noto-sans{,-arabic,-hebrew}/unicode.json', {
  import: 'default',
  eager: true,
});
const CJK_RANGES = import.meta.glob<Ranges>('/node_modules/@fontsource/noto-sans-sc/unicode.json', { import: 'default' });
const rangesOf = (pkg: string): Ranges => RANGES[`/node_modules/@fontsource/${pkg}/unicode.json`] ?? {};

// Eager globs of `?url` imports are only the files' URLs; nothing is fetched until a PDF needs a file.
const SANS: Urls = import.meta.glob('/node_modules/@fontsource/noto-sans/files/noto-sans-{latin,latin-ext,vietnamese,cyrillic,cyrillic-ext,greek,greek-ext}-{400,700}-normal.woff', {
  query: '?url',
  import: 'default',
  eager: true,
});
const ARABIC: Urls = import.meta.glob('/node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-{400,700}-normal.woff', {
  query: '?url',
  import: 'default',
  eager: true,
});
const HEBREW: Urls = import.meta.glob('/node_modules/@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-{400,700}-normal.woff', {
  query: '?url',
  import: 'default',
  eager: true,
});
// Chinese in one weight: bold Chinese prints in the regular one rather than doubling what is fetched.
const CJK: Urls = import.meta.glob('/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-400-normal.woff', {
  query: '?url',
  import: 'default',
  eager: true,
});

/** Latin's own file comes last: Helvetica prints most of it, and other files' punctuation is near their letters. */
const SANS_SUBSETS = ['latin-ext', 'vietnamese', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'latin'];

function files(family: string, urls: Urls, subsets: readonly string[], ranges: Ranges, fileName: (subset: string) => RegExp): FontFile[] {
  const out: FontFile[] = [];
  for (const subset of subsets) {
    const range = ranges[subset];
    if (!range) continue;
    for (const [path, url] of Object.entries(urls)) {
      const m = fileName(subset).exec(path);
      if (!m) continue;
      const face = `${family}-${subset.replace(/[^a-z0-9-]/gi, '')}`;
      out.push({ name: `${face}-${m[1]}`, face, bold: m[1] === '700', ranges: parseUnicodeRange(range), url });
    }
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const named = (prefix: string) => (subset: string) => new RegExp(`/${escapeRegExp(prefix)}-${escapeRegExp(subset)}-(400|700)-normal\\.woff$`);

/** Every font file, in the order they are tried for a character; Chinese's ranges are read only when asked. */
export async function fontFiles(needCjk: boolean): Promise<FontFile[]> {
  const list = [
    ...files('sans', SANS, SANS_SUBSETS, rangesOf('noto-sans'), named('noto-sans')),
    ...files('arabic', ARABIC, ['arabic'], rangesOf('noto-sans-arabic'), named('noto-sans-arabic')),
    ...files('hebrew', HEBREW, ['hebrew'], rangesOf('noto-sans-hebrew'), named('noto-sans-hebrew')),
  ];
  if (!needCjk) return list;
  // 77 KB of ranges for a hundred pieces: loaded with the first PDF that has Chinese text.
  const loadCjk = Object.values(CJK_RANGES)[0];
  const cjkRanges: Ranges = loadCjk ? await loadCjk() : {};
  const pieces = Object.keys(cjkRanges).filter((k) => /^\[\d+\]$/.test(k));
  return [...list, ...files('cjk', CJK, pieces, cjkRanges, (subset) => named('noto-sans-sc')(subset.slice(1, -1)))];
}

/** Chinese, Japanese kana and the CJK punctuation and forms around them: whether fontFiles needs its pieces. */
export const isCjk = (code: number) =>
  (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x20000 && code <= 0x3ffff);
