/**
 * The native file: serializeMap and parseMapFile (with migration and repair checks) of a document of about
 * 5 MB, a laid-out generated map as saved, grown by assets until the file passes 5 MB.
 */
import type { AssetMapDoc } from '../../src/model';
import { laidOutMap } from '../laidOut';
import { parseMapFile, serializeMap } from '../../src/io/mapFile';
import { type BenchSuite, ms } from '../harness';

const TARGET_BYTES = 5_000_000;

const suite: BenchSuite = {
  name: 'map-file',
  title: 'Map file: save (serializeMap) and open (parseMapFile) of a 5 MB document',
  run(ctx) {
    let assets = 1000;
    let doc: AssetMapDoc;
    let text: string;
    for (;;) {
      doc = laidOutMap(assets, 1);
      text = serializeMap(doc);
      if (text.length >= TARGET_BYTES) break;
      assets = Math.ceil((assets * TARGET_BYTES * 1.02) / text.length);
    }
    const bytes = new TextEncoder().encode(text).length;
    const save = ctx.measure(() => serializeMap(doc));
    const open = ctx.measure(() => {
      const r = parseMapFile(text);
      if (!r.ok) throw new Error(`parse failed: ${JSON.stringify(r.error)}`);
    });
    const common = { assets, nodes: Object.keys(doc.nodes).length, MB: Math.round(bytes / 1e4) / 100 };
    return [
      { step: 'save', ...common, ms: ms(save.median), 'cpu ms': ms(save.cpuMedian), 'max ms': ms(save.max) },
      { step: 'open', ...common, ms: ms(open.median), 'cpu ms': ms(open.cpuMedian), 'max ms': ms(open.max) },
    ];
  },
};
export default suite;
