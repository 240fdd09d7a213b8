/**
 * Comparing two states of a map (diffMaps, src/model/diff.ts) at 1,000 and 2,000 assets: a laid-out map against
 * a later state of it with a rename, a deletion, an addition, an auto layout's worth of moves (every node
 * shifted) and 5% of the assets made again under new ids (as a spreadsheet brings them back), so that the
 * matching by kind and name has work to do. What Compare computes when it is clicked, and again on each edit
 * while the map now is one side.
 */
import type { AssetMapDoc } from '../../src/model';
import { diffMaps, isAsset } from '../../src/model';
import { laidOutMap } from '../laidOut';
import { type BenchSuite, ms } from '../harness';

function laterState(doc: AssetMapDoc): AssetMapDoc {
  const b: AssetMapDoc = JSON.parse(JSON.stringify(doc));
  const assets = Object.values(b.nodes).filter(isAsset);
  assets[0]!.label += ' (renamed)';
  const gone = assets[1]!.id;
  delete b.nodes[gone];
  for (const n of Object.values(b.nodes)) if ('attachedTo' in n && n.attachedTo === gone) delete b.nodes[n.id];
  for (const e of Object.values(b.edges)) if (e.source === gone || e.target === gone) delete b.edges[e.id];
  b.nodes.added = { id: 'added', kind: 'partner', label: 'Makers Guild', x: 0, y: 0, order: 1e6 };
  for (const n of Object.values(b.nodes)) n.x += 10;
  // 5% of the assets made again under new ids, what hangs off them and their connections following.
  for (const a of assets.slice(2).filter((_, i) => i % 20 === 0)) {
    if (!b.nodes[a.id]) continue;
    const id = `${a.id}_again`;
    b.nodes[id] = { ...b.nodes[a.id]!, id };
    delete b.nodes[a.id];
    for (const n of Object.values(b.nodes)) if ('attachedTo' in n && n.attachedTo === a.id) n.attachedTo = id;
    for (const e of Object.values(b.edges)) {
      if (e.source === a.id) e.source = id;
      if (e.target === a.id) e.target = id;
    }
  }
  return b;
}

const suite: BenchSuite = {
  name: 'compare',
  title: 'Compare two states of a map (diffMaps): renames, moves, deletions, items made again under new ids',
  run(ctx) {
    return [1000, 2000].filter((n) => !ctx.options.sizes || ctx.options.sizes.includes(n)).map((assets) => {
      const a = laidOutMap(assets, 1);
      const b = laterState(a);
      const t = ctx.measure(() => diffMaps(a, b));
      const d = diffMaps(a, b);
      return { assets, nodes: Object.keys(a.nodes).length, changes: d.counts.added + d.counts.removed + d.counts.changed, moved: d.counts.moved, ms: ms(t.median), 'cpu ms': ms(t.cpuMedian), 'max ms': ms(t.max) };
    });
  },
};
export default suite;
