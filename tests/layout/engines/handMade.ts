/** Hand-made pieces for the tests of the layout engines' stages: blocks without items, links, pairs. */
import type { Block, Placed } from '../../../src/layout/blocks';
import type { LinkEdge, Pair } from '../../../src/layout/engines';
import type { Ranked } from '../../../src/layout/engines/layered/ranks';

/** A block that is only its asset, `width` × `height`, unless items are given (in block coordinates). */
export function blockOf(id: string, width: number, height: number, items: Placed[] = []): Block {
  return {
    asset: { id, kind: 'staff', label: id, x: 0, y: 0, order: 0 },
    width,
    height,
    items,
    routes: {},
    assetSize: { width, height },
    assetAt: 0,
    mirrored: false,
  };
}

/** A link between two assets, drawn from asset to asset. */
export const linkOf = (id: string, from: string, to: string): LinkEdge => ({ id, from, to, fromAsset: from, toAsset: to });

/** A channel from tail to head with one link per id (by default one, named tail-head). */
export const pairOf = (tail: string, head: string, ids: string[] = [`${tail}-${head}`]): Pair => ({
  tail,
  head,
  links: ids.map((id) => linkOf(id, tail, head)),
});

/** The ranked graph of blocks that all sit on one rank, with no links: what a bands or fold test starts from. */
export function oneRank(count: number): Ranked {
  return {
    blocks: count,
    rank: new Array<number>(count).fill(0),
    from: [],
    to: [],
    weight: [],
    flat: { a: [], b: [], weight: [] },
    chains: [],
    flats: [],
  };
}
