/** The Gotham and Smallville examples are valid maps holding the toolkit's facts. */
import { describe, expect, it } from 'vitest';
import { buildExample, getAssets, isAsset } from '../../../src/model';
import { EXAMPLES, GOTHAM, SMALLVILLE } from '../../../src/model/moreExamples';
import { restoreMap } from '../../../src/io/mapFile';

describe('examples', () => {
  it('are registered under their keys', () => {
    expect(EXAMPLES.gotham).toBe(GOTHAM);
    expect(EXAMPLES.smallville).toBe(SMALLVILLE);
  });

  for (const spec of [GOTHAM, SMALLVILLE]) {
    it(`${spec.title} opens with nothing to repair, every relationship joining two assets`, () => {
      const doc = buildExample(spec, 'map_x');
      const restored = restoreMap(JSON.parse(JSON.stringify(doc)));
      expect(restored.ok && restored.value.repairs).toEqual([]);
      for (const e of Object.values(doc.edges)) expect(isAsset(doc.nodes[e.source]) && isAsset(doc.nodes[e.target])).toBe(true);
    });
  }

  it('Gotham has its partners, staff and auditorium', () => {
    const doc = buildExample(GOTHAM, 'map_g');
    expect(getAssets(doc).map((a) => `${a.kind}:${a.label}`)).toEqual([
      'partner:Local high schools',
      'partner:Natural History Museum',
      "staff:Branch teen services staff",
      "staff:Children's Services",
      'staff:IT staff',
      'staff:Volunteers',
      'space:Auditorium',
    ]);
    expect(doc.nodes['volunteers.w0']!.label).toBe('Inconsistent availability, knowledge, and ability');
    expect(doc.nodes['schools.w0']!.label).toBe("Teen services doesn't know what assignments students will have");
  });

  it('Smallville\'s reference librarian has passions, details and three regular ties', () => {
    const doc = buildExample(SMALLVILLE, 'map_s');
    const librarian = doc.nodes.librarian!;
    expect(librarian).toMatchObject({ kind: 'staff', passions: [{ text: 'Loves to cook' }, { text: 'Reads a lot of fantasy' }] });
    expect(isAsset(librarian) && Object.keys(librarian.fields!)).toEqual([
      'Relationships with library staff',
      'Community relationships',
      'Organisational priorities',
      'Stories',
    ]);
    const ties = Object.values(doc.edges).filter((e) => e.source === 'librarian');
    expect(ties.map((e) => [e.target, e.tie])).toEqual([
      ['techsup', 'regular'],
      ['volcoord', 'regular'],
      ['minister', 'regular'],
    ]);
    expect(doc.nodes.minister).toMatchObject({ kind: 'partner', formality: 'informal' });
    expect(doc.nodes.church!.kind).toBe('community');
    expect(getAssets(doc).filter((a) => a.kind === 'resource').map((a) => a.label)).toEqual([
      '2 computers',
      '1 Wii',
      '2 iPads',
      '1,000 googly eyes (donation)',
      '2 guinea pigs',
    ]);
  });
});
