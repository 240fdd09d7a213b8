/** Brokers (colleagues who are partners' only way in) and groups of the map no relationship joins. */
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { getFindings } from '../../src/analysis';
import { articulationPoints, components } from '../../src/analysis/structure';
import { map } from './mapBuilder';

const ofKind = (doc: Parameters<typeof getFindings>[0], kind: string) => getFindings(doc).filter((f) => f.kind === kind);

describe('articulation points', () => {
  const graphOf = (edges: [string, string][]) => {
    const g = new Graph({ type: 'undirected' });
    for (const [a, b] of edges) g.mergeEdge(a, b);
    return g;
  };

  it('finds the nodes whose removal splits a component, with the parts that come apart', () => {
    // a - b - c, c - d - e - c (a triangle), e - f
    const g = graphOf([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'c'], ['e', 'f']]);
    const { order, points } = articulationPoints(g);
    expect([...points.keys()].sort()).toEqual(['b', 'c', 'e']);
    const part = (v: string) => points.get(v)!.parts.map(([x, y]) => order.slice(x, y).sort());
    expect(part('e')).toEqual([['f']]);
    expect(part('c')).toEqual([['d', 'e', 'f']]);
  });

  it('handles a long chain without running out of stack, in linear time', () => {
    const edges: [string, string][] = [];
    for (let i = 0; i < 20_000; i++) edges.push([`n${i}`, `n${i + 1}`]);
    const { points } = articulationPoints(graphOf(edges));
    expect(points.size).toBe(19_999);
  });

  it('lists components largest first', () => {
    expect(components(graphOf([['a', 'b'], ['c', 'd'], ['d', 'e']]))).toEqual([['c', 'd', 'e'], ['a', 'b']]);
  });
});

describe('brokers', () => {
  const base = () =>
    map()
      .asset('ana', 'staff', 'Ana')
      .asset('ben', 'staff', 'Ben')
      .asset('centro', 'partner', 'Centro Latino')
      .asset('clinic', 'partner', 'Health clinic')
      .asset('market', 'community', "Farmers' market")
      .relationship('ana', 'ben')
      .relationship('ana', 'centro')
      .relationship('centro', 'clinic')
      .relationship('centro', 'market');

  it('names a colleague whose leaving cuts partners off from every other colleague', () => {
    const [f, ...rest] = ofKind(base().doc, 'broker');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      id: 'broker:ana',
      nodeIds: ['ana', 'centro', 'clinic', 'market'],
      assetIds: ['ana', 'centro', 'clinic'],
      reason: 'If Ana leaves, 2 partners (Centro Latino and Health clinic) would have no tie left to any other colleague: Ana is their only way in.',
    });
  });

  it('is not named when another colleague also reaches those partners', () => {
    expect(ofKind(base().relationship('ben', 'clinic').doc, 'broker')).toEqual([]);
  });

  it('leaves a single partner held directly to "held by one colleague"', () => {
    const doc = map().asset('ana', 'staff', 'Ana').asset('ben', 'staff', 'Ben').asset('p', 'partner', 'P').relationship('ana', 'ben').relationship('ana', 'p').doc;
    expect(ofKind(doc, 'broker')).toEqual([]);
    expect(ofKind(doc, 'single-contact').map((f) => f.id)).toEqual(['single-contact:p']);
  });

  it('needs another colleague for there to be a rest to be cut off from', () => {
    const doc = map().asset('ana', 'staff', 'Ana').asset('p', 'partner', 'P').asset('q', 'partner', 'Q').relationship('ana', 'p').relationship('ana', 'q').doc;
    expect(ofKind(doc, 'broker')).toEqual([]);
  });
});

describe('groups no relationship joins', () => {
  it('names the groups, in plain words', () => {
    const doc = map()
      .asset('kim', 'staff', 'Kim, teen services')
      .asset('high', 'partner', 'High school')
      .asset('club', 'program', 'Teen graphic novel club')
      .asset('jo', 'staff', 'Jo, adult services')
      .asset('friends', 'partner', 'Friends of the Library')
      .relationship('kim', 'high')
      .relationship('kim', 'club')
      .relationship('jo', 'friends').doc;
    const [f, ...rest] = ofKind(doc, 'separate-groups');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      id: 'groups:jo',
      assetIds: ['jo', 'friends'],
      reason:
        'No relationship joins Jo, adult services and Friends of the Library with Kim, teen services, High school and Teen graphic novel club: the two groups share no partner or colleague.',
    });
  });

  it('names two close-knit groups that only one tie joins', () => {
    const b = map();
    const ring = (prefix: string) => {
      for (let i = 0; i < 5; i++) b.asset(`${prefix}${i}`, i === 0 ? 'staff' : 'partner', `${prefix.toUpperCase()} ${i}`);
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) b.relationship(`${prefix}${i}`, `${prefix}${j}`);
    };
    ring('a');
    ring('b');
    b.relationship('a0', 'b0');
    const found = ofKind(b.doc, 'separate-groups');
    expect(found.map((f) => f.id)).toEqual(['bridge:a0|b0']);
    expect(found[0]!.reason).toBe('Only the tie between A 0 and B 0 joins A 0, A 1, A 2 and 2 more with B 0, B 1, B 2 and 2 more: if it lapses, the two groups share nothing.');
  });
});
