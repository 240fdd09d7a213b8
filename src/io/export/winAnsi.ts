/**
 * Text for jsPDF's built-in fonts, which encode Windows-1252 only: a character outside it would print as an
 * unrelated Latin letter (Hebrew ש comes out as é), so it becomes "?" instead — visibly missing, never wrong.
 * Full Unicode in PDFs needs an embedded font.
 */

// The characters Windows-1252 adds in 0x80–0x9F.
const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRAS.includes(ch)) out += ch;
    else if (c === 0x09 || c === 0x0a || c === 0x0d) out += ' ';
    // Invisible format characters (direction marks, joiners, variation selectors) are dropped, not marked.
    else if (/\p{Cf}|\p{Mn}|[\uFE00-\uFE0F]/u.test(ch) || c < 0x20 || (c >= 0x7f && c < 0xa0)) continue;
    else out += '?';
  }
  return out;
}
