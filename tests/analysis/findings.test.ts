import { describe, expect, it } from 'vitest';
import {
  FINDING_KINDS,
  FINDING_KIND_NAMES,
  type Finding,
  type FindingKind,
  countFindingsByNode,
  getFindings,
} from '../../src/analysis';
import { map } from './mapBuilder';

const ofKind = (findings: Finding[], kind: FindingKind) => findings.filter((f) => f.kind === kind);
const ids = (findings: Finding[], kind: FindingKind) => ofKind(findings, kind).map((f) => f.id);

describe('unused strengths', () => {
  it('lists strengths that no "supports" edge starts from', () => {
    const b = map()
      .asset('room', 'space', 'Meeting Room')
      .strength('room', '50 person capacity')
      .strength('room', 'Projector')
      .asset('club', 'program', 'Teen coding club')
      .supports('room.s1', 'club');
    const f = getFindings(b.doc);
    expect(ids(f, 'unused-strength')).toEqual(['unused-strength:room.s0']);
    const [finding] = ofKind(f, 'unused-strength');
    expect(finding).toMatchObject({ nodeIds: ['room.s0'], assetIds: ['room'], weight: 1 });
    expect(finding!.reason).toBe('The strength “50 person capacity” of Meeting Room does not support any program or asset yet.');
  });

  it("does not count the asset's own edges for its strengths", () => {
    const b = map().asset('room', 'space', 'Meeting Room').strength('room', 'Quiet').asset('club', 'program', 'Club').supports('room', 'club');
    expect(ids(getFindings(b.doc), 'unused-strength')).toEqual(['unused-strength:room.s0']);
  });

  it('ranks strengths that could meet a weakness first, and says so', () => {
    const b = map()
      .asset('na2', 'partner', 'Neighborhood Association 2')
      .strength('na2', 'Knows everyone')
      .strength('na2', 'Owns a building with a large meeting space')
      .asset('room', 'space', 'Meeting Room')
      .weakness('room', 'Too small for the book club')
      .improvement('room.w0', 'Move the tables');
    const unused = ofKind(getFindings(b.doc), 'unused-strength');
    expect(unused.map((f) => f.id)).toEqual(['unused-strength:na2.s1', 'unused-strength:na2.s0']);
    expect(unused[0]!.reason).toMatch(/, though it could help with a weakness of another asset\.$/);
    expect(unused[0]!.weight).toBeGreaterThan(unused[1]!.weight);
  });
});

describe('partners', () => {
  const b = () =>
    map()
      .asset('ana', 'staff', 'Ana, Teen Librarian')
      .asset('ben', 'staff', 'Ben, IT')
      .asset('p1', 'partner', 'Parks Department')
      .asset('p2', 'partner', 'Makers Guild')
      .asset('p3', 'partner', 'Food bank')
      .asset('p4', 'partner', 'Historical Society')
      .relationship('ana', 'p1')
      .relationship('p2', 'ana', 'weak')
      .relationship('ben', 'p2', 'strong')
      .relationship('p3', 'p4');

  it('finds partners no colleague has a relationship with, whatever other ties they have', () => {
    const f = getFindings(b().doc);
    expect(ids(f, 'unheld-partner')).toEqual(['unheld-partner:p3', 'unheld-partner:p4']);
    expect(ofKind(f, 'unheld-partner')[0]!.reason).toBe('No colleague has a relationship with Food bank.');
  });

  it('finds partners held by exactly one colleague, in either direction of the edge', () => {
    const f = getFindings(b().doc);
    const single = ofKind(f, 'single-contact');
    expect(single.map((x) => x.id)).toEqual(['single-contact:p1']);
    expect(single[0]).toMatchObject({ nodeIds: ['p1', 'ana'], assetIds: ['p1', 'ana'] });
    expect(single[0]!.reason).toBe(
      'Only Ana, Teen Librarian has a relationship with Parks Department, so if that colleague leaves, the library could lose the partnership.',
    );
  });

  it('counts a colleague once however many edges join them to the partner', () => {
    const doc = b().relationship('p1', 'ana', 'strong').doc;
    expect(ids(getFindings(doc), 'single-contact')).toEqual(['single-contact:p1']);
  });

  it('ignores edges whose other end is missing', () => {
    const doc = b().doc;
    doc.edges.ghost = { id: 'ghost', kind: 'relationship', source: 'nobody', target: 'p3' };
    expect(ids(getFindings(doc), 'unheld-partner')).toContain('unheld-partner:p3');
  });
});

describe('silos', () => {
  it('finds colleagues with no relationship edge to anyone', () => {
    const b = map()
      .asset('ana', 'staff', 'Ana')
      .asset('ben', 'staff', 'Ben')
      .asset('cy', 'staff', 'Cy')
      .asset('room', 'space', 'Meeting Room')
      .relationship('ana', 'ben')
      .supports('cy', 'room');
    const f = getFindings(b.doc);
    expect(ids(f, 'silo')).toEqual(['silo:cy']);
    expect(ofKind(f, 'silo')[0]!.reason).toBe('The colleague Cy has no relationship with anyone on the map.');
  });
});

describe('open weaknesses', () => {
  it('accepts an improvement on the weakness, or on an asset with only that weakness', () => {
    const b = map()
      .asset('a', 'space', 'Meeting Room')
      .weakness('a', 'Heavy tables')
      .improvement('a.w0', 'Move them', 'done')
      .asset('b', 'resource', 'Laptops')
      .weakness('b', 'Old batteries')
      .improvement('b', 'Replace batteries')
      .asset('c', 'partner', 'School')
      .weakness('c', 'Busy schedule')
      .weakness('c', 'Far away')
      .improvement('c', 'Shared calendar')
      .asset('d', 'staff', 'Dee')
      .weakness('d', 'No Spanish')
      .weakness('d', 'New to the job')
      .improvement('d.w1', 'Mentoring');
    const f = getFindings(b.doc);
    expect(ids(f, 'open-weakness').sort()).toEqual(['open-weakness:c.w0', 'open-weakness:c.w1', 'open-weakness:d.w0']);
    const dee = ofKind(f, 'open-weakness').find((x) => x.id === 'open-weakness:d.w0')!;
    expect(dee).toMatchObject({ nodeIds: ['d.w0'], assetIds: ['d'] });
    expect(dee.reason).toBe('The weakness “No Spanish” of Dee has no improvement yet.');
  });
});

describe('unowned improvements', () => {
  it('lists improvements that are not done and have no colleague as owner', () => {
    const b = map()
      .asset('ana', 'staff', 'Ana')
      .asset('room', 'space', 'Meeting Room')
      .weakness('room', 'Heavy tables')
      .improvement('room.w0', 'Ask volunteers to move them')
      .improvement('room.w0', 'Buy folding tables', 'planned')
      .improvement('room', 'Repaint', 'doing')
      .improvement('room', 'New chairs', 'done')
      .improvement('room', 'Book a mover', 'idea', 'ana')
      .improvement('room', 'Fix the lights', 'idea', 'room');
    const f = ofKind(getFindings(b.doc), 'unowned-improvement');
    expect(f.map((x) => [x.id, x.weight])).toEqual([
      ['unowned-improvement:room.i0', 3],
      ['unowned-improvement:room.i5', 3],
      ['unowned-improvement:room.i1', 2],
      ['unowned-improvement:room.i2', 1],
    ]);
    expect(f.map((x) => x.reason)).toEqual([
      'No colleague owns the improvement “Ask volunteers to move them” for Meeting Room, and it is still an idea.',
      'No colleague owns the improvement “Fix the lights” for Meeting Room, and it is still an idea.',
      'No colleague owns the improvement “Buy folding tables” for Meeting Room, though it is planned.',
      'No colleague owns the improvement “Repaint” for Meeting Room, though work on it has started.',
    ]);
    expect(f.every((x) => x.assetIds[0] === 'room')).toBe(true);
  });
});

describe('the list', () => {
  const doc = () =>
    map()
      .asset('ana', 'staff', 'Ana')
      .strength('ana', 'Speaks Spanish')
      .asset('p', 'partner', 'Parks Department')
      .strength('p', 'Owns a gym')
      .weakness('p', 'Few Spanish speakers')
      .asset('room', 'space', 'Meeting Room')
      .weakness('room', 'Too small for events').doc;

  it('is sorted by kind, then weight, then id, and is the same every time', () => {
    const f = getFindings(doc());
    const kinds = f.map((x) => FINDING_KINDS.indexOf(x.kind));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    for (let i = 1; i < f.length; i++) {
      const [a, b] = [f[i - 1]!, f[i]!];
      if (a.kind === b.kind) expect(a.weight > b.weight || (a.weight === b.weight && a.id < b.id)).toBe(true);
    }
    expect(getFindings(doc())).toEqual(f);
  });

  it('does not depend on the order of nodes and edges in the file', () => {
    const a = doc();
    const b = doc();
    b.nodes = Object.fromEntries(Object.entries(b.nodes).reverse());
    expect(getFindings(b)).toEqual(getFindings(a));
  });

  it('has a unique id per finding', () => {
    const f = getFindings(doc());
    expect(new Set(f.map((x) => x.id)).size).toBe(f.length);
  });

  it('gives every kind a plain title and description', () => {
    for (const kind of FINDING_KINDS) {
      const { title, description } = FINDING_KIND_NAMES[kind];
      expect(title).toMatch(/^[A-Z][^.]*[a-z]$/);
      expect(description).toMatch(/^[A-Z].*\.$/);
    }
    expect(FINDING_KIND_NAMES['unused-strength'].description).toContain('untapped assets');
  });

  it('returns nothing for an empty map', () => {
    expect(getFindings(map().doc)).toEqual([]);
  });
});

describe('countFindingsByNode', () => {
  it('counts findings per asset, a strength or weakness for its asset, and skips dismissed ones', () => {
    const b = map()
      .asset('na2', 'partner', 'Neighborhood Association 2')
      .strength('na2', 'Owns a building with a large meeting space')
      .asset('room', 'space', 'Meeting Room')
      .weakness('room', 'Too small for the book club');
    const f = getFindings(b.doc, { includeDismissed: true });
    // na2: unheld partner, unused strength, suggestion; room: open weakness, suggestion.
    expect(countFindingsByNode(f)).toEqual(
      new Map([
        ['na2', 3],
        ['room', 2],
      ]),
    );
    b.dismiss('suggest:na2.s0>room.w0');
    const counts = countFindingsByNode(getFindings(b.doc, { includeDismissed: true }));
    expect(counts.get('na2')).toBe(2);
    expect(counts.get('room')).toBe(1);
  });
});
