/** Saved views travel inside the map: in its file, through `restore`, and on a shared map. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AssetMapDoc, type SavedView, SUNNYDALE, buildExample, commands, getViews } from '../../src/model';
import { parseMapFile, serializeMap } from '../../src/io/mapFile';
import { DocStore } from '../../src/store/docStore';
import { Network } from '../collab/replicas';
import { renderMap } from '../../src/io/export/renderSvg';
import { getHiddenByFilter } from '../../src/model';

const partnersOnly: SavedView = {
  id: 'v1',
  name: '  Partners only ',
  order: 0,
  region: { x: -40, y: 10, width: 1200, height: 640 },
  hiddenKinds: ['staff', 'space'],
  tag: 'teens',
  focus: { ids: ['school'], steps: 2 },
};

const withViews = (): AssetMapDoc => {
  const doc = buildExample(SUNNYDALE, 'm1');
  commands.saveView(doc, { view: partnersOnly });
  commands.saveView(doc, { view: { id: 'v2', name: 'Whole', order: 0, region: { x: 0, y: 0, width: 10, height: 10 } } });
  return doc;
};

describe('saved views in the map file', () => {
  it('round-trip whole: names, order, the part of the map, filters and focus', () => {
    const doc = withViews();
    expect(getViews(doc).map((v) => [v.name, v.order])).toEqual([
      ['Partners only', 0],
      ['Whole', 1],
    ]);
    const r = parseMapFile(serializeMap(doc));
    expect(r.ok && r.value.doc).toEqual(doc);
    expect(r.ok && r.value.repairs).toEqual([]);
  });

  it('files without views (every file before them) open unchanged, and gain none', () => {
    const text = readFileSync(join(import.meta.dirname, 'fixtures', 'v1-sunnydale.assetmap.json'), 'utf8');
    const r = parseMapFile(text);
    expect(r.ok && r.value.doc).toEqual(JSON.parse(text).map);
    expect(r.ok && 'views' in r.value.doc).toBe(false);
    expect(r.ok && r.value.repairs).toEqual([]);
  });

  it('a damaged view is left out, and the user told; what is odd in a good one is cleared', () => {
    const env = JSON.parse(serializeMap(withViews()));
    env.map.views.bad = { id: 'bad', name: 'No region' };
    env.map.views.flat = { name: 'Flat', order: 2, region: { x: 0, y: 0, width: 0, height: 5 } };
    env.map.views.unnamed = { name: '   ', region: { x: 0, y: 0, width: 5, height: 5 } };
    env.map.views.v2.hiddenKinds = ['staff', 'strength', 7, 'staff'];
    env.map.views.v2.focus = { ids: ['school', 3], steps: 5 };
    env.map.views.v2.tag = 12;
    const r = parseMapFile(JSON.stringify(env));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(getViews(r.value.doc).map((v) => v.id)).toEqual(['v1', 'v2']);
    expect(r.value.doc.views!.v2).toEqual({ id: 'v2', name: 'Whole', order: 1, region: { x: 0, y: 0, width: 10, height: 10 }, hiddenKinds: ['staff'] });
    expect(r.value.repairs).toContain('3 saved views were damaged, and left out.');
  });

  it('user text in a view name stays text', () => {
    const doc = buildExample(SUNNYDALE, 'm1');
    commands.saveView(doc, { view: { ...partnersOnly, name: '<img src=x onerror=alert(1)>' } });
    const r = parseMapFile(serializeMap(doc));
    expect(r.ok && r.value.doc.views!.v1!.name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('saving, renaming and deleting a view', () => {
  it('each is one undo step', () => {
    const store = new DocStore(buildExample(SUNNYDALE, 'm1'));
    store.dispatch('saveView', { view: partnersOnly });
    store.dispatch('renameView', { id: 'v1', name: 'Partners' });
    store.dispatch('deleteView', { id: 'v1' });
    expect(store.getDoc().views).toBeUndefined();
    store.undo();
    expect(store.getDoc().views!.v1!.name).toBe('Partners');
    store.undo();
    expect(store.getDoc().views!.v1!.name).toBe('Partners only');
    store.undo();
    expect(store.getDoc().views).toBeUndefined();
    expect(store.getState().canUndo).toBe(false);
  });

  it('a name of nothing but spaces neither saves nor renames', () => {
    const doc = withViews();
    commands.renameView(doc, { id: 'v1', name: '  ' });
    commands.saveView(doc, { view: { ...partnersOnly, id: 'v3', name: ' ' } });
    expect(getViews(doc).map((v) => v.name)).toEqual(['Partners only', 'Whole']);
  });
});

describe('saved views on a shared map', () => {
  it('two people saving views at once both keep theirs; a rename and a delete of different views both hold', () => {
    const net = new Network(2);
    try {
      const [a, b] = net.replicas;
      a!.store.dispatch('saveView', { view: partnersOnly });
      b!.store.dispatch('saveView', { view: { id: 'v2', name: 'Whole', order: 0, region: { x: 0, y: 0, width: 10, height: 10 } } });
      net.flush();
      for (const doc of net.docs()) expect(getViews(doc).map((v) => v.name).sort()).toEqual(['Partners only', 'Whole']);
      a!.store.dispatch('renameView', { id: 'v2', name: 'Everything' });
      b!.store.dispatch('deleteView', { id: 'v1' });
      net.flush();
      for (const doc of net.docs()) expect(getViews(doc).map((v) => v.name)).toEqual(['Everything']);
    } finally {
      net.destroy();
    }
  });
});

describe('a saved view as an image', () => {
  it('leaves out what its filters hide, and only that', () => {
    const doc = buildExample(SUNNYDALE, 'm1');
    const hide = [...getHiddenByFilter(doc, { kinds: ['staff'] })];
    const options = { background: 'white' as const, title: false, legend: false, embed: false };
    const all = renderMap(doc, options).svg;
    const some = renderMap(doc, { ...options, hide }).svg;
    expect(all).toContain('Knowledgeable');
    expect(some).not.toContain('Knowledgeable');
    expect(some).toContain('Teachers');
  });
});
