/** SVG export: renderMapSvg of a laid-out generated map, whole map with title, legend and the map embedded. */
import { laidOutMap } from '../laidOut';
import { renderMapSvg } from '../../src/io/export';
import { type BenchRow, type BenchSuite, ms } from '../harness';

const suite: BenchSuite = {
  name: 'svg-export',
  title: 'SVG export: renderMapSvg (whole map, title, legend, map embedded)',
  run(ctx) {
    const rows: BenchRow[] = [];
    const options = { background: 'white', title: true, legend: true, embed: true, date: '2024-01-01' } as const;
    for (const assets of ctx.options.sizes ?? [100, 500, 1000, 2000]) {
      const doc = laidOutMap(assets, 1);
      const t = ctx.measure(() => renderMapSvg(doc, options));
      const bytes = new TextEncoder().encode(renderMapSvg(doc, options)).length;
      rows.push({ assets, nodes: Object.keys(doc.nodes).length, 'ms': ms(t.median), 'cpu ms': ms(t.cpuMedian), 'max ms': ms(t.max), 'SVG MB': Math.round(bytes / 1e4) / 100 });
    }
    return rows;
  },
};
export default suite;
