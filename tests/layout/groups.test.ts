import { describe, expect, it } from 'vitest';
import { type AssetMapDoc, type LayoutDirection, SUNNYDALE, buildExample, getAssets, getCollapsedContents, writeLayout } from '../../src/model';
import { layoutMap } from '../../src/layout/layoutMap';
import { packInput, unpackInput } from '../../src/layout/layoutMessages';
import { type GroupFrame, getGroupFrames } from '../../src/look/groups';
import { nodeSize } from '../../src/look/measure';
import { findOverlaps } from '../support/layoutMetrics';
import { generateMap } from '../support/generateMap';
import { boxesOf } from './geometry';

const directions: LayoutDirection[] = ['LR', 'TB'];

/** Puts every `every`-th asset (in worksheet order, starting at `from`) into one of `count` groups. */
function withGroups(doc: AssetMapDoc, count: number, every = 1): AssetMapDoc {
  doc.groups = {};
  for (let g = 0; g < count; g++) doc.groups[`g${g}`] = { id: `g${g}`, name: `Group ${g}` };
  getAssets(doc).forEach((a, i) => {
    if (i % every === 0) (doc.nodes[a.id] as { group?: string }).group = `g${(i / every) % count}`;
  });
  return doc;
}

const inside = (b: { x: number; y: number; width: number; height: number }, f: { x: number; y: number; width: number; height: number }) =>
  b.x >= f.x && b.y >= f.y && b.x + b.width <= f.x + f.width && b.y + b.height <= f.y + f.height;

/** What must not happen: a member outside its frame, two frames overlapping, a node of no group inside a frame. */
function problems(doc: AssetMapDoc, frames: GroupFrame[]): string[] {
  const out: string[] = [];
  const hidden = getCollapsedContents(doc);
  const framed = new Set(frames.flatMap((f) => f.contents));
  for (const f of frames) {
    if (f.collapsed) continue;
    for (const id of f.contents) {
      const n = doc.nodes[id]!;
      if (!inside({ x: n.x, y: n.y, ...nodeSize(n) }, f.box)) out.push(`${id} is outside the frame of ${f.group.name}`);
    }
  }
  const rects = frames.map((f) => ({ id: f.group.id, ...f.box }));
  for (const [a, b] of findOverlaps(rects)) out.push(`frames ${a} and ${b} overlap`);
  for (const n of Object.values(doc.nodes)) {
    if (framed.has(n.id) || hidden.has(n.id)) continue;
    const box = { id: n.id, x: n.x, y: n.y, ...nodeSize(n) };
    for (const r of rects) if (findOverlaps([box, r]).length) out.push(`${n.id} (in no group) overlaps the frame of ${r.id}`);
  }
  return out;
}

describe.each(directions)('auto layout with groups, %s', (direction) => {
  const options = { direction, spacing: 60 };

  it('the Sunnydale example in two groups and some in none: members inside their frames, frames apart, no nodes overlapping', () => {
    const doc = withGroups(buildExample(SUNNYDALE, 'sunnydale'), 2, 2);
    const result = layoutMap(doc, options);
    expect(Object.keys(result.positions).sort()).toEqual(Object.keys(doc.nodes).sort());
    expect(findOverlaps(boxesOf(doc, result))).toEqual([]);
    writeLayout(doc, result);
    const frames = getGroupFrames(doc);
    expect(frames).toHaveLength(2);
    expect(problems(doc, frames)).toEqual([]);
    // The drawing still starts at 0,0 and holds every frame.
    for (const f of frames) {
      expect(f.box.x).toBeGreaterThanOrEqual(0);
      expect(f.box.y).toBeGreaterThanOrEqual(0);
    }
  });

  it('a generated 120-asset map in 6 groups (a seventh in none)', () => {
    const doc = withGroups(generateMap(120, 7), 6);
    for (const [i, a] of getAssets(doc).entries()) if (i % 7 === 0) delete (doc.nodes[a.id] as { group?: string }).group;
    writeLayout(doc, layoutMap(doc, options));
    const frames = getGroupFrames(doc);
    expect(frames).toHaveLength(6);
    expect(problems(doc, frames)).toEqual([]);
  });

  it('a collapsed group stands as its card: nothing else overlaps it, and opened its members are inside its frame', () => {
    const doc = withGroups(buildExample(SUNNYDALE, 'sunnydale'), 2, 2);
    doc.groups!.g0!.collapsed = true;
    writeLayout(doc, layoutMap(doc, options));
    const frames = getGroupFrames(doc);
    const card = frames.find((f) => f.collapsed)!;
    expect(card.box.width).toBe(220);
    expect(problems(doc, frames)).toEqual([]);
    // Opened where it was laid out collapsed, its frame starts at the card's corner.
    doc.groups!.g0!.collapsed = false;
    const open = getGroupFrames(doc).find((f) => f.group.id === 'g0')!;
    expect({ x: open.box.x, y: open.box.y }).toEqual({ x: card.box.x, y: card.box.y });
    for (const id of open.contents) {
      const n = doc.nodes[id]!;
      expect(inside({ x: n.x, y: n.y, ...nodeSize(n) }, open.box)).toBe(true);
    }
  });

  it('gives the same result for the same input', () => {
    const a = layoutMap(withGroups(buildExample(SUNNYDALE, 'x'), 3), options);
    const b = layoutMap(structuredClone(withGroups(buildExample(SUNNYDALE, 'x'), 3)), options);
    expect(b).toEqual(a);
  });
});

describe('auto layout without groups', () => {
  it('a map whose groups list is empty is laid out as one without', () => {
    const plain = buildExample(SUNNYDALE, 'x');
    const empty = { ...buildExample(SUNNYDALE, 'x'), groups: {} };
    expect(layoutMap(empty, { direction: 'LR', spacing: 60 })).toEqual(layoutMap(plain, { direction: 'LR', spacing: 60 }));
  });
});

describe('groups through the layout worker’s messages', () => {
  it('a request packed for the worker lays out as the document does: groups, members and collapsed state go with it', () => {
    const doc = withGroups(buildExample(SUNNYDALE, 'x'), 2, 2);
    doc.groups!.g1!.collapsed = true;
    const { doc: unpacked, options } = unpackInput(structuredClone(packInput(doc, 'LR', 60)));
    expect(unpacked.groups).toEqual(doc.groups);
    expect(layoutMap(unpacked, options)).toEqual(layoutMap(doc, { direction: 'LR', spacing: 60 }));
  });
});
