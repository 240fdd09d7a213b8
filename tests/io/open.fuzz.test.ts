/**
 * Fuzzing the one open path: random and mutated map files, spreadsheets, PNG and SVG images go to `openBytes`.
 * It must never throw: every case ends as a valid document (repaired where that is safe) or a typed error
 * with a sentence.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { type AssetMapDoc, SUNNYDALE, buildExample, isAsset, isAttached } from '../../src/model';
import { openBytes } from '../../src/io/open';
import { serializeMap } from '../../src/io/mapFile';
import { embedInPng, renderMapSvg } from '../../src/io/export';
import { writeCsv } from '../../src/io/sheets';

const enc = new TextEncoder();
const doc = buildExample(SUNNYDALE, 'map');
const json = serializeMap(doc);
const csv = writeCsv(doc);
const svg = renderMapSvg(doc, { background: 'white', title: true, legend: true, embed: true });
const png = (() => {
  const img = new PNG({ width: 8, height: 8 });
  img.data.fill(255);
  return embedInPng(new Uint8Array(PNG.sync.write(img)), json);
})();

/** Every edge joins nodes that exist; every attached node hangs from something it may hang from. */
function checkDoc(d: AssetMapDoc) {
  for (const [id, n] of Object.entries(d.nodes)) {
    expect(n.id).toBe(id);
    expect(typeof n.label).toBe('string');
    expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    if (isAttached(n)) {
      const parent = d.nodes[n.attachedTo];
      expect(parent).toBeDefined();
      if (n.kind === 'improvement') expect(isAsset(parent) || parent?.kind === 'weakness').toBe(true);
      else expect(isAsset(parent)).toBe(true);
    }
  }
  for (const e of Object.values(d.edges)) {
    expect(d.nodes[e.source]).toBeDefined();
    expect(isAsset(d.nodes[e.target])).toBe(true);
  }
}

async function expectSafe(name: string, bytes: Uint8Array) {
  const r = await openBytes(name, bytes);
  if (r.ok) {
    if (r.type === 'map') checkDoc(r.doc);
    else for (const row of r.rows) expect(typeof row.name).toBe('string');
  } else {
    // A reader that threw is a bug, whatever sentence the user got for it.
    expect(r.crashed, `a reader threw on ${name}: ${r.crashed?.stack ?? r.crashed?.message}`).toBeUndefined();
    expect(r.message).toMatch(/^(“.+”|This (file|image|PDF)) .{20,}[.)]$/s);
    expect(r.message).not.toMatch(/undefined|\[object|NaN/);
  }
}

/** Byte mutations: flips, cuts, insertions, duplicated stretches. */
const mutate = (base: Uint8Array) =>
  fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 16 }) }),
        fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 64 }) }),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((ops) => {
      let b = base;
      for (const op of ops) {
        const at = b.length ? op.at % b.length : 0;
        if (op.op === 'flip') {
          b = b.slice();
          b[at] = op.byte;
        } else if (op.op === 'cut') b = b.slice(0, at);
        else if (op.op === 'insert') b = new Uint8Array([...b.slice(0, at), ...op.bytes, ...b.slice(at)]);
        else b = new Uint8Array([...b.slice(0, at), ...b.slice(at, at + op.len), ...b.slice(at)]);
      }
      return b;
    });

/** Map-shaped JSON with wrong types, huge numbers, duplicate and dangling ids, cycles and deep nesting. */
const id = fc.constantFrom('a', 'b', 'c', 'd', 'na1', 'school', '__proto__', 'constructor', '');
const anyValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 0),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.letrec((tie) => ({ deep: fc.oneof({ depthSize: 'small' }, fc.constant({}), fc.record({ x: tie('deep') })) })).deep,
);
const nodeLike = fc.record(
  {
    id,
    kind: fc.oneof(fc.constantFrom('partner', 'staff', 'strength', 'weakness', 'improvement', 'space', 'nonsense'), anyValue),
    label: fc.oneof(fc.string(), anyValue),
    attachedTo: fc.oneof(id, anyValue),
    x: fc.oneof(fc.double(), anyValue),
    y: fc.oneof(fc.double(), anyValue),
    order: anyValue,
    status: anyValue,
    owner: fc.oneof(id, anyValue),
    areas: fc.oneof(fc.array(fc.constantFrom('space', 'funding', 'x')), anyValue),
    passions: anyValue,
    fields: anyValue,
  },
  { requiredKeys: [] },
);
const edgeLike = fc.record({ kind: fc.oneof(fc.constantFrom('relationship', 'supports'), anyValue), source: id, target: id, tie: anyValue }, { requiredKeys: [] });
const mapLike = fc.record(
  {
    id: anyValue,
    title: anyValue,
    nodes: fc.oneof(fc.dictionary(id, nodeLike, { maxKeys: 8 }), anyValue),
    edges: fc.oneof(fc.dictionary(fc.string({ maxLength: 3 }), edgeLike, { maxKeys: 6 }), anyValue),
    routes: anyValue,
    layout: anyValue,
    reflect: anyValue,
    dismissed: anyValue,
  },
  { requiredKeys: [] },
);
const envelope = fc.record({
  format: fc.oneof(fc.constant('asset-map'), fc.string()),
  version: fc.oneof(fc.constantFrom(1, 2, 0, -1, 1.5), anyValue),
  map: fc.oneof(mapLike, anyValue),
});

const RUNS = { structured: 4000, json: 2000, csv: 1500, png: 1500, svg: 1000 };

describe('opening anything', { timeout: 120_000 }, () => {
  it(`survives ${RUNS.structured} map-shaped documents with wrong types, dangling ids and deep nesting`, async () => {
    await fc.assert(fc.asyncProperty(envelope, async (env) => expectSafe('fuzz.assetmap.json', enc.encode(JSON.stringify(env)))), {
      numRuns: RUNS.structured,
    });
  });

  it(`survives ${RUNS.json} mutated map files`, async () => {
    await fc.assert(fc.asyncProperty(mutate(enc.encode(json)), async (b) => expectSafe('map.assetmap.json', b)), { numRuns: RUNS.json });
  });

  it(`survives ${RUNS.csv} mutated and random spreadsheets`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutate(enc.encode(csv)), fc.string().map((s) => enc.encode(s)), fc.uint8Array({ maxLength: 200 })), async (b) =>
        expectSafe('sheet.csv', b),
      ),
      { numRuns: RUNS.csv },
    );
  });

  it(`survives ${RUNS.png} mutated PNG images`, async () => {
    await fc.assert(fc.asyncProperty(mutate(png), async (b) => expectSafe('map.assetmap.png', b)), { numRuns: RUNS.png });
  });

  it(`survives ${RUNS.svg} mutated SVG images`, async () => {
    await fc.assert(fc.asyncProperty(mutate(enc.encode(svg)), async (b) => expectSafe('map.assetmap.svg', b)), { numRuns: RUNS.svg });
  });

  it('restores the untouched files exactly', async () => {
    for (const [name, bytes] of [['m.json', enc.encode(json)], ['m.png', png], ['m.svg', enc.encode(svg)]] as const) {
      const r = await openBytes(name, bytes);
      expect(r.ok && r.type === 'map' && r.doc).toEqual(doc);
    }
  });

  it('refuses files over the size limit in words', async () => {
    const r = await openBytes('big.csv', new Uint8Array(21 * 1024 * 1024));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/too big to open \(21\.0 MB; the limit is 20 MB\)/);
  });

  it('refuses a 50,000-row spreadsheet in words', async () => {
    const rows = ['Category,Name,Strengths'];
    for (let i = 0; i < 50_000; i++) rows.push(`Partnership,Partner ${i},Strength ${i}`);
    const r = await openBytes('huge.csv', enc.encode(rows.join('\r\n')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/50,000 rows.*up to 5,000 rows/);
  });
});
