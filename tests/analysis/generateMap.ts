/**
 * Generated maps for the analysis's scale tests: `assets` assets, each with 2–4 strengths, 1–2 weaknesses and one
 * improvement, about 1.5 relationships per asset, and passions on colleagues. Texts come from the toolkit's
 * example worksheets so that they fall into areas the way real rows do. Reproducible from a seed.
 */
import type { AssetKind, AssetMapDoc, TieStrength } from '../../src/model';
import { emptyDoc } from '../../src/model';

/** xorshift32: tiny and the same on every engine; test data needs nothing better. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const KINDS: AssetKind[] = ['staff', 'staff', 'staff', 'partner', 'partner', 'space', 'resource', 'program', 'community'];
const STRENGTHS = [
  'Many bilingual - English/Farsi Speakers',
  'Teachers',
  'PTA',
  'Gym and Auditorium spaces',
  'Owns a building with a large meeting space',
  'Provides technology',
  'Knowledgeable in early literacy',
  '50 person capacity',
  'Longstanding relationship with local high schools',
  'Open evenings and weekends',
  'Has a van for deliveries',
  'Receives a yearly grant',
  'Two iPads and a Wii',
  'Passionate about gardening',
  'Trusted by new immigrant families',
  'Well liked',
];
const WEAKNESSES = [
  'Distance from library makes it difficult to volunteer',
  'Busy schedule makes coordination difficult',
  'Has few members',
  'Large deaf community unable to access storytime, no ASL speakers',
  'Large tables take up space, heavy to move',
  'Small budget',
  'Inconsistent availability, knowledge, and ability',
  'Untapped source of expertise and activities',
  'Outdated computers',
  'Hard to reach',
];
const PASSIONS = ['Coding', 'Spanish', 'Grant writing', 'Loves to cook', 'Reads a lot of fantasy', 'Robotics', 'ASL', 'Gardening'];
const TIES: TieStrength[] = ['strong', 'regular', 'weak'];

export function generateMap(assets: number, seed = 1): AssetMapDoc {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const doc = emptyDoc(`Generated ${assets}`, `generated-${assets}`);
  doc.created = '2024-01-01T00:00:00.000Z';
  for (let i = 0; i < assets; i++) {
    const id = `a${i}`;
    const kind = pick(KINDS);
    doc.nodes[id] = {
      id,
      kind,
      label: `${kind} ${i}`,
      x: 0,
      y: 0,
      order: i,
      ...(kind === 'staff' ? { passions: [{ text: pick(PASSIONS) }, { text: pick(PASSIONS) }] } : {}),
    };
    const strengths = 2 + Math.floor(rnd() * 3);
    for (let k = 0; k < strengths; k++) {
      doc.nodes[`${id}.s${k}`] = { id: `${id}.s${k}`, kind: 'strength', label: pick(STRENGTHS), attachedTo: id, x: 0, y: 0, order: k };
    }
    const weaknesses = 1 + Math.floor(rnd() * 2);
    for (let k = 0; k < weaknesses; k++) {
      doc.nodes[`${id}.w${k}`] = { id: `${id}.w${k}`, kind: 'weakness', label: pick(WEAKNESSES), attachedTo: id, x: 0, y: 0, order: k };
    }
    doc.nodes[`${id}.i0`] = {
      id: `${id}.i0`,
      kind: 'improvement',
      label: 'Work with volunteers on it',
      attachedTo: rnd() < 0.7 ? `${id}.w0` : id,
      status: 'idea',
      x: 0,
      y: 0,
      order: 0,
    };
  }
  const relationships = Math.round(assets * 1.5);
  for (let k = 0; k < relationships; k++) {
    const a = Math.floor(rnd() * assets);
    const b = Math.floor(rnd() * assets);
    if (a === b) continue;
    doc.edges[`r${k}`] = { id: `r${k}`, kind: 'relationship', source: `a${a}`, target: `a${b}`, tie: pick(TIES) };
  }
  return doc;
}
