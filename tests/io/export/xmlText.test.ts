/** User text on its way into XML and PDF: escaping, invalid characters, direction. */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { closeBidi, firstStrongDirection, stripNonXml, xmlText } from '../../../src/io/export/xmlText';

describe('xmlText', () => {
  it('escapes markup and drops what XML 1.0 forbids', () => {
    expect(xmlText(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(xmlText('a\u0000b\u0008c\u000Bd\uFFFEe\uFFFF')).toBe('abcde');
    expect(xmlText('line\nbreak\ttab')).toBe('line break tab');
    expect(stripNonXml('x\uD800y\uDC00z\u{1F600}')).toBe('xyz\u{1F600}');
  });

  it('any string becomes parseable element content and attribute text that reads back the same, less what was dropped', () => {
    const { DOMParser } = new JSDOM('').window;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const xml = new DOMParser().parseFromString(`<r a="${xmlText(s)}">${xmlText(s)}</r>`, 'application/xml');
        expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
        const expected = stripNonXml(s).replace(/[\t\n\r]/g, ' ');
        expect(xml.documentElement.textContent).toBe(expected);
        expect(xml.documentElement.getAttribute('a')).toBe(expected);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('direction', () => {
  it('finds the first strong character', () => {
    expect(firstStrongDirection('שלום world')).toBe('rtl');
    expect(firstStrongDirection('123 مرحبا')).toBe('rtl');
    expect(firstStrongDirection('Hello שלום')).toBe('ltr');
    expect(firstStrongDirection('\u200Fabc')).toBe('rtl');
    expect(firstStrongDirection('\u2067שלום\u2069 abc')).toBe('ltr'); // isolated text is skipped
    expect(firstStrongDirection('123 !? 😀')).toBeUndefined();
  });

  it('closes embeddings, overrides and isolates left open', () => {
    expect(closeBidi('plain')).toBe('plain');
    expect(closeBidi('a\u202Eb')).toBe('a\u202Eb\u202C');
    expect(closeBidi('a\u202Eb\u202C')).toBe('a\u202Eb\u202C');
    expect(closeBidi('\u2067x\u202Ay')).toBe('\u2067x\u202Ay\u202C\u2069');
    expect(closeBidi('\u2067x\u202Ay\u2069z\u202B')).toBe('\u2067x\u202Ay\u2069z\u202B\u202C');
  });
});
