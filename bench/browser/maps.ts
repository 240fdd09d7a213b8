/**
 * The maps the browser benchmarks open: generated maps (tests/support/generateMap.ts, seed 1) laid out with layoutMap, as
 * the text of a native `.assetmap.json` file. Bundled by bench/browser/run.mjs into bench/.cache and run in
 * Node, so that the page is handed exactly the file a user would have saved.
 */
import { serializeMap } from '../../src/io/mapFile';
import { laidOutMap } from '../laidOut';

export interface MapFile {
  text: string;
  assets: number;
  nodes: number;
  links: number;
  title: string;
}

export function laidOutMapFile(assets: number, seed = 1): MapFile {
  const doc = laidOutMap(assets, seed);
  // A title per size, so that a download's file name says which map it came from.
  doc.title = `Generated ${assets} assets`;
  return {
    text: serializeMap(doc),
    assets,
    nodes: Object.keys(doc.nodes).length,
    links: Object.keys(doc.edges).length,
    title: doc.title,
  };
}
