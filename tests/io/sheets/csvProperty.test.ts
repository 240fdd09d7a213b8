/**
 * Any worksheet survives CSV: every category, name, strength, weakness and improvement comes back, whatever the
 * text (formula characters, quotes, bullets, semicolons, right-to-left scripts, emoji, spaces at the ends).
 */
import { importSheetAsNewMap } from '../../../src/io/sheets/importSheet';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ASSET_KINDS, type AssetMapDoc, commands, emptyDoc } from '../../../src/model';
import { getWorksheetRows, readCsv, writeCsv } from '../../../src/io/sheets';
import { summarize } from './helpers';

/** Characters a spreadsheet cannot hold at all (the writer drops them), and line breaks, which separate items. */
const UNSHEETABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const tricky = fc.constantFrom('=', '+', '-', '@', '"', "'", '\t', '•', '*', ';', ' ', '–', '- ', '=cmd|', "''");
const text = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 16 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.tuple(tricky, fc.string({ unit: 'binary', maxLength: 10 })).map(([a, b]) => a + b),
    fc.constantFrom('-Teachers -PTA', 'Many bilingual - English/Farsi Speakers', 'a; b', '"quoted", too', 'انجمن محله 🙌', 'Zoë 👨‍👩‍👧'),
  )
  .map((s) => s.replace(UNSHEETABLE, ''));
const item = text.map((s) => s.replace(/[\r\n]/g, ''));
const name = text.filter((s) => s.trim() !== '');

const asset = fc.record({
  kind: fc.constantFrom(...ASSET_KINDS),
  name,
  strengths: fc.array(item, { maxLength: 4 }),
  weaknesses: fc.array(item, { maxLength: 3 }),
  improvements: fc.array(fc.tuple(item, fc.nat(3)), { maxLength: 3 }),
  fields: fc.dictionary(fc.oneof(text, fc.constantFrom('toString', '__proto__', 'constructor', 'Category', 'Staff', 'Detail: x')), text.filter((s) => s !== ''), {
    maxKeys: 2,
  }),
});

/**
 * Assets with distinct names in each category: a spreadsheet row that repeats the category and name of another
 * continues that row (tests/io/sheets/repeats.test.ts), so such a map does not come back as two assets.
 */
const assets = (maxLength: number) =>
  fc.uniqueArray(asset, { maxLength, selector: (a) => `${a.kind}\u0000${a.name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()}` });

type GenAsset = typeof asset extends fc.Arbitrary<infer T> ? T : never;

function buildDoc(assets: GenAsset[]): AssetMapDoc {
  const doc = emptyDoc('Generated', 'map_gen');
  assets.forEach((a, i) => {
    const id = `a${i}`;
    commands.addAsset(doc, { id, kind: a.kind, label: a.name, x: 0, y: 0, ...(Object.keys(a.fields).length ? { fields: a.fields } : {}) });
    a.strengths.forEach((label, k) => commands.addAttachment(doc, { id: `${id}s${k}`, kind: 'strength', attachedTo: id, label, x: 0, y: 0 }));
    a.weaknesses.forEach((label, k) => commands.addAttachment(doc, { id: `${id}w${k}`, kind: 'weakness', attachedTo: id, label, x: 0, y: 0 }));
    // An improvement goes on one of the weaknesses, or on the asset when the number points past them.
    a.improvements.forEach(([label, on], k) => {
      const target = on < a.weaknesses.length ? `${id}w${on}` : id;
      commands.addAttachment(doc, { id: `${id}i${k}`, kind: 'improvement', attachedTo: target, label, x: 0, y: 0 });
    });
  });
  return doc;
}

describe('CSV round trip of any worksheet', () => {
  it('imported as a new map, keeps every category, name and item (as multisets per asset)', () => {
    fc.assert(
      fc.property(assets(7), (assets) => {
        const doc = buildDoc(assets);
        // Through bytes, as a file would go.
        const bytes = new TextEncoder().encode(writeCsv(doc));
        const opened = importSheetAsNewMap(bytes, doc.title);
        if (!opened.ok) throw new Error(opened.error.detail);
        expect(summarize(opened.value.doc)).toEqual(summarize(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('read back as rows, keeps their order, the order of items, and named details exactly', () => {
    fc.assert(
      fc.property(assets(5), (assets) => {
        const doc = buildDoc(assets);
        const read = readCsv(writeCsv(doc));
        if (!read.ok) throw new Error(read.error.detail);
        expect(read.value.warnings).toEqual([]);
        const back = read.value.rows.map(({ row: _row, ...rest }) => rest);
        expect(back).toEqual(getWorksheetRows(doc));
      }),
      { numRuns: 300 },
    );
  });
});
