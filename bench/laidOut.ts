/**
 * A generated map with its layout applied (positions and routes stored), as a user's saved map would be:
 * what exports and file benchmarks should work on.
 */
import type { AssetMapDoc } from '../src/model';
import { layoutMap } from '../src/layout/layoutMap';
import { generateMap } from './generate';

export function laidOutMap(assets: number, seed: number): AssetMapDoc {
  const doc = generateMap(assets, seed);
  const { positions, routes } = layoutMap(doc, doc.layout);
  for (const [id, p] of Object.entries(positions)) {
    doc.nodes[id]!.x = p.x;
    doc.nodes[id]!.y = p.y;
  }
  doc.routes = routes;
  return doc;
}
