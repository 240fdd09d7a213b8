import { describe, expect, it } from 'vitest';
import { type AssetMapDoc, type MapNode, SUNNYDALE, buildExample, commands, emptyDoc, isAttached } from '../../../src/model';
import { nodeSize } from '../../../src/look';
import { layoutMap } from '../../../src/layout';
import { describeImport, readCsv, rowsToContent, type SheetRow } from '../../../src/io/sheets';
import { counterIds, fixture, summarize } from './helpers';

function laidOut(doc: AssetMapDoc): AssetMapDoc {
  const { positions } = layoutMap(doc, doc.layout);
  for (const [id, p] of Object.entries(positions)) Object.assign(doc.nodes[id]!, p);
  return doc;
}

const row = (r: Partial<SheetRow> & Pick<SheetRow, 'kind' | 'name'>): SheetRow => ({ strengths: [], weaknesses: [], improvements: [], ...r });

function overlaps(a: MapNode, b: MapNode) {
  const sa = nodeSize(a);
  const sb = nodeSize(b);
  return a.x < b.x + sb.width && b.x < a.x + sa.width && a.y < b.y + sb.height && b.y < a.y + sa.height;
}

describe('rows to content: merge', () => {
  it('adds only what is new to an asset of the same category and name, whatever the case and spaces', () => {
    const doc = laidOut(buildExample(SUNNYDALE, 'map_s'));
    const rows = [
      row({
        kind: 'partner',
        name: '  school   partnership ',
        strengths: ['teachers', 'PTA', 'Sports teams'],
        weaknesses: ['Busy schedule makes coordination difficult'],
        improvements: ['Work with the teachers and PTA to make a shared calendar that is updated weekly', 'Meet each term'],
      }),
    ];
    const content = rowsToContent(doc, rows, 'merge', { newId: counterIds() });
    expect(content.summary).toEqual({ assets: 0, merged: 1, items: 2, duplicates: 4 });
    const added = Object.values(content.nodes);
    expect(added.map((n) => [n.kind, n.label])).toEqual([
      ['strength', 'Sports teams'],
      ['improvement', 'Meet each term'],
    ]);
    // The school has one weakness, so the new improvement improves it.
    expect(added[1]).toMatchObject({ attachedTo: 'school.w0', status: 'idea' });
    expect(added[0]).toMatchObject({ attachedTo: 'school', order: 3 });
    for (const n of added) for (const other of Object.values(doc.nodes)) expect(overlaps(n, other)).toBe(false);
  });

  it('importing the same sheet twice adds nothing the second time', () => {
    const doc = emptyDoc('Twice', 'map_t');
    const read = readCsv(fixture('worksheet.excel.csv'));
    if (!read.ok) throw new Error(read.error.detail);
    const first = rowsToContent(doc, read.value.rows, 'merge');
    commands.insertContent(doc, first);
    expect(first.summary.assets).toBe(4);
    const second = rowsToContent(doc, read.value.rows, 'merge');
    expect(Object.keys(second.nodes)).toEqual([]);
    expect(second.summary).toEqual({ assets: 0, merged: 4, items: 0, duplicates: 13 });
    expect(describeImport(second.summary)).toBe('Nothing new was added. 13 items were already on the map.');
  });

  it('merges rows of the same asset within one file, and keeps a different category apart', () => {
    const rows = [
      row({ kind: 'space', name: 'Hall', strengths: ['Big'] }),
      row({ kind: 'space', name: 'HALL', strengths: ['big', 'Bright'], weaknesses: ['Cold'] }),
      row({ kind: 'resource', name: 'Hall', strengths: ['Big'] }),
    ];
    const content = rowsToContent(emptyDoc('x', 'map_x'), rows, 'merge', { newId: counterIds() });
    expect(content.summary).toEqual({ assets: 2, merged: 1, items: 4, duplicates: 1 });
    const doc = emptyDoc('x', 'map_x');
    commands.insertContent(doc, content);
    expect(summarize(doc)).toEqual([
      { kind: 'resource', name: 'Hall', strengths: ['Big'], weaknesses: [], improvements: [] },
      { kind: 'space', name: 'Hall', strengths: ['Big', 'Bright'], weaknesses: ['Cold'], improvements: [] },
    ]);
  });

  it('a new weakness that is an asset\'s only one takes the improvements', () => {
    const doc = emptyDoc('x', 'map_x');
    commands.addAsset(doc, { id: 'hall', kind: 'space', label: 'Hall', x: 0, y: 0 });
    const content = rowsToContent(doc, [row({ kind: 'space', name: 'Hall', weaknesses: ['Cold'], improvements: ['Heat it'] })], 'merge', {
      newId: counterIds(),
    });
    expect(content.nodes.id0).toMatchObject({ kind: 'weakness', attachedTo: 'hall' });
    expect(content.nodes.id1).toMatchObject({ kind: 'improvement', attachedTo: 'id0' });
  });
});

describe('rows to content: new', () => {
  it('adds every row as a new asset, repeated items and all, with details, passions and named details', () => {
    const doc = laidOut(buildExample(SUNNYDALE, 'map_s'));
    const rows = [
      row({ kind: 'partner', name: 'School Partnership', strengths: ['Teachers', 'Teachers'] }),
      row({ kind: 'staff', name: 'Ana', details: 'Part time', passions: ['Cooking'], fields: { Role: 'Librarian' } }),
    ];
    const content = rowsToContent(doc, rows, 'new', { newId: counterIds('n') });
    expect(content.summary).toEqual({ assets: 2, merged: 0, items: 2, duplicates: 0 });
    expect(content.nodes.n3).toMatchObject({
      kind: 'staff',
      label: 'Ana',
      details: 'Part time',
      passions: [{ text: 'Cooking' }],
      fields: { Role: 'Librarian' },
    });
    // Worksheet order continues after the map's assets.
    expect(content.nodes.n0!.order).toBe(8);
    expect(content.nodes.n3!.order).toBe(9);
  });

  it('places new assets below the map, in a grid, without overlapping anything', () => {
    const doc = laidOut(buildExample(SUNNYDALE, 'map_s'));
    const bottom = Math.max(...Object.values(doc.nodes).map((n) => n.y + nodeSize(n).height));
    const rows = Array.from({ length: 7 }, (_, i) =>
      row({ kind: 'space', name: `Room ${i}`, strengths: ['Quiet'], weaknesses: i % 2 ? ['Small', 'Dark'] : ['Small'], improvements: ['Paint'] }),
    );
    const content = rowsToContent(doc, rows, 'new');
    const added = Object.values(content.nodes);
    expect(added).toHaveLength(7 * 4 + 3);
    for (const n of added) expect(n.y).toBeGreaterThan(bottom);
    const all = [...Object.values(doc.nodes), ...added];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!)).toBe(false);
    // Every item hangs from something that is on the map or in the import.
    for (const n of added) if (isAttached(n)) expect(content.nodes[n.attachedTo] ?? doc.nodes[n.attachedTo]).toBeDefined();
  });

  it('starts where it is told', () => {
    const content = rowsToContent(emptyDoc('x', 'map_x'), [row({ kind: 'space', name: 'Hall' })], 'new', { origin: { x: 500, y: -40 }, newId: counterIds() });
    expect(content.nodes.id0).toMatchObject({ x: 500, y: -40 });
  });

  it('is deterministic given ids', () => {
    const doc = laidOut(buildExample(SUNNYDALE, 'map_s'));
    const rows = [row({ kind: 'space', name: 'Hall', strengths: ['Big'] }), row({ kind: 'partner', name: 'School Partnership', strengths: ['Gym'] })];
    const a = rowsToContent(doc, rows, 'merge', { newId: counterIds() });
    const b = rowsToContent(doc, rows, 'merge', { newId: counterIds() });
    expect(a).toEqual(b);
  });
});

it('describes an import in a sentence', () => {
  expect(describeImport({ assets: 1, merged: 0, items: 3, duplicates: 0 })).toBe('Added 1 asset and 3 items.');
  expect(describeImport({ assets: 0, merged: 2, items: 1, duplicates: 1 })).toBe('Added 1 item. 1 item was already on the map.');
});
