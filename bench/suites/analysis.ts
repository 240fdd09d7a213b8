/** Analysis: getFindings (every Insights finding, suggestions included) on generated maps. */
import { generateMap } from '../generate';
import { getFindings } from '../../src/analysis';
import { type BenchRow, type BenchSuite, ms } from '../harness';

const suite: BenchSuite = {
  name: 'analysis',
  title: 'Analysis: getFindings on generated maps',
  run(ctx) {
    const rows: BenchRow[] = [];
    for (const assets of ctx.options.sizes ?? [100, 500, 1000, 2000]) {
      const doc = generateMap(assets, 1);
      const t = ctx.measure(() => getFindings(doc));
      rows.push({ assets, nodes: Object.keys(doc.nodes).length, findings: getFindings(doc).length, 'ms': ms(t.median), 'cpu ms': ms(t.cpuMedian), 'max ms': ms(t.max) });
    }
    return rows;
  },
};
export default suite;
