/**
 * User text on its way into exported XML (SVG, XMP): everything a label may hold becomes inert character data.
 * Labels are data, never markup, so text is escaped, characters that XML 1.0 forbids are dropped (a NUL or a lone
 * surrogate would make the whole image unreadable), and direction controls are closed at the end of each piece
 * so that a stray U+202E cannot reverse the text drawn after it.
 */

// XML 1.0 allows #x9 #xA #xD, #x20-#xD7FF, #xE000-#xFFFD and the supplementary planes (as surrogate pairs).
// C1 controls are legal but invisible and only confuse renderers, so they go too.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without characters that may not appear in an XML 1.0 document. */
export function stripNonXml(text: string): string {
  return text.replace(NOT_XML, '');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text safe as element content or as a quoted attribute value: invalid characters dropped, markup characters
 * escaped. Line breaks and tabs become spaces, since exported text is always drawn on one line.
 */
export function xmlText(text: string): string {
  // Most labels need nothing: one scan decides, and the exporter writes thousands of them.
  if (!NEEDS_WORK.test(text)) return text;
  return stripNonXml(text).replace(/[\t\n\r]/g, ' ').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const NEEDS_WORK = /[&<>"'\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;

const LRE = 0x202a;
const RLE = 0x202b;
const PDF = 0x202c;
const LRO = 0x202d;
const RLO = 0x202e;
const LRI = 0x2066;
const RLI = 0x2067;
const FSI = 0x2068;
const PDI = 0x2069;

/**
 * Closes direction embeddings, overrides and isolates left open in the text (appending PDF/PDI as needed), so that
 * each drawn piece of text is self-contained whatever the user typed.
 */
export function closeBidi(text: string): string {
  if (!/[\u202a-\u202e\u2066-\u2069]/.test(text)) return text;
  const open: ('e' | 'i')[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LRE || c === RLE || c === LRO || c === RLO) open.push('e');
    else if (c === LRI || c === RLI || c === FSI) open.push('i');
    else if (c === PDF) {
      if (open[open.length - 1] === 'e') open.pop();
    } else if (c === PDI) {
      // A PDI closes its isolate and every embedding opened inside it.
      const at = open.lastIndexOf('i');
      if (at >= 0) open.length = at;
    }
  }
  let tail = '';
  for (let i = open.length - 1; i >= 0; i--) tail += open[i] === 'e' ? '\u202c' : '\u2069';
  return text + tail;
}

const RTL_SCRIPT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mende_Kikakui}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Kharoshthi}\p{Script=Avestan}\p{Script=Yezidi}]/u;
const LETTER = /\p{L}/u;

/**
 * The direction of the text's first strong character (Unicode bidi rule P2, simplified): letters of right-to-left
 * scripts and U+200F make it 'rtl', other letters and U+200E 'ltr'; text inside isolates is skipped.
 * Text with no strong character (digits, emoji) has no direction of its own.
 */
export function firstStrongDirection(text: string): 'ltr' | 'rtl' | undefined {
  let isolated = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === LRI || c === RLI || c === FSI) isolated++;
    else if (c === PDI) isolated = Math.max(0, isolated - 1);
    else if (isolated > 0) continue;
    else if (c === 0x200f) return 'rtl';
    else if (c === 0x200e) return 'ltr';
    else if (LETTER.test(ch)) return RTL_SCRIPT.test(ch) ? 'rtl' : 'ltr';
  }
  return undefined;
}
