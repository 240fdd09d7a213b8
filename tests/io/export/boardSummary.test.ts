/**
 * The board summary: what it says about a map (a fixed day, so that ties go stale the same way every time), and
 * the PDF and web page it is written as, read back with poppler and as text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBoardSummaryHtml, exportBoardSummaryPdf, readMapFromPdf } from '../../../src/io/export';
import { boardSummary } from '../../../src/io/export/boardSummary';
import { type AssetMapDoc, type AssetNode, reviewOf } from '../../../src/model';
import { HOSTILE_LABELS, fontsFromDisk, sunnydale } from './helpers';

const TODAY = '2026-12-06';

/** Sunnydale with a review saved in the spring, then three changes and a ledger kept. */
function reviewed(): AssetMapDoc {
  const doc = sunnydale();
  doc.reviews = [reviewOf(structuredClone(doc), 'rev_spring', 'Spring 2026 review', '2026-04-01T10:00:00.000Z')];
  doc.nodes.school!.label = 'Lincoln School Partnership';
  delete doc.nodes.high;
  doc.nodes.pa_new = { id: 'pa_new', kind: 'partner', label: 'Makers Guild', x: 0, y: 2000, order: 99 } as AssetNode;
  const friends = doc.nodes.friends as AssetNode;
  friends.partnershipStatus = 'dormant';
  friends.lastContact = '2025-11-01';
  return doc;
}

const section = (s: ReturnType<typeof boardSummary>, heading: RegExp) => s.sections.find((x) => heading.test(x.heading))!;

describe('board summary', () => {
  it('says what the map holds, which partnerships are strongest and which at risk, and what changed since a review', () => {
    const doc = reviewed();
    const summary = boardSummary(doc, { today: TODAY, locale: 'en-GB', since: doc.reviews![0]! });
    expect(summary.date).toBe('6 December 2026');
    expect(summary.overview).toMatch(/^The map holds 8 assets: 5 partners, 1 colleague, 1 space and 1 material resource\./);
    expect(summary.counts).toContainEqual({ label: 'Partners', count: 5 });

    // Strongest: held by a colleague, ranked by the ties and what they bring.
    const strongest = section(summary, /^Strongest/);
    expect(strongest.items.map((i) => i.name)).toEqual(['Lincoln School Partnership', 'Friends group']);
    expect(strongest.items[0]!.details.join(' ')).toContain('1 strong tie');

    // At risk: the dormant friends group, with contact gone stale, first; a partner no one holds among the rest.
    const risk = section(summary, /at risk$/);
    expect(risk.items[0]!.name).toBe('Friends group');
    expect(risk.items[0]!.details).toEqual(expect.arrayContaining(['Marked dormant.', expect.stringMatching(/1 November 2025/)]));
    expect(risk.items.some((i) => i.name === 'Makers Guild' && /No colleague/.test(i.details[0]!))).toBe(true);

    expect(section(summary, /no improvement yet$/).items.map((i) => i.name)).toEqual(['Small budget']);
    expect(section(summary, /^Improvements$/).lead).toBe('5 ideas. 5 improvements have no owner yet.');
    expect(section(summary, /^Connections worth making$/).items.length).toBeGreaterThan(0);

    // The three changes, in words.
    const changes = section(summary, /^Changes since Spring 2026 review$/);
    expect(changes.lead).toBe('Since “Spring 2026 review” (1 April 2026): 1 item added, 1 removed, 2 changed.');
    const names = changes.items.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['Added: “Makers Guild” (partner)', 'Removed: “High school” (partner)']));
    expect(changes.items.find((i) => /Lincoln/.test(i.name))!.details[0]).toBe('Renamed from “School Partnership” to “Lincoln School Partnership”.');
  });

  it('an empty map gets sentences, not empty sections', () => {
    const doc = sunnydale();
    doc.nodes = {};
    doc.edges = {};
    const summary = boardSummary(doc, { today: TODAY });
    expect(summary.overview).toBe('The map has no assets yet.');
    for (const s of summary.sections) expect(s.lead.length).toBeGreaterThan(10);
  });

  it('prints as a PDF of two pages at most, every script readable, that opens again as the map', async () => {
    const doc = reviewed();
    doc.nodes.na1!.label = 'انجمن فرهنگی ایرانیان';
    doc.nodes.friends!.label = 'ספרייה עירונית';
    const bytes = await exportBoardSummaryPdf(doc, { paper: 'a4', today: TODAY, locale: 'en-GB', sinceReview: 'rev_spring' }, fontsFromDisk);
    const file = join(mkdtempSync(join(tmpdir(), 'am-board-')), 'board.pdf');
    writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeLessThanOrEqual(2);
    expect(info).toMatch(/^Title:\s+Sunnydale Public Library – board summary$/m);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFKC');
    for (const words of [
      'Sunnydale Public Library',
      'Board summary · 6 December 2026',
      'Strongest partnerships',
      'Partnerships most at risk',
      'Weaknesses with no improvement yet',
      'Connections worth making',
      'Changes since Spring 2026 review',
      'انجمن فرهنگی ایرانیان',
      'ספרייה עירונית',
      'Marked dormant.',
    ]) {
      expect(text, words).toContain(words);
    }
    const opened = readMapFromPdf(bytes);
    expect(opened.ok && opened.value.doc.nodes).toEqual(doc.nodes);
  });

  it('writes a web page that needs nothing else: styles inside, the map as SVG, no script, user text as text', () => {
    const doc = reviewed();
    doc.nodes.na1!.label = HOSTILE_LABELS[0]!;
    doc.nodes.friends!.label = 'ספרייה עירונית';
    const html = exportBoardSummaryHtml(doc, { today: TODAY, locale: 'en-GB', sinceReview: 'rev_spring' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>Sunnydale Public Library – board summary</title>');
    expect(html).toContain('<svg');
    // Nothing to run or fetch: no script, no stylesheet, image or font from elsewhere.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<[a-z][^>]*\s(?:src|on\w+)=|@import|url\(/i);
    expect(html).not.toContain(HOSTILE_LABELS[0]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<h2 dir="auto">Changes since Spring 2026 review</h2>');
    expect(html).toContain('<b>ספרייה עירונית</b>');
  });
});
