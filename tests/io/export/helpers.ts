/** Documents for the export tests: the laid-out Sunnydale example, generated maps, and hostile labels. */
import { seededRandom } from '../../../src/model';
import { type AssetMapDoc, type AssetKind, type MapNode, SUNNYDALE, TIE_STRENGTHS, buildExample, emptyDoc } from '../../../src/model';
import { layOutInPlace } from '../../../src/layout';

export const laidOut = layOutInPlace;

export const sunnydale = (): AssetMapDoc => laidOut(buildExample(SUNNYDALE, 'map_sunnydale'));

/** A deterministic pseudo-random sequence. */
export const random = seededRandom;

const KINDS: AssetKind[] = ['partner', 'staff', 'space', 'resource', 'program', 'community'];
const WORDS = 'library teen storytime partner volunteer maker space coding club literacy program grant tablets laptops garden museum school'.split(' ');

/**
 * A map of `assets` assets, each with 3 strengths, 1–2 weaknesses and 1 improvement, and about one
 * relationship or "supports" edge for every two assets.
 */
export function generatedMap(assets: number, seed = 1): AssetMapDoc {
  const rnd = random(seed);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  const doc = emptyDoc(`Generated ${assets}`, `map_gen_${assets}`);
  doc.created = '2025-01-01T00:00:00.000Z';
  const add = (n: MapNode) => (doc.nodes[n.id] = n);
  for (let i = 0; i < assets; i++) {
    const id = `a${i}`;
    add({ id, kind: KINDS[i % KINDS.length]!, label: `${words(2)} ${i}`, x: 0, y: 0, order: i });
    for (let s = 0; s < 3; s++) add({ id: `${id}.s${s}`, kind: 'strength', label: words(3 + s * 2), attachedTo: id, x: 0, y: 0, order: s });
    const weak = 1 + (i % 2);
    for (let w = 0; w < weak; w++) add({ id: `${id}.w${w}`, kind: 'weakness', label: words(4 + w * 3), attachedTo: id, x: 0, y: 0, order: w });
    add({ id: `${id}.i0`, kind: 'improvement', label: words(8), attachedTo: i % 3 ? `${id}.w0` : id, status: 'planned', x: 0, y: 0, order: 0 });
  }
  for (let e = 0; e < assets / 2; e++) {
    const a = Math.floor(rnd() * assets);
    const b = Math.floor(rnd() * assets);
    if (a === b) continue;
    if (e % 4 === 3) doc.edges[`e${e}`] = { id: `e${e}`, kind: 'supports', source: `a${a}.s0`, target: `a${b}` };
    else doc.edges[`e${e}`] = { id: `e${e}`, kind: 'relationship', source: `a${a}`, target: `a${b}`, tie: TIE_STRENGTHS[e % 3]!, ...(e % 5 === 0 ? { label: words(2) } : {}) };
  }
  return doc;
}

export const HOSTILE_LABELS = [
  '<img src=x onerror=alert(1)>',
  '</text><script>alert(1)</script>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  ']]><!-- &amp; &lt; <![CDATA[ x ]]>',
  'abc \u202Eevil\u202C def \u202E unclosed',
  'family \u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} and flag \u{1F3F3}\uFE0F\u200D\u{1F308}',
  'nul\u0000 bell\u0007 vt\u000B ff\u000C esc\u001B c1\u0085 fffe\uFFFE end',
  'lone high \uD800 and lone low \uDC00 and pair \u{1F600}',
  'שלום עולם <b>bold</b>',
  'مرحبا بالعالم',
  'x'.repeat(100 * 1024),
  'word '.repeat(20 * 1024),
];
