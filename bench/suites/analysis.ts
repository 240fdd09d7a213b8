/**
 * Analysis: getFindings (every Insights finding, suggestions included) on generated maps of 500, 2,000 and 5,000
 * assets. The growth column compares each size with the smallest measured in the same run: a map ten times
 * larger should cost about ten times as much, not a hundred.
 */
import { generateMap } from '../../tests/support/generateMap';
import { getFindings } from '../../src/analysis';
import { type BenchRow, type BenchSuite, ms } from '../harness';

const suite: BenchSuite = {
  name: 'analysis',
  title: 'Analysis: getFindings on generated maps',
  run(ctx) {
    const rows: BenchRow[] = [];
    let base: { assets: number; ms: number } | undefined;
    for (const assets of ctx.options.sizes ?? [500, 2000, 5000]) {
      const doc = generateMap(assets, 1);
      const t = ctx.measure(() => getFindings(doc));
      base ??= { assets, ms: t.median };
      rows.push({
        assets,
        nodes: Object.keys(doc.nodes).length,
        findings: getFindings(doc).length,
        ms: ms(t.median),
        'cpu ms': ms(t.cpuMedian),
        'max ms': ms(t.max),
        [`size × vs ${base.assets}`]: Math.round((assets / base.assets) * 10) / 10,
        [`time × vs ${base.assets}`]: Math.round((t.median / base.ms) * 10) / 10,
      });
    }
    return rows;
  },
};
export default suite;
