/** Named reviews travel inside the map: in its file, through `restore`, and past the automatic versions. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AssetMapDoc, SUNNYDALE, buildExample, commands, reviewOf } from '../../src/model';
import { parseMapFile, serializeMap } from '../../src/io/mapFile';
import { MemoryStorage, Workspace } from '../../src/store';

const withReview = (): AssetMapDoc => {
  const doc = buildExample(SUNNYDALE, 'm1');
  const review = reviewOf(doc, 'r1', '  Spring 2026 review ', '2026-04-01T10:00:00.000Z');
  commands.saveReview(doc, { review });
  // A later edit makes new objects (documents are immutable in the app): the review keeps the old ones.
  const later: AssetMapDoc = JSON.parse(JSON.stringify(doc));
  later.nodes.school!.label = 'Lincoln School Partnership';
  return later;
};

describe('reviews in the map file', () => {
  it('round-trip whole: name, date and the map as it stood', () => {
    const doc = withReview();
    expect(doc.reviews).toHaveLength(1);
    expect(doc.reviews![0]!.name).toBe('Spring 2026 review');
    expect(doc.reviews![0]!.map.nodes.school!.label).toBe('School Partnership');
    expect('reviews' in doc.reviews![0]!.map).toBe(false);
    const r = parseMapFile(serializeMap(doc));
    expect(r.ok && r.value.doc).toEqual(doc);
    expect(r.ok && r.value.repairs).toEqual([]);
  });

  it('a damaged review is left out, and the user told; the map still opens', () => {
    const doc = withReview();
    const env = JSON.parse(serializeMap(doc));
    env.map.reviews.push({ id: 'r2', name: 'Broken', at: 'yesterday', map: { title: 'no nodes' } }, { id: 'r1', name: 'Twice', map: env.map.reviews[0].map }, 'junk');
    env.map.reviews[0].map.edges.bad = { id: 'bad', kind: 'relationship', source: 'nowhere', target: 'school' };
    const r = parseMapFile(JSON.stringify(env));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.doc.reviews!.map((x) => x.name)).toEqual(['Spring 2026 review']);
    // Repaired like any map: the review's edge to nothing is dropped.
    expect(r.value.doc.reviews![0]!.map.edges.bad).toBeUndefined();
    expect(r.value.repairs).toContain('3 saved reviews were damaged, and left out.');
  });

  it('files without reviews (every file before them) open unchanged', () => {
    const text = readFileSync(join(import.meta.dirname, 'fixtures', 'v1-sunnydale.assetmap.json'), 'utf8');
    const r = parseMapFile(text);
    expect(r.ok && r.value.doc).toEqual(JSON.parse(text).map);
    expect(r.ok && 'reviews' in r.value.doc).toBe(false);
  });

  it('user text in a review name stays text', () => {
    const doc = buildExample(SUNNYDALE, 'm1');
    commands.saveReview(doc, { review: reviewOf(doc, 'r', '<img src=x onerror=alert(1)>') });
    const r = parseMapFile(serializeMap(doc));
    expect(r.ok && r.value.doc.reviews![0]!.name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('reviews in the browser', () => {
  it('are one undo step, are not copied into automatic versions, and survive restoring one', async () => {
    const storage = new MemoryStorage();
    const ws = new Workspace(storage, { versionEvery: 0 });
    await ws.init();
    const before = ws.store.getDoc();
    ws.store.dispatch('setTitle', { title: 'Branch' });
    await ws.flush();
    ws.store.dispatch('saveReview', { review: reviewOf(ws.store.getDoc(), 'r1', 'Spring 2026 review') });
    expect(ws.store.getState().undoLabel).toBe('save review');
    await ws.flush();
    const versions = await ws.listVersions();
    expect(versions.length).toBeGreaterThanOrEqual(2);
    for (const v of versions) {
      const loaded = await storage.loadVersion(v.key);
      expect(loaded?.ok && loaded.value.doc.reviews).toBeUndefined();
    }
    // The oldest version is restored; the review saved since is still there.
    expect(await ws.restoreVersion(versions.at(-1)!.key)).toBe(true);
    expect(ws.store.getDoc().reviews?.map((r) => r.name)).toEqual(['Spring 2026 review']);
    expect(ws.store.getDoc().title).toBe(before.title);
    ws.store.undo();
    ws.store.undo();
    expect(ws.store.getDoc().reviews).toBeUndefined();
  });
});

describe('the change list', () => {
  it('as Markdown: grouped with counts, changes in words, user text escaped', async () => {
    const { writeChangeListMarkdown, writeChangeListCsv } = await import('../../src/io/sheets/changeList');
    const { diffMaps, namesFor } = await import('../../src/model');
    const a = buildExample(SUNNYDALE, 'm1');
    const b: AssetMapDoc = JSON.parse(JSON.stringify(a));
    b.nodes.school!.label = '*School* <b>Partnership</b>';
    b.nodes.p9 = { id: 'p9', kind: 'partner', label: '=HYPERLINK("x")', x: 0, y: 0, order: 9 };
    b.nodes.friends!.x += 50;
    const diff = diffMaps(a, b);
    const md = writeChangeListMarkdown(diff, { title: 'Sunnydale: changes', before: 'Spring 2026 review', after: 'the map now', nameOf: namesFor(a, b) });
    expect(md).toContain('## Added (1)');
    expect(md).toContain('## Removed (0)');
    expect(md).toContain('## Changed (1)');
    expect(md).toContain('## Moved (1)');
    expect(md).toContain('renamed from “School Partnership” to “\\*School\\* &lt;b&gt;Partnership&lt;/b&gt;”');
    expect(md).not.toContain('<b>');
    const csv = writeChangeListCsv(diff, { nameOf: namesFor(a, b) });
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Change,Item,Kind,Belongs to,What changed');
    expect(lines).toHaveLength(4);
    // A cell a spreadsheet would run as a formula is guarded.
    expect(lines[1]).toMatch(/^Added,"?'=HYPERLINK/);
  });
});
