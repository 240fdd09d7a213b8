import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample, commands, emptyDoc } from '../../../src/model';
import { EXAMPLES } from '../../../src/model/moreExamples';
import { getDrawnEdges, nodeSize } from '../../../src/look';
import { layoutMap } from '../../../src/layout';
import { toJsonCanvas, writeJsonCanvas } from '../../../src/io/sheets';

function laidOut(key: string) {
  const doc = buildExample(EXAMPLES[key]!, `map_${key}`);
  const { positions } = layoutMap(doc, doc.layout);
  for (const [id, p] of Object.entries(positions)) Object.assign(doc.nodes[id]!, p);
  return doc;
}

describe('JSON Canvas', () => {
  it('has a text card per node, at its place and size on the map', () => {
    const doc = laidOut('sunnydale');
    const canvas = toJsonCanvas(doc);
    expect(canvas.nodes.map((n) => n.id).sort()).toEqual(Object.keys(doc.nodes).sort());
    for (const card of canvas.nodes) {
      const node = doc.nodes[card.id]!;
      expect(card).toMatchObject({ type: 'text', x: node.x, y: node.y, ...nodeSize(node) });
      expect(card.color).toMatch(/^#[0-9a-f]{6}$/);
    }
    const school = canvas.nodes.find((n) => n.id === 'school')!;
    expect(school.text).toBe('**School Partnership**\n\n*Partner*');
    expect(canvas.nodes.find((n) => n.id === 'school.s0')!.text).toBe('*Strength*\n\nTeachers');
  });

  it('has an edge per drawn edge, attachments included, with colours and labels', () => {
    const doc = laidOut('smallville');
    const canvas = toJsonCanvas(doc);
    expect(canvas.edges.map((e) => `${e.fromNode}>${e.toNode}`).sort()).toEqual(getDrawnEdges(doc).map((e) => `${e.source}>${e.target}`).sort());
    const nodeIds = new Set(canvas.nodes.map((n) => n.id));
    for (const e of canvas.edges) {
      expect(nodeIds.has(e.fromNode) && nodeIds.has(e.toNode)).toBe(true);
      expect(e.color).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(canvas.edges.find((e) => e.fromNode === 'minister' && e.toNode === 'church')).toMatchObject({ label: 'strong tie', toEnd: 'none' });
    // Ids are unique across nodes and edges, as the format asks.
    const ids = [...canvas.nodes, ...canvas.edges].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('labels "supports" edges and escapes Markdown in card text', () => {
    const doc = buildExample(SUNNYDALE, 'map_s');
    commands.updateNode(doc, { id: 'room', patch: { label: '# Room *one* <b>' } });
    const canvas = toJsonCanvas(doc);
    expect(canvas.edges.find((e) => e.fromNode === 'na2.s1')).toMatchObject({ toNode: 'tech', label: 'supports' });
    expect(canvas.nodes.find((n) => n.id === 'room')!.text).toBe('**# Room \\*one\\* &lt;b&gt;**\n\n*Space*');
  });

  it('is a JSON file Obsidian can read', () => {
    const doc = emptyDoc('Empty', 'map_e');
    expect(JSON.parse(writeJsonCanvas(doc))).toEqual({ nodes: [], edges: [] });
    const text = writeJsonCanvas(laidOut('gotham'));
    expect(text.startsWith('{\n\t"nodes": [')).toBe(true);
    expect(JSON.parse(text).nodes.length).toBe(Object.keys(laidOut('gotham').nodes).length);
  });
});

it('an item starting with a heading or list marker stays a plain paragraph', () => {
  const doc = emptyDoc('x', 'map_x');
  commands.addAsset(doc, { id: 'a', kind: 'space', label: 'Hall', x: 0, y: 0 });
  commands.addAttachment(doc, { id: 's', kind: 'strength', attachedTo: 'a', label: '# 1 in town', x: 0, y: 0 });
  commands.addAttachment(doc, { id: 't', kind: 'strength', attachedTo: 'a', label: '1. Big', x: 0, y: 0 });
  const texts = toJsonCanvas(doc).nodes.map((n) => n.text);
  expect(texts).toEqual(['**Hall**\n\n*Space*', '*Strength*\n\n\\# 1 in town', '*Strength*\n\n1\\. Big']);
});
