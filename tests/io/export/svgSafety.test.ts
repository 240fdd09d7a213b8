/**
 * The exported SVG is a valid, inert, standalone XML document whatever the labels hold: parsed here as strict
 * XML (jsdom's XML parser), walked for scripts, event attributes and external references.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { FONT_STACK, labelLines } from '../../../src/look';
import { readMapFromSvg, renderMapSvg } from '../../../src/io/export';
import { HOSTILE_LABELS, sunnydale } from './helpers';

const opts = { background: 'white', title: true, legend: true, embed: true } as const;

/** Parses as XML; throws on any well-formedness error (jsdom reports them as exceptions). */
function parseXml(svg: string): Document {
  return new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
}

function allElements(doc: Document): Element[] {
  return [...doc.getElementsByTagName('*')];
}

function checkInert(svg: string) {
  const xml = parseXml(svg);
  const root = xml.documentElement;
  expect(root.localName).toBe('svg');
  expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
  expect(root.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  expect(Number(root.getAttribute('width'))).toBeGreaterThan(0);
  expect(Number(root.getAttribute('height'))).toBeGreaterThan(0);
  expect(root.getAttribute('font-family')).toBe(FONT_STACK);
  const allowed = new Set(['svg', 'title', 'metadata', 'map', 'defs', 'use', 'g', 'rect', 'path', 'text', 'clipPath']);
  for (const el of allElements(xml)) {
    expect(allowed.has(el.localName), `element <${el.localName}>`).toBe(true);
    for (const attr of [...el.attributes]) {
      expect(attr.name.toLowerCase().startsWith('on'), `attribute ${attr.name}`).toBe(false);
      if (/href$/i.test(attr.name)) expect(attr.value.startsWith('#'), `${attr.name}=${attr.value}`).toBe(true);
      expect(attr.value.toLowerCase()).not.toContain('javascript:');
      if (attr.value.includes('url(')) expect(attr.value).toMatch(/^url\(#[\w-]+\)$/);
    }
  }
  // Internal references point at something in the same file.
  const ids = new Set(allElements(xml).map((e) => e.getAttribute('id')).filter(Boolean));
  for (const use of [...xml.getElementsByTagName('use')]) expect(ids.has(use.getAttribute('href')!.slice(1))).toBe(true);
  expect(xml.getElementsByTagName('script')).toHaveLength(0);
  expect(xml.getElementsByTagName('foreignObject')).toHaveLength(0);
  expect(svg).not.toMatch(/<script|<!ENTITY|<!DOCTYPE|<\?xml-stylesheet|@import/i);
  return xml;
}

describe('SVG is valid, standalone and inert', () => {
  it('Sunnydale: well-formed XML, only drawing elements, no scripts or external references', () => {
    const svg = renderMapSvg(sunnydale(), opts);
    const xml = checkInert(svg);
    expect(xml.getElementsByTagName('title')[0]!.textContent).toBe('Sunnydale Public Library');
    const texts = [...xml.getElementsByTagName('text')].map((t) => t.textContent);
    for (const line of labelLines({ kind: 'partner', label: 'Neighborhood Association 1' })) expect(texts).toContain(line);
    expect(texts).toContain('Legend');
    expect(texts).toContain('Relationship (strong tie)');
    expect(texts).toContain('IMPROVEMENT · IDEA');
    // Lines are wrapped as on the canvas.
    for (const line of labelLines({ kind: 'improvement', label: 'Work with the teachers and PTA to make a shared calendar that is updated weekly' })) {
      expect(texts).toContain(line);
    }
  });

  it('hostile labels, titles and edge labels come out as text, and the image stays valid XML', () => {
    const doc = sunnydale();
    const ids = Object.keys(doc.nodes);
    HOSTILE_LABELS.forEach((label, i) => (doc.nodes[ids[i]!]!.label = label));
    doc.title = '</title><script>alert(1)</script>\u0000\uD800';
    doc.edges.rel0!.label = '<img src=x onerror=alert(1)>';
    doc.edges.rel1!.label = 'javascript:alert(1) \u202E';
    for (const background of ['white', 'transparent'] as const) {
      const svg = renderMapSvg(doc, { ...opts, background });
      const xml = checkInert(svg);
      const texts = [...xml.getElementsByTagName('text')].map((t) => t.textContent ?? '');
      const all = texts.join('\n');
      // Each label's lines, as the canvas wraps them, are there as plain text.
      for (const id of ids.slice(0, 5)) {
        for (const line of labelLines(doc.nodes[id]!)) expect(texts).toContain(line);
      }
      expect(all).toContain('<img src=x onerror=alert(1)>'); // the edge label, on one line
      expect(all).toContain('javascript:alert(1)');
      expect(xml.getElementsByTagName('title')[0]!.textContent).toBe('</title><script>alert(1)</script>');
      // No character that XML 1.0 forbids, and no lone surrogate, reaches the file.
      expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(svg).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      // Emoji sequences survive whole.
      expect(all).toContain('\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}');
      // Every text element closes any direction override it opens.
      for (const t of texts) {
        const opens = (t.match(/[\u202A-\u202E]/g) ?? []).filter((c) => c !== '\u202C').length;
        const closes = (t.match(/\u202C/g) ?? []).length;
        expect(closes).toBeGreaterThanOrEqual(opens);
      }
      // The map is still in the image, exactly.
      const opened = readMapFromSvg(svg);
      expect(opened.ok && opened.value.doc).toEqual(doc);
    }
  });

  it('a 100 KB label is cut to the node, not written out whole', () => {
    const doc = sunnydale();
    doc.nodes.na1!.label = 'x'.repeat(100 * 1024);
    const svg = renderMapSvg(doc, { ...opts, embed: false });
    checkInert(svg);
    expect(svg.length).toBeLessThan(renderMapSvg(sunnydale(), { ...opts, embed: false }).length + 2000);
  });

  it('right-to-left labels are laid out right to left, from the right edge', () => {
    const doc = sunnydale();
    doc.nodes.na1!.label = 'אגודת השכונה 1';
    doc.nodes.school!.label = '\u200Fمدرسة';
    doc.nodes.room!.label = '123 Meeting Room';
    const xml = parseXml(renderMapSvg(doc, opts));
    const byText = (s: string) => [...xml.getElementsByTagName('text')].find((t) => t.textContent === s)!;
    for (const label of ['אגודת השכונה 1', '\u200Fمدرسة']) {
      const t = byText(label);
      expect(t.getAttribute('direction')).toBe('rtl');
      expect(t.getAttribute('unicode-bidi')).toBe('embed');
      // "start" of a right-to-left line is its right end: x is the node's right padding.
      expect(t.getAttribute('text-anchor')).toBeNull();
      expect(Number(t.getAttribute('x'))).toBe(220 - 12);
    }
    const ltr = byText('123 Meeting Room');
    expect(ltr.getAttribute('direction')).toBeNull();
    expect(Number(ltr.getAttribute('x'))).toBe(12);
  });

  it('a view (region) is clipped to the region and leaves out what is outside it', () => {
    const doc = sunnydale();
    const whole = renderMapSvg(doc, { ...opts, embed: false });
    const view = renderMapSvg(doc, { ...opts, embed: false, region: { x: -10, y: -10, width: 300, height: 200 } });
    const xml = checkInert(view);
    expect(xml.getElementsByTagName('clipPath')).toHaveLength(1);
    expect(view.length).toBeLessThan(whole.length / 2);
    const g = [...xml.getElementsByTagName('g')].find((e) => e.getAttribute('clip-path'));
    expect(g?.getAttribute('clip-path')).toBe('url(#assetmap-view)');
  });
});
