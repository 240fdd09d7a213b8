/**
 * User text as XML character data for the interchange files. Unlike the drawn labels of an image, text here
 * keeps its line breaks and tabs: they are written as character references, which XML parsers keep as they are
 * (a raw line break in an attribute would be read back as a space, a raw CR dropped).
 */

// XML 1.0 allows #x9 #xA #xD, #x20-#xD7FF, #xE000-#xFFFD and the supplementary planes (as surrogate pairs).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text safe as element content or a quoted attribute value; characters XML cannot hold are dropped. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c]!);
}
