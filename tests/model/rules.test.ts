import { describe, expect, it } from 'vitest';
import { ASSET_KINDS, type MapNode, canAttach, canConnect, canLink, canOwn, canStartLink, defaultLinkKind } from '../../src/model';

const node = (id: string, kind: MapNode['kind']): MapNode =>
  (kind === 'strength' || kind === 'weakness' || kind === 'improvement'
    ? { id, kind, label: id, x: 0, y: 0, order: 0, attachedTo: 'p', status: 'idea' }
    : { id, kind, label: id, x: 0, y: 0, order: 0 }) as MapNode;

describe('domain rules', () => {
  it('strengths and weaknesses hang off assets only; improvements off an asset or a weakness', () => {
    for (const k of ASSET_KINDS) {
      expect(canAttach('strength', node('a', k))).toBe(true);
      expect(canAttach('weakness', node('a', k))).toBe(true);
      expect(canAttach('improvement', node('a', k))).toBe(true);
    }
    expect(canAttach('strength', node('s', 'strength'))).toBe(false);
    expect(canAttach('weakness', node('w', 'weakness'))).toBe(false);
    expect(canAttach('improvement', node('w', 'weakness'))).toBe(true);
    expect(canAttach('improvement', node('s', 'strength'))).toBe(false);
    expect(canAttach('improvement', node('i', 'improvement'))).toBe(false);
    expect(canAttach('strength', undefined)).toBe(false);
  });

  it('relationships join two different assets; supports may also start at a strength', () => {
    const p = node('p', 'partner');
    const s = node('s', 'staff');
    const str = node('str', 'strength');
    const w = node('w', 'weakness');
    expect(canLink('relationship', p, s)).toBe(true);
    expect(canLink('relationship', p, p)).toBe(false);
    expect(canLink('relationship', str, s)).toBe(false);
    expect(canLink('supports', str, s)).toBe(true);
    expect(canLink('supports', s, str)).toBe(false);
    expect(canLink('supports', w, s)).toBe(false);
    expect(canConnect(str, p)).toBe(true);
    expect(canConnect(w, p)).toBe(false);
    expect(canStartLink(str)).toBe(true);
    expect(canStartLink(w)).toBe(false);
  });

  it('a new connection from a strength or to a program is "supports"', () => {
    expect(defaultLinkKind(node('a', 'staff'), node('b', 'partner'))).toBe('relationship');
    expect(defaultLinkKind(node('a', 'strength'), node('b', 'partner'))).toBe('supports');
    expect(defaultLinkKind(node('a', 'staff'), node('b', 'program'))).toBe('supports');
  });

  it('only a colleague owns an improvement', () => {
    expect(canOwn(node('s', 'staff'))).toBe(true);
    expect(canOwn(node('p', 'partner'))).toBe(false);
    expect(canOwn(undefined)).toBe(false);
  });
});

describe('needsLayout', () => {
  it('is true for a map whose nodes mostly stand on one spot, and false for an arranged one', async () => {
    const { needsLayout, emptyDoc, commands } = await import('../../src/model');
    const doc = emptyDoc('x', 'm');
    expect(needsLayout(doc)).toBe(false);
    for (let i = 0; i < 6; i++) commands.addAsset(doc, { id: `a${i}`, kind: 'partner', label: `A${i}`, x: 0, y: 0 });
    expect(needsLayout(doc)).toBe(true);
    for (let i = 0; i < 6; i++) commands.moveNodes(doc, { positions: { [`a${i}`]: { x: i * 200, y: i < 2 ? 0 : 100 } } });
    expect(needsLayout(doc)).toBe(false);
    // Two of six on the same spot (a user's overlap) is an arrangement, not a missing layout.
    commands.moveNodes(doc, { positions: { a1: { x: 0, y: 0 } } });
    expect(needsLayout(doc)).toBe(false);
  });
});
