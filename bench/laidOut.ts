/**
 * A generated map with its layout applied (positions and routes stored), as a user's saved map would be:
 * what exports and file benchmarks should work on.
 */
import type { AssetMapDoc } from '../src/model';
import { layOutInPlace } from '../src/layout/layoutMap';
import { generateMap } from '../tests/support/generateMap';

export function laidOutMap(assets: number, seed: number): AssetMapDoc {
  return layOutInPlace(generateMap(assets, seed));
}
