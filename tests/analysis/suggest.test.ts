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

describe('a need met by an offer of another asset', () => {
  const base = () =>
    map()
      .asset('na2', 'partner', 'Neighborhood Association 2')
      .strength('na2', 'Owns a building with a large meeting space')
      .asset('room', 'space', 'Meeting Room')
      .strength('room', 'Plenty of space')
      .weakness('room', 'Too small for the book club');

  it('pairs an offer and a need of the same kind, says why in plain words, and carries the edge to add', () => {
    const [s, ...rest] = suggestions(base().doc);
    expect(rest).toEqual([]);
    expect(s).toEqual({
      id: 'suggest:na2.s0>room.w0',
      kind: 'suggested-connection',
      nodeIds: ['na2.s0', 'room.w0'],
      assetIds: ['na2', 'room'],
      reason:
        'The strength “Owns a building with a large meeting space” of Neighborhood Association 2 could help with the weakness “Too small for the book club” of Meeting Room: both are about a place to meet.',
      weight: expect.any(Number),
      grade: 'possible',
      help: 'venue',
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

  it('needs the same kind of help: sharing an area or a word is not enough', () => {
    // A weekly food handout and part-time hours both mention time; a handout is not spare staff time.
    const time = map()
      .asset('food', 'partner', 'Food bank')
      .strength('food', 'Weekly food handout on Thursdays')
      .asset('dani', 'staff', 'Dani')
      .weakness('dani', 'Part-time, 20 hours a week').doc;
    expect(suggestions(time)).toEqual([]);
    // A makerspace and a colleague's hobby are technology, but only the colleague who fixes devices meets damage.
    const devices = map()
      .asset('maker', 'space', 'Makerspace')
      .strength('maker', '3D printers and a laser cutter')
      .asset('sam', 'staff', 'Sam', { passions: ['Retro video games'] })
      .asset('dani', 'staff', 'Dani')
      .strength('dani', 'Looks after the lending devices and fixes most problems')
      .asset('lend', 'resource', 'Laptop lending')
      .weakness('lend', 'Devices often come back damaged').doc;
    expect(ids(suggestions(devices))).toEqual(['suggest:dani.s0>lend.w0']);
  });

  it('needs the specifics to agree: the language named, the time of day', () => {
    const doc = map()
      .asset('na1', 'partner', 'Neighborhood Association 1')
      .strength('na1', 'Many bilingual - English/Farsi Speakers')
      .asset('deaf', 'partner', 'Deaf Services')
      .strength('deaf', 'ASL interpreters for events')
      .asset('kids', 'staff', "Children's Services")
      .weakness('kids', 'Large deaf community unable to access storytime, no ASL speakers')
      .asset('hall', 'partner', 'Grange')
      .strength('hall', 'Hall free on weekday mornings')
      .asset('lab', 'space', 'Makerspace')
      .weakness('lab', 'Fully booked on weekday evenings').doc;
    const found = suggestions(doc);
    expect(ids(found)).toEqual(['suggest:deaf.s0>kids.w0']);
    expect(found[0]!.grade).toBe('strong');
    expect(found[0]!.reason).toBe(
      "The strength “ASL interpreters for events” of Deaf Services could help with the weakness “Large deaf community unable to access storytime, no ASL speakers” of Children's Services: both are about a language (ASL).",
    );
  });

  it('reads a room fully taken on certain evenings as a shortage of space that another venue meets', () => {
    const doc = map()
      .asset('church', 'partner', 'Church')
      .strength('church', 'Parish hall free on weekday evenings')
      .asset('room', 'space', 'Meeting room')
      .weakness('room', 'Fully booked on Tuesday evenings').doc;
    const [s] = suggestions(doc);
    expect(s).toMatchObject({ id: 'suggest:church.s0>room.w0', grade: 'strong', help: 'venue' });
    expect(s!.reason).toMatch(/both are about a place to meet \(Tuesday and evening\)\.$/);
  });

  it("offers the church's minibus for no way to reach the branch after dark, naming both sides", () => {
    const doc = map()
      .asset('church', 'partner', "St. Mark's Church")
      .strength('church', 'Minibus with a volunteer driver')
      .strength('church', 'Weekly food handout')
      .asset('branch', 'space', 'Riverside branch')
      .weakness('branch', 'No way to reach the branch after dark').doc;
    const found = suggestions(doc);
    expect(found.map((f) => [f.id, f.grade])).toEqual([['suggest:church.s0>branch.w0', 'possible']]);
    expect(found[0]!.reason).toBe(
      "The strength “Minibus with a volunteer driver” of St. Mark's Church could help with the weakness “No way to reach the branch after dark” of Riverside branch: both are about getting people to the library.",
    );
  });

  it("limits the kinds to the user's areas, and an empty list turns matching off", () => {
    const doc = base().doc;
    doc.nodes['room.w0'] = { ...doc.nodes['room.w0'], areas: [] } as never;
    expect(suggestions(doc)).toEqual([]);
    const other = base().doc;
    other.nodes['room.w0'] = { ...other.nodes['room.w0'], areas: ['funding'] } as never;
    expect(suggestions(other)).toEqual([]);
  });

  it('keeps the best few per need, agreeing specifics first', () => {
    const b = map().asset('w', 'partner', 'Book club').weakness('w', 'No room for the club on Saturday mornings').improvement('w.w0', 'Ask around');
    for (let i = 0; i < 5; i++) b.asset(`s${i}`, 'space', `Space ${i}`).strength(`s${i}`, i === 3 ? 'A room free on Saturdays' : 'Large hall');
    b.asset('sun', 'partner', 'Church').strength('sun', 'Hall free on Sunday afternoons');
    const found = suggestions(b.doc);
    expect(found).toHaveLength(SUGGESTIONS_PER_WEAKNESS);
    // The Sunday hall contradicts Saturday; the Saturday room agrees and comes first.
    expect(ids(found)).toEqual(['suggest:s3.s0>w.w0', 'suggest:s0.s0>w.w0', 'suggest:s1.s0>w.w0']);
    expect(found[0]!.weight).toBeGreaterThan(found[1]!.weight);
  });

  it('keeps the first in worksheet order among equals, then lists them by id', () => {
    const b = map().asset('w', 'space', 'Room').weakness('w', 'Small budget');
    for (const id of ['z', 'y', 'x', 'v']) b.asset(id, 'partner', `Partner ${id}`).strength(id, 'Grant money');
    expect(ids(suggestions(b.doc))).toEqual(['suggest:x.s0>w.w0', 'suggest:y.s0>w.w0', 'suggest:z.s0>w.w0']);
  });
});

describe('a colleague whose passion matches a partner, a program or a need', () => {
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
      reason: 'The passion or interest “Teaching kids to code” of Sam matches the strength “Provides technology” of Neighborhood Association 2: both are about technology.',
    });
    expect(byId['suggest:sam>club']).toMatchObject({
      nodeIds: ['sam', 'club'],
      accept: { kind: 'supports', source: 'sam', target: 'club' },
      grade: 'strong',
      reason: 'The passion or interest “Teaching kids to code” of Sam matches the program Teen robotics club: both are about technology.',
    });
    expect(byId['suggest:sam>garden']).toBeDefined();
  });

  it('matches on a shared topic, never on a broad area', () => {
    // Teaching kids to code and literacy expertise are both know-how, about different things.
    expect(ids(suggestions(base().doc))).not.toContain('suggest:sam>lit');
  });

  it('leaves out partners and programs the colleague is already connected with', () => {
    const found = ids(suggestions(base().relationship('na2', 'sam').supports('sam', 'club').doc));
    expect(found).not.toContain('suggest:sam>na2');
    expect(found).not.toContain('suggest:sam>club');
  });

  it("offers a colleague's passion for another colleague's need on the same topic", () => {
    const doc = map()
      .asset('jo', 'staff', 'Jo', { passions: ['Knitting'] })
      .asset('kim', 'staff', 'Kim')
      .weakness('kim', 'No one to teach knitting at the circle').doc;
    const [s] = suggestions(doc);
    expect(s).toMatchObject({ id: 'suggest:jo>kim.w0', accept: { kind: 'supports', source: 'jo', target: 'kim' } });
    expect(s!.reason).toBe('The passion or interest “Knitting” of Jo could help with the weakness “No one to teach knitting at the circle” of Kim: both are about know-how to share (needlework).');
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

describe('dismissing lowers alike suggestions', () => {
  const base = () =>
    map()
      .asset('church', 'partner', 'Church')
      .strength('church', 'Parish hall for 150')
      .strength('church', 'Church van with a volunteer driver')
      .asset('room', 'space', 'Program room')
      .weakness('room', 'Too small for classes')
      .asset('club', 'partner', 'Chess club')
      .weakness('club', 'No room to meet')
      .asset('seniors', 'community', 'Senior apartments')
      .weakness('seniors', "Residents can't get to the library");

  it('lowers the same offer for the same kind of need, and nothing else', () => {
    const before = Object.fromEntries(suggestions(base().doc).map((f) => [f.id, f]));
    expect(before['suggest:church.s0>club.w0']!.grade).toBe('possible');
    const after = Object.fromEntries(suggestions(base().dismiss('suggest:church.s0>room.w0').doc).map((f) => [f.id, f]));
    expect(after['suggest:church.s0>room.w0']).toBeUndefined();
    // The hall for another room shortage: lowered to weak, behind "Show more".
    expect(after['suggest:church.s0>club.w0']!.grade).toBe('weak');
    expect(after['suggest:church.s0>club.w0']!.weight).toBeLessThan(before['suggest:church.s0>club.w0']!.weight);
    // The van for the residents: another offer, untouched.
    expect(after['suggest:church.s1>seniors.w0']).toEqual(before['suggest:church.s1>seniors.w0']);
  });

  it('stops lowering them once the dismissed one is restored', () => {
    const doc = base().dismiss('suggest:church.s0>room.w0').doc;
    delete doc.dismissed['suggest:church.s0>room.w0'];
    expect(suggestions(doc)).toEqual(suggestions(base().doc));
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
