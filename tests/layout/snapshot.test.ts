/**
 * The exact output of the auto layout (positions, routes, size, in the order they are written) on the built-in
 * examples and on generated maps, against a recorded fixture. Reworking the layout code must not move a node or
 * a route by a pixel unless a change of the drawing is meant; then the fixture is recorded again, with
 * `LAYOUT_SNAPSHOT=write npx vitest run --project unit tests/layout/snapshot.test.ts`, and the change explained.
 *
 * A hash per case keeps the fixture small; the counts and size beside it say roughly what changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AssetMapDoc, type LayoutSettings, buildExample, isAsset } from '../../src/model';
import { EXAMPLES } from '../../src/model/moreExamples';
import { layoutMap } from '../../src/layout/layoutMap';
import { generateMap, withLocalLinks } from '../support/generateMap';

const FIXTURE = new URL('./fixtures/layoutSnapshot.json', import.meta.url);

interface Recorded {
  hash: string;
  nodes: number;
  routes: number;
  points: number;
  width: number;
  height: number;
}

interface Case {
  name: string;
  doc: () => AssetMapDoc;
  settings: LayoutSettings;
}

const cases: Case[] = [];
for (const [name, spec] of Object.entries(EXAMPLES)) {
  for (const direction of ['LR', 'TB'] as const) cases.push({ name: `${name} ${direction}`, doc: () => buildExample(spec, name), settings: { direction, spacing: 60 } });
}
// Small maps (dagre, and a small component folded as a large one), then the layered engine: fat levels folded
// across into bands, and thin levels (local links) folded along into segments.
for (const assets of [12, 40, 300, 1000]) cases.push({ name: `generated ${assets} LR`, doc: () => generateMap(assets, 1), settings: { direction: 'LR', spacing: 60 } });
cases.push({ name: 'generated 300 TB', doc: () => generateMap(300, 1), settings: { direction: 'TB', spacing: 60 } });
cases.push({ name: 'generated 300 LR spacing 40', doc: () => generateMap(300, 2), settings: { direction: 'LR', spacing: 40 } });
for (const direction of ['LR', 'TB'] as const) {
  cases.push({ name: `local 300 ${direction}`, doc: () => withLocalLinks(generateMap(300, 1), 1), settings: { direction, spacing: 60 } });
}
// A chain of colleagues: dagre draws it long, so it is folded as a large component would be.
for (const direction of ['LR', 'TB'] as const) cases.push({ name: `chain 20 ${direction}`, doc: () => chainOf(20), settings: { direction, spacing: 60 } });
cases.push({ name: 'local 1000 LR', doc: () => withLocalLinks(generateMap(1000, 1), 1), settings: { direction: 'LR', spacing: 60 } });

function chainOf(assets: number): AssetMapDoc {
  const doc = generateMap(assets, 1);
  const ids = Object.values(doc.nodes).filter(isAsset).map((a) => a.id);
  doc.edges = Object.fromEntries(ids.slice(1).map((id, i) => [`c${i}`, { id: `c${i}`, kind: 'relationship' as const, source: ids[i]!, target: id }]));
  return doc;
}

function record(doc: AssetMapDoc, settings: LayoutSettings): Recorded {
  const result = layoutMap(doc, settings);
  const text = JSON.stringify(result);
  const routes = Object.values(result.routes);
  return {
    hash: createHash('sha256').update(text).digest('hex'),
    nodes: Object.keys(result.positions).length,
    routes: routes.length,
    points: routes.reduce((sum, pts) => sum + pts.length, 0),
    width: result.width,
    height: result.height,
  };
}

const writing = process.env.LAYOUT_SNAPSHOT === 'write';
const recorded: Record<string, Recorded> = writing ? {} : JSON.parse(readFileSync(FIXTURE, 'utf8'));

describe('the layout of the examples and generated maps is exactly as recorded', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const now = record(c.doc(), c.settings);
    if (writing) recorded[name] = now;
    else expect(now).toEqual(recorded[name]);
  });

  it('records every case', () => {
    if (writing) writeFileSync(FIXTURE, `${JSON.stringify(recorded, null, 2)}\n`);
    expect(Object.keys(recorded).sort()).toEqual(cases.map((c) => c.name).sort());
  });
});
