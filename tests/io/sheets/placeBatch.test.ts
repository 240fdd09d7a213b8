import { expect, it } from 'vitest';
import { type MapNode, buildExample, getAssets } from '../../../src/model';
import { EXAMPLES } from '../../../src/model/moreExamples';
import { layoutMap, placeNew } from '../../../src/layout';
import { BatchPlacer } from '../../../src/io/sheets/placeBatch';

/** The batch placer is only a faster way to ask placeNew. */
it('places each item where placeNew would on the whole map, one after another', () => {
  for (const direction of ['LR', 'TB'] as const) {
    const doc = buildExample(EXAMPLES.sunnydale!, 'map_s');
    doc.layout.direction = direction;
    const { positions } = layoutMap(doc, doc.layout);
    for (const [id, p] of Object.entries(positions)) Object.assign(doc.nodes[id]!, p);
    const placer = new BatchPlacer(doc);
    const weaknesses = Object.values(doc.nodes).filter((n) => n.kind === 'weakness');
    const parents = [...getAssets(doc), ...weaknesses];
    for (let i = 0; i < 40; i++) {
      const parent = parents[(i * 7) % parents.length]!;
      const kind: MapNode['kind'] = parent.kind === 'weakness' ? 'improvement' : 'strength';
      // Labels of different lengths, so items of different heights.
      const req = { kind, label: `Item ${i} `.repeat(i % 5), attachedTo: parent.id };
      const expected = placeNew(doc, req);
      expect(placer.place(req)).toEqual(expected);
      const node = { id: `new${i}`, kind: req.kind, label: req.label, attachedTo: parent.id, x: expected.x, y: expected.y, order: 99 } as MapNode;
      doc.nodes[node.id] = node;
      placer.add(node);
    }
  }
});
