/** The tag filter and the tags in use. */
import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample, commands, getHiddenByTag, getTagCounts } from '../../src/model';

const tagged = () => {
  const doc = buildExample(SUNNYDALE, 'm1');
  commands.tagNodes(doc, { ids: ['school', 'na1'], tag: 'teens' });
  // A strength tagged alone brings its asset (and the asset's other items) with it.
  commands.tagNodes(doc, { ids: ['na2.s0'], tag: 'Teens' });
  commands.tagNodes(doc, { ids: ['na2.s0'], tag: 'space' });
  return doc;
};

describe('tags', () => {
  it('lists the tags in use with how many items carry each, alphabetically', () => {
    expect(getTagCounts(tagged())).toEqual([
      { tag: 'space', count: 1 },
      { tag: 'Teens', count: 1 },
      { tag: 'teens', count: 2 },
    ]);
    expect(getTagCounts(buildExample(SUNNYDALE))).toEqual([]);
  });

  it('the filter hides every asset without the tag, with what hangs off it, and nothing else', () => {
    const doc = tagged();
    const hidden = getHiddenByTag(doc, 'teens');
    const shown = Object.keys(doc.nodes).filter((id) => !hidden.has(id));
    const owners = new Set(shown.map((id) => id.split('.')[0]));
    expect([...owners].sort()).toEqual(['na1', 'school']);
    // The kept assets come whole: every item attached to them, improvements of their weaknesses too.
    for (const id of Object.keys(doc.nodes)) expect(hidden.has(id)).toBe(!['na1', 'school'].includes(id.split('.')[0]!));
  });

  it('an item carrying the tag keeps its asset and the asset keeps all its items', () => {
    const doc = tagged();
    const hidden = getHiddenByTag(doc, 'Teens');
    const shown = Object.keys(doc.nodes).filter((id) => !hidden.has(id)).sort();
    expect(shown).toEqual(Object.keys(doc.nodes).filter((id) => id === 'na2' || id.startsWith('na2.')).sort());
  });

  it('no tag chosen hides nothing; a tag nobody has hides everything', () => {
    const doc = tagged();
    expect(getHiddenByTag(doc, undefined).size).toBe(0);
    expect(getHiddenByTag(doc, 'nobody').size).toBe(Object.keys(doc.nodes).length);
  });
});
