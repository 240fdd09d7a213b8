import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample } from '../../src/model';
import { CURRENT_VERSION, describeOpenError, fileNameFor, parseMapFile, serializeMap } from '../../src/io/mapFile';

describe('map files', () => {
  const doc = buildExample(SUNNYDALE, 'map1');

  it('round-trips a document exactly, unknown fields included', () => {
    const withExtra = { ...doc, futureField: { a: 1 }, nodes: { ...doc.nodes, na1: { ...doc.nodes.na1!, colour: 'teal' } } };
    const r = parseMapFile(serializeMap(withExtra as typeof doc));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.doc).toEqual(withExtra);
    expect(r.value.repairs).toEqual([]);
  });

  it('writes a versioned envelope', () => {
    const env = JSON.parse(serializeMap(doc));
    expect(env).toMatchObject({ format: 'asset-map', version: CURRENT_VERSION });
  });

  it('says in words what is wrong with a broken file', () => {
    const r = parseMapFile('{"format": "asset-map", "version": 1, "map": {"nodes": ');
    expect(r).toMatchObject({ ok: false, error: { kind: 'not-json' } });
    if (!r.ok) expect(describeOpenError(r.error, 'x.json')).toMatch(/not a map file.*not changed/);
  });

  it('refuses another program’s JSON', () => {
    const r = parseMapFile(JSON.stringify({ nodes: [], edges: [] }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'not-asset-map' } });
    const excalidraw = parseMapFile(JSON.stringify({ type: 'excalidraw', format: 'excalidraw', elements: [] }));
    expect(excalidraw).toMatchObject({ ok: false, error: { kind: 'not-asset-map' } });
    if (!excalidraw.ok) expect(describeOpenError(excalidraw.error)).toMatch(/not an Asset Map file/);
  });

  it('refuses a file from a newer version', () => {
    const r = parseMapFile(JSON.stringify({ format: 'asset-map', version: CURRENT_VERSION + 1, map: doc }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'too-new', version: CURRENT_VERSION + 1 } });
    if (!r.ok) expect(describeOpenError(r.error)).toMatch(/newer version of Asset Map/);
  });

  it('repairs what is safe and says so', () => {
    const broken = structuredClone(doc) as unknown as { edges: Record<string, unknown>; nodes: Record<string, Record<string, unknown>> };
    broken.edges.bad = { id: 'bad', kind: 'relationship', source: 'children', target: 'nowhere' };
    broken.nodes.orphan = { id: 'orphan', kind: 'strength', label: 'x', attachedTo: 'gone', x: 0, y: 0, order: 0 };
    broken.nodes.na1!.x = 'left';
    broken.nodes.na1!.label = 42;
    const r = parseMapFile(JSON.stringify({ format: 'asset-map', version: 1, map: broken }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.doc.edges.bad).toBeUndefined();
    expect(r.value.doc.nodes.orphan).toBeUndefined();
    expect(r.value.doc.nodes.na1).toMatchObject({ x: 0, label: '42' });
    expect(r.value.repairs.join(' ')).toMatch(/1 connection pointed to missing items/);
  });

  it('names files safely', () => {
    expect(fileNameFor('Sunnydale Public Library', 'json')).toBe('Sunnydale Public Library.assetmap.json');
    expect(fileNameFor('a/b:c*?"<>|d', 'png')).toBe('a-b-c-d.assetmap.png');
    expect(fileNameFor('  ', 'svg')).toBe('Asset map.assetmap.svg');
    expect(fileNameFor('..\u202Egnp.exe', 'png')).toBe('gnp.exe.assetmap.png');
  });

  it('drops a strength that names nothing to hang from, even beside a node with an empty id', () => {
    // Found by the fuzzer: a missing attachedTo once matched the node whose id is the empty string.
    const r = parseMapFile(JSON.stringify({ format: 'asset-map', version: 1, map: { nodes: { a: { kind: 'strength' }, '': { kind: 'partner' } } } }));
    expect(r.ok && Object.keys(r.value.doc.nodes)).toEqual(['']);
  });

  it('never takes inherited properties for nodes', () => {
    const map = { nodes: { p: { kind: 'partner', label: 'P' } }, edges: { e: { kind: 'relationship', source: 'constructor', target: 'p' } } };
    const r = parseMapFile(JSON.stringify({ format: 'asset-map', version: 1, map }));
    expect(r.ok && r.value.doc.edges).toEqual({});
  });
});
