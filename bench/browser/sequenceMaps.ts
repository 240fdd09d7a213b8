/**
 * The files of the user's sequence (bench/browser/sequence.mjs), and the React Flow documentation's dagre recipe
 * timed over the same maps. Bundled into bench/.cache and run in Node.
 *
 * - a 1,000-row worksheet CSV (the worksheet of a generated 1,000-asset map);
 * - a connected 300-asset map (~1,950 nodes), laid out, with relationships and "supports" edges;
 * - a 1,000-asset map (~6,500 nodes) never laid out: every node at 0,0, about 0.6 links per asset.
 */
import dagre from '@dagrejs/dagre';
import { serializeMap } from '../../src/io/mapFile';
import { writeCsv } from '../../src/io/sheets';
import { type AssetMapDoc, isAttached } from '../../src/model';
import { layOutInPlace } from '../../src/layout/layoutMap';
import { generateMap } from '../../tests/support/generateMap';

export interface SequenceFile {
  name: string;
  text: string;
  assets: number;
  nodes: number;
  links: number;
  title: string;
}

/** Keeps about `perAsset` links per asset, the first ones in id order: the same map on every run. */
function thinLinks(doc: AssetMapDoc, perAsset: number, assets: number): AssetMapDoc {
  const keep = Math.round(perAsset * assets);
  const ids = Object.keys(doc.edges).sort();
  for (const id of ids.slice(keep)) delete doc.edges[id];
  return doc;
}

/** Joins every asset into one component: a relationship from each asset to the one before it, if none. */
function connect(doc: AssetMapDoc): AssetMapDoc {
  const assets = Object.values(doc.nodes).filter((n) => !isAttached(n));
  for (let i = 1; i < assets.length; i++) {
    const id = `e-chain-${i}`;
    doc.edges[id] = { id, kind: 'relationship', source: assets[i - 1]!.id, target: assets[i]!.id, tie: 'weak' };
  }
  return doc;
}

const atOrigin = (doc: AssetMapDoc): AssetMapDoc => {
  for (const n of Object.values(doc.nodes)) {
    n.x = 0;
    n.y = 0;
  }
  doc.routes = {};
  return doc;
};

const asFile = (name: string, doc: AssetMapDoc, assets: number): SequenceFile => ({
  name,
  text: serializeMap(doc),
  assets,
  nodes: Object.keys(doc.nodes).length,
  links: Object.keys(doc.edges).length,
  title: doc.title,
});

export function sequenceFiles(): { csv: SequenceFile; map300: SequenceFile; map1000: SequenceFile; map300b: SequenceFile } {
  const sheet = generateMap(1000, 11);
  sheet.title = 'Worksheet 1000 rows';
  const csv = { ...asFile('worksheet-1000.csv', sheet, 1000), text: writeCsv(sheet) };

  const m300 = layOutInPlace(connect(thinLinks(generateMap(300, 12), 0.6, 300)));
  m300.title = 'Connected 300 assets';
  const m1000 = atOrigin(thinLinks(generateMap(1000, 13), 0.6, 1000));
  m1000.title = 'Never laid out 1000 assets';
  // Another map of the same make, for a layout clicked after the user has looked at the map for a moment.
  const m300b = layOutInPlace(connect(thinLinks(generateMap(300, 14), 0.6, 300)));
  m300b.title = 'Connected 300 assets, looked at first';
  return {
    csv,
    map300: asFile('connected-300.assetmap.json', m300, 300),
    map1000: asFile('never-laid-out-1000.assetmap.json', m1000, 1000),
    map300b: asFile('connected-300-b.assetmap.json', m300b, 300),
  };
}

/**
 * The React Flow documentation's recipe: one dagre graph of every node at a fixed size (172×36) and every edge
 * (attachments and links), laid out once. Returns milliseconds.
 */
export function recipeMs(text: string): number {
  const doc = JSON.parse(text).map as AssetMapDoc;
  const start = performance.now();
  const g = new dagre.graphlib.Graph();
  g.setDefaultEdgeLabel(() => ({}));
  g.setGraph({ rankdir: 'LR' });
  for (const n of Object.values(doc.nodes)) g.setNode(n.id, { width: 172, height: 36 });
  for (const n of Object.values(doc.nodes)) if (isAttached(n)) g.setEdge(n.attachedTo, n.id);
  for (const e of Object.values(doc.edges)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return performance.now() - start;
}
