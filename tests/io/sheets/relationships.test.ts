/** Relationships as a table: read from a CSV or a workbook's sheet, matched by name, written back the same. */
import { describe, expect, it } from 'vitest';
import { type AssetMapDoc, SUNNYDALE, buildExample, commands, emptyDoc } from '../../../src/model';
import { readCsv, readXlsx, rowsToContent, writeXlsx } from '../../../src/io/sheets';
import { relationshipCells } from '../../../src/io/sheets/relationships';

function small(): AssetMapDoc {
  const doc = emptyDoc('Riverbend', 'map_rel');
  commands.addAsset(doc, { id: 'maria', kind: 'staff', label: 'Maria López', x: 0, y: 0 });
  commands.addAsset(doc, { id: 'club', kind: 'partner', label: 'Boys & Girls Club', x: 0, y: 0 });
  commands.addAsset(doc, { id: 'church', kind: 'partner', label: 'St Mark’s Church', x: 0, y: 0 });
  commands.addAsset(doc, { id: 'twin1', kind: 'space', label: 'Hall', x: 0, y: 0 });
  commands.addAsset(doc, { id: 'twin2', kind: 'resource', label: 'Hall', x: 0, y: 0 });
  return doc;
}

const csv = (lines: string[]) => lines.join('\r\n');

describe('a relationships table', () => {
  it('is read from a CSV with From and To, names matched with case and spacing forgiven', () => {
    const read = readCsv(csv(['From,To,Tie,Label', 'maria  lópez,boys & girls club,Strong,meets monthly', "Maria López,St Mark’s Church,,", 'Maria López,Nobody Known,weak,', 'Hall,Maria López,weak,', 'Maria López,Boys & Girls Club,sometimes,']));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.rows).toEqual([]);
    let n = 0;
    const content = rowsToContent(small(), [], 'merge', { relationships: read.value.relationships!, newId: () => `n${n++}` });
    const edges = Object.values(content.edges).map((e) => [e.source, e.target, e.tie, e.label]);
    expect(edges).toEqual([
      ['maria', 'club', 'strong', 'meets monthly'],
      ['maria', 'church', 'regular', undefined],
    ]);
    expect(content.summary.links).toBe(2);
    expect(content.summary.notes).toEqual([
      '“Nobody Known” (row 4) is not an asset on the map, so that relationship was left out.',
      'More than one asset is called “Hall” (row 5), so that relationship was left out.',
      '1 relationship was already on the map.',
    ]);
  });

  it('round-trips through the workbook: the Relationships sheet holds what the map has, and reads back the same', async () => {
    const doc = buildExample(SUNNYDALE, 'map_s');
    const before = relationshipCells(doc);
    expect(before.length).toBeGreaterThan(1);
    const read = await readXlsx(await writeXlsx(doc));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.relationships!.map((r) => [r.from, r.to, r.tie, r.label])).toEqual(before.slice(1));
    // Opened as a new map, the same relationships join the same assets.
    const empty = emptyDoc('copy', 'map_copy');
    let n = 0;
    const content = rowsToContent(empty, read.value.rows, 'new', { relationships: read.value.relationships, newId: () => `n${n++}` });
    const label = (id: string) => content.nodes[id]!.label;
    expect(Object.values(content.edges).map((e) => [label(e.source), label(e.target), e.tie, e.label ?? ''])).toEqual(before.slice(1));
  });

  it('a worksheet without From and To columns is read as a worksheet, as before', () => {
    const read = readCsv(csv(['Category,Name,Strengths', 'Partnership,Club,Gym']));
    expect(read.ok && read.value.relationships).toBeFalsy();
    expect(read.ok && read.value.rows.length).toBe(1);
  });
});
