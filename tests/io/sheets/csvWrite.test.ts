import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample, emptyDoc, commands } from '../../../src/model';
import { EXAMPLES } from '../../../src/model/moreExamples';
import { readCsv, writeCsv } from '../../../src/io/sheets';
import { importSheetAsNewMap } from '../../../src/io/sheets/importSheet';
import { fixture, summarize } from './helpers';

const sunnydale = () => buildExample(SUNNYDALE, 'map_sunnydale');

describe('writing CSV', () => {
  const csv = writeCsv(sunnydale());

  it('starts with a byte-order mark, ends rows with CRLF, and has the worksheet\'s columns', () => {
    expect(csv.startsWith('\uFEFFCategory,Name,Strengths,Weaknesses,How can it be improved?')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every line feed outside a quoted cell is part of a CRLF.
    const outside = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside.match(/\n/g)!.length).toBe(outside.match(/\r\n/g)!.length);
  });

  it('writes rows by category in the worksheet\'s order, lists as lines in a quoted cell', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      'Partnership,Neighborhood Association 1,Many bilingual - English/Farsi Speakers,Distance from library makes it difficult to volunteer,Work with the association to organize a carpool for volunteers,,',
    );
    expect(lines[2]).toBe(
      'Partnership,School Partnership,"Teachers\nPTA\nGym and Auditorium spaces",Busy schedule makes coordination difficult,Work with the teachers and PTA to make a shared calendar that is updated weekly,,',
    );
    const categories = lines.slice(1, -1).map((l) => l.split(',')[0]);
    expect(categories).toEqual(['Partnership', 'Partnership', 'Partnership', 'Partnership', 'Partnership', 'Staff', 'Space', 'Material resource']);
  });

  it('quotes cells with commas and quotes, and guards formula-like cells', () => {
    const doc = emptyDoc('Quotes', 'map_q');
    commands.addAsset(doc, { id: 'a', kind: 'space', label: '=HYPERLINK("http://x","click")', x: 0, y: 0 });
    commands.addAttachment(doc, { id: 's', kind: 'strength', attachedTo: 'a', label: '-Teachers', x: 0, y: 0 });
    commands.addAttachment(doc, { id: 'w', kind: 'weakness', attachedTo: 'a', label: 'Big, "heavy" tables', x: 0, y: 0 });
    commands.addAttachment(doc, { id: 'i', kind: 'improvement', attachedTo: 'w', label: '@volunteers move them', x: 0, y: 0 });
    const row = writeCsv(doc).split('\r\n')[1];
    expect(row).toBe(`Space,"'=HYPERLINK(""http://x"",""click"")",'-Teachers,"Big, ""heavy"" tables",'@volunteers move them`);
  });

  it('adds columns for details, passions and named details only when the map has them', () => {
    const doc = buildExample(EXAMPLES.smallville!, 'map_s');
    const header = writeCsv(doc).slice(1).split('\r\n')[0];
    expect(header).toBe(
      'Category,Name,Strengths,Weaknesses,How can it be improved?,Details,Passions and interests,Relationships with library staff,Community relationships,Organisational priorities,Stories',
    );
    // Sunnydale's technology row has a detail called "Category": it goes out under a prefix, so it is not read as the category.
    expect(csv.slice(1).split('\r\n')[0]).toBe('Category,Name,Strengths,Weaknesses,How can it be improved?,Details,Detail: Category');
  });
});

describe('CSV round trip', () => {
  for (const [key, spec] of Object.entries(EXAMPLES)) {
    it(`keeps every category, name and item of the ${key} example`, () => {
      const doc = buildExample(spec, `map_${key}`);
      const opened = importSheetAsNewMap(writeCsv(doc), doc.title);
      if (!opened.ok) throw new Error(opened.error.detail);
      expect(opened.value.repairs).toEqual([]);
      expect(summarize(opened.value.doc)).toEqual(summarize(doc));
    });
  }

  it('keeps details, passions and named details', () => {
    const doc = buildExample(EXAMPLES.smallville!, 'map_s');
    const read = readCsv(writeCsv(doc));
    if (!read.ok) throw new Error(read.error.detail);
    const librarian = read.value.rows.find((r) => r.name === 'Reference librarian')!;
    expect(librarian.passions).toEqual(['Loves to cook', 'Reads a lot of fantasy']);
    // Empty details have no cell to come back from.
    expect(librarian.fields).toEqual({
      'Relationships with library staff': 'Talks regularly with the tech services supervisor and the volunteer coordinator',
      'Community relationships': 'Meets the minister of the church across the street monthly',
    });
    expect(read.value.rows.find((r) => r.name === 'Director')!.details).toBe('The one full-time staff member');
    const tech = readCsv(writeCsv(sunnydale()));
    expect(tech.ok && tech.value.rows.find((r) => r.name === 'Technology acquisition')).toMatchObject({
      kind: 'resource',
      fields: { Category: 'Technology' },
    });
  });

  it('puts improvements under the weakness when there is exactly one, else under the asset', () => {
    const doc = emptyDoc('Attach', 'map_a');
    commands.addAsset(doc, { id: 'one', kind: 'space', label: 'One', x: 0, y: 0 });
    commands.addAttachment(doc, { id: 'w1', kind: 'weakness', attachedTo: 'one', label: 'Cold', x: 0, y: 0 });
    commands.addAttachment(doc, { id: 'i1', kind: 'improvement', attachedTo: 'one', label: 'Heat it', x: 0, y: 0 });
    commands.addAsset(doc, { id: 'two', kind: 'space', label: 'Two', x: 0, y: 0 });
    commands.addAttachment(doc, { id: 'w2', kind: 'weakness', attachedTo: 'two', label: 'Cold', x: 0, y: 0 });
    commands.addAttachment(doc, { id: 'w3', kind: 'weakness', attachedTo: 'two', label: 'Dark', x: 0, y: 0 });
    commands.addAttachment(doc, { id: 'i2', kind: 'improvement', attachedTo: 'w3', label: 'Add lamps', x: 0, y: 0 });
    const opened = importSheetAsNewMap(writeCsv(doc), 'Attach');
    if (!opened.ok) throw new Error(opened.error.detail);
    const nodes = Object.values(opened.value.doc.nodes);
    const parentOf = (label: string) => opened.value.doc.nodes[(nodes.find((n) => n.label === label) as { attachedTo: string }).attachedTo]!;
    expect(parentOf('Heat it')).toMatchObject({ kind: 'weakness', label: 'Cold' });
    expect(parentOf('Add lamps')).toMatchObject({ kind: 'space', label: 'Two' });
  });

  it('keeps right-to-left text, emoji and accents byte for byte', () => {
    const source = fixture('farsi.csv');
    const opened = importSheetAsNewMap(source, 'فارسی');
    if (!opened.ok) throw new Error(opened.error.detail);
    const written = new TextEncoder().encode(writeCsv(opened.value.doc));
    // Same categories in the same order, so the file comes back the same, byte for byte.
    expect(Buffer.from(written).equals(Buffer.from(source))).toBe(true);
  });

  it('a new map from a CSV is laid out: no two assets overlap', () => {
    const opened = importSheetAsNewMap(fixture('worksheet.excel.csv'), 'Sunnydale');
    if (!opened.ok) throw new Error(opened.error.detail);
    const { doc } = opened.value;
    expect(doc.title).toBe('Sunnydale');
    expect(Object.keys(doc.routes).length).toBeGreaterThan(0);
    const positions = new Set(Object.values(doc.nodes).map((n) => `${n.x},${n.y}`));
    expect(positions.size).toBe(Object.keys(doc.nodes).length);
  });
});

it('quotes semicolons and tabs, so a heading full of them cannot pass for the delimiter', () => {
  const doc = emptyDoc('Semicolons', 'map_sc');
  commands.addAsset(doc, { id: 'a', kind: 'space', label: 'Hall', x: 0, y: 0, fields: { 'a;b;c;d;e;f;g': 'x;y', 'tab\there': 'v' } });
  const csv = writeCsv(doc);
  expect(csv.slice(1).split('\r\n')[0]).toBe('Category,Name,Strengths,Weaknesses,How can it be improved?,"a;b;c;d;e;f;g","tab\there"');
  const read = readCsv(csv);
  expect(read.ok && read.value.rows[0]!.fields).toEqual({ 'a;b;c;d;e;f;g': 'x;y', 'tab\there': 'v' });
});

it('drops control characters before guarding, so none can hide a formula', () => {
  const doc = emptyDoc('Controls', 'map_c');
  commands.addAsset(doc, { id: 'a', kind: 'space', label: '\u0001=cmd|calc', x: 0, y: 0 });
  commands.addAttachment(doc, { id: 's', kind: 'strength', attachedTo: 'a', label: '\u0002-Teachers', x: 0, y: 0 });
  const row = writeCsv(doc).split('\r\n')[1];
  expect(row).toBe(`Space,'=cmd|calc,'-Teachers,,`);
  const read = readCsv(writeCsv(doc));
  expect(read.ok && read.value.rows[0]).toMatchObject({ name: '=cmd|calc', strengths: ['-Teachers'] });
});
