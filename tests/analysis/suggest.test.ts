import { describe, expect, it } from 'vitest';
import {
  type AnalysisStats,
  type Finding,
  SUGGESTIONS_PER_WEAKNESS,
  getDismissedSuggestions,
  getFindings,
} from '../../src/analysis';
import { map } from './mapBuilder';

const suggestions = (doc: Parameters<typeof getFindings>[0], options?: Parameters<typeof getFindings>[1]): Finding[] =>
  getFindings(doc, options).filter((f) => f.kind === 'suggested-connection');
const ids = (list: Finding[]) => list.map((f) => f.id);

describe('a weakness met by a strength of another asset', () => {
  const base = () =>
    map()
      .asset('na2', 'partner', 'Neighborhood Association 2')
      .strength('na2', 'Owns a building with a large meeting space')
      .asset('room', 'space', 'Meeting Room')
      .strength('room', 'Plenty of space')
      .weakness('room', 'Large tables take up space, heavy to move');

  it('pairs them on a shared area, says why, and carries the edge to add', () => {
    const [s, ...rest] = suggestions(base().doc);
    expect(rest).toEqual([]);
    expect(s).toEqual({
      id: 'suggest:na2.s0>room.w0',
      kind: 'suggested-connection',
      nodeIds: ['na2.s0', 'room.w0'],
      assetIds: ['na2', 'room'],
      reason:
        'The strength “Owns a building with a large meeting space” of Neighborhood Association 2 could help with the weakness “Large tables take up space, heavy to move” of Meeting Room: both are about Space.',
      weight: expect.any(Number),
      accept: { kind: 'supports', source: 'na2.s0', target: 'room' },
      areas: ['space'],
    });
  });

  it('never pairs a weakness with a strength of the same asset', () => {
    // The same strength on another asset is suggested: only the room's own is left out.
    const doc = map()
      .asset('room', 'space', 'Room')
      .strength('room', 'Big space')
      .weakness('room', 'Space is cramped')
      .asset('hall', 'space', 'Hall')
      .strength('hall', 'Big space').doc;
    expect(ids(suggestions(doc))).toEqual(['suggest:hall.s0>room.w0']);
  });

  it('leaves out a connection that exists, from the strength or from its asset', () => {
    expect(suggestions(base().supports('na2.s0', 'room').doc)).toEqual([]);
    expect(suggestions(base().supports('na2', 'room').doc)).toEqual([]);
    // A "supports" edge to some other asset does not count.
    expect(ids(suggestions(base().asset('x', 'program', 'X').supports('na2.s0', 'x').doc))).toEqual(['suggest:na2.s0>room.w0']);
  });

  it('needs a shared area: words alone are not enough', () => {
    const doc = map()
      .asset('a', 'partner', 'A')
      .strength('a', 'Tables for events')
      .asset('b', 'space', 'B')
      .weakness('b', 'Tables for events are missing', ['funding']).doc;
    expect(suggestions(doc)).toEqual([]);
  });

  it("uses the user's areas over the words, and an empty list turns matching off", () => {
    const doc = base().doc;
    doc.nodes['room.w0'] = { ...doc.nodes['room.w0'], areas: [] } as never;
    expect(suggestions(doc)).toEqual([]);

    const moved = base().asset('pta', 'partner', 'PTA').strength('pta', 'Parents who help out', ['people']).doc;
    moved.nodes['room.w0'] = { ...moved.nodes['room.w0'], areas: ['people'] } as never;
    const found = suggestions(moved);
    expect(ids(found)).toEqual(['suggest:pta.s0>room.w0']);
    expect(found[0]!.reason).toMatch(/both are about People\/Volunteers\.$/);
  });

  it('keeps the best few per weakness, rarer areas and shared words first', () => {
    const b = map().asset('w', 'partner', 'Book club').weakness('w', 'Needs a bigger room and Farsi speakers').improvement('w.w0', 'Ask around');
    // Five strengths about Space, one about Language (rarer here), one about both.
    for (let i = 0; i < 5; i++) b.asset(`s${i}`, 'space', `Space ${i}`).strength(`s${i}`, i === 3 ? 'A room for forty' : 'Large hall');
    b.asset('lang', 'partner', 'Association').strength('lang', 'Bilingual volunteers');
    b.asset('both', 'partner', 'Cultural centre').strength('both', 'Farsi speakers and a room');
    const found = suggestions(b.doc);
    expect(found).toHaveLength(SUGGESTIONS_PER_WEAKNESS);
    expect(ids(found)).toEqual(['suggest:both.s0>w.w0', 'suggest:lang.s0>w.w0', 'suggest:s3.s0>w.w0']);
    expect(found[0]!.areas).toEqual(['space', 'language']);
    expect(found[0]!.reason).toMatch(/both are about Space and Language\.$/);
    expect(found[0]!.weight).toBeGreaterThan(found[1]!.weight);
    expect(found[1]!.weight).toBeGreaterThan(found[2]!.weight);
  });

  it('keeps the first in worksheet order among equals, then lists them by id', () => {
    const b = map().asset('w', 'space', 'Room').weakness('w', 'Small budget');
    for (const id of ['z', 'y', 'x', 'v']) b.asset(id, 'partner', `Partner ${id}`).strength(id, 'Grant money');
    expect(ids(suggestions(b.doc))).toEqual(['suggest:x.s0>w.w0', 'suggest:y.s0>w.w0', 'suggest:z.s0>w.w0']);
  });
});

describe('a colleague whose passion matches a partner or a program', () => {
  const base = () =>
    map()
      .asset('sam', 'staff', 'Sam', { passions: ['Teaching kids to code', 'Gardening', 'Loves to cook'] })
      .asset('na2', 'partner', 'Neighborhood Association 2')
      .strength('na2', 'Provides technology')
      .strength('na2', 'Owns a building with a large meeting space')
      .asset('club', 'program', 'Teen robotics club')
      .asset('garden', 'partner', 'Community garden group')
      .strength('garden', 'Gardening expertise')
      .asset('lit', 'partner', 'Literacy council')
      .strength('lit', 'Literacy expertise');

  it('suggests a relationship with the partner and support for the program, each with its reason', () => {
    const found = suggestions(base().doc);
    const byId = Object.fromEntries(found.map((f) => [f.id, f]));
    expect(byId['suggest:sam>na2']).toMatchObject({
      nodeIds: ['sam', 'na2', 'na2.s0'],
      assetIds: ['sam', 'na2'],
      accept: { kind: 'relationship', source: 'sam', target: 'na2', tie: 'weak' },
      areas: ['technology'],
      reason:
        'The passion or interest “Teaching kids to code” of Sam matches the strength “Provides technology” of Neighborhood Association 2: both are about Technology.',
    });
    expect(byId['suggest:sam>club']).toMatchObject({
      nodeIds: ['sam', 'club'],
      accept: { kind: 'supports', source: 'sam', target: 'club' },
      reason: 'The passion or interest “Teaching kids to code” of Sam matches the program Teen robotics club: both are about Technology.',
    });
  });

  it('matches a broad area only when the texts share a word', () => {
    const found = ids(suggestions(base().doc));
    // "Teaching kids to code" is about Expertise as "Literacy expertise" is, but they share no word.
    expect(found).not.toContain('suggest:sam>lit');
    // "Gardening" has no area of its own; set one, and the shared word makes the match.
    const doc = base().doc;
    (doc.nodes.sam as { passions: { text: string; areas?: string[] }[] }).passions[1]!.areas = ['expertise'];
    expect(ids(suggestions(doc))).toContain('suggest:sam>garden');
  });

  it('leaves out partners and programs the colleague is already connected with', () => {
    const found = ids(suggestions(base().relationship('na2', 'sam').supports('sam', 'club').doc));
    expect(found).not.toContain('suggest:sam>na2');
    expect(found).not.toContain('suggest:sam>club');
  });

  it('does not match colleagues with other colleagues or with non-partner assets', () => {
    const doc = base().asset('ben', 'staff', 'Ben').strength('ben', 'Technology whiz').asset('lab', 'space', 'Lab').strength('lab', 'Technology').doc;
    const found = ids(suggestions(doc));
    // The partner with the same area still is.
    expect(found).toContain('suggest:sam>na2');
    expect(found.some((id) => id.endsWith('>ben') || id.endsWith('>lab'))).toBe(false);
  });
});

describe('dismissed suggestions', () => {
  const base = () => {
    const b = map().asset('w', 'space', 'Meeting Room').weakness('w', 'Small budget').improvement('w.w0', 'Ask');
    for (const id of ['a', 'b', 'c', 'd']) b.asset(id, 'partner', `Partner ${id}`).strength(id, 'Grant money');
    return b;
  };

  it('stay out of the list, and the next best takes the place', () => {
    const doc = base().dismiss('suggest:a.s0>w.w0').doc;
    expect(ids(suggestions(doc))).toEqual(['suggest:b.s0>w.w0', 'suggest:c.s0>w.w0', 'suggest:d.s0>w.w0']);
  });

  it('are listed, marked, when asked for', () => {
    const doc = base().dismiss('suggest:a.s0>w.w0').doc;
    const all = suggestions(doc, { includeDismissed: true });
    expect(all.filter((f) => f.dismissed).map((f) => f.id)).toEqual(['suggest:a.s0>w.w0']);
    expect(all.filter((f) => !f.dismissed)).toEqual(suggestions(doc));
  });

  it('can be listed for restoring, as they read now', () => {
    const doc = base().dismiss('suggest:a.s0>w.w0').dismiss('suggest:gone>w.w0').dismiss('other-key').doc;
    const dismissed = getDismissedSuggestions(doc);
    expect(dismissed.map((f) => [f.id, f.dismissed])).toEqual([['suggest:a.s0>w.w0', true]]);
    expect(dismissed[0]!.accept).toEqual({ kind: 'supports', source: 'a.s0', target: 'w' });
  });

  it('drop from the restore list once the connection exists', () => {
    const doc = base().dismiss('suggest:a.s0>w.w0').supports('a.s0', 'w').doc;
    expect(getDismissedSuggestions(doc)).toEqual([]);
  });

  it('work for passions too, and for ids that contain ">"', () => {
    const doc = map()
      .asset('s>1', 'staff', 'Sam', { passions: ['Spanish'] })
      .asset('p', 'partner', 'Centro')
      .strength('p', 'Spanish speakers')
      .dismiss('suggest:s>1>p').doc;
    expect(suggestions(doc)).toEqual([]);
    expect(getDismissedSuggestions(doc).map((f) => [f.id, f.accept])).toEqual([
      ['suggest:s>1>p', { kind: 'relationship', source: 's>1', target: 'p', tie: 'weak' }],
    ]);
  });
});

describe('work done', () => {
  it('counts seekers and comparisons when asked', () => {
    const stats: AnalysisStats = { seekers: 0, comparisons: 0 };
    const b = map().asset('w', 'space', 'Room').weakness('w', 'Small budget').weakness('w', 'Nothing to say');
    for (const id of ['a', 'b']) b.asset(id, 'partner', id).strength(id, 'Grant money').strength(id, 'Nice people');
    getFindings(b.doc, { stats });
    // One weakness has an area; it looks at the two Funding strengths only.
    expect(stats).toEqual({ seekers: 1, comparisons: 2 });
  });
});
