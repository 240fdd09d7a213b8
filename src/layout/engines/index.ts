/**
 * The layout engines behind one signature (ComponentEngine: a component in, its blocks' places and routes
 * out), and the one rule that picks between them.
 *
 * Why two (measured; the runs are in BENCHMARKS.md, "Layout", and NOTES.md):
 * - dagre (dagre.ts) keeps the user's edge directions and draws small components compactly, but its cost grows
 *   steeply with size and with crossing edges: over every node of a generated map, 1.3 s at 100 assets (650
 *   nodes), 15.6 s at 500 and 89.6 s at 1,000; its network-simplex ranker alone took 15 s on one component of
 *   1,000 blocks. Its ordering and ranking are most of that.
 * - the layered engine (layered/) ranks by breadth-first levels and folds the drawing into bands: the whole map
 *   in 47 ms at 100 assets, 118 ms at 500 and 201 ms at 1,000, with fewer crossings than bare dagre (53,531
 *   against 68,793 at 1,000 assets) and the page's shape (1.50) instead of a strip (0.10).
 * - one component alone (random connected ones, 1.5 links a block, blocks 120–220 × 40–160 px; Node, one run
 *   on a busy machine, 2026-12), dagre against layered: 20 blocks 28 against 19 ms, 2 against 5 crossings;
 *   40 blocks 0.3 s against 29 ms, 26 against 46; 80 blocks 0.2 s against 64 ms, 103 against 194; 160 blocks
 *   1.2 s against 0.26 s, 610 against 706; 320 blocks 4.5 s against 26 ms, 2,478 against 3,033. dagre draws
 *   small components with about half the crossings while it stays in tens of milliseconds; past a few dozen
 *   blocks its time grows into seconds while its lead in crossings shrinks.
 * So components up to SMALL_COMPONENT blocks go to dagre, larger ones to the layered engine; a small one that
 * dagre draws long (a chain of colleagues makes a rank each) is folded by the layered engine as well.
 */
import { layoutDagre } from './dagre';
import { layoutLayered } from './layered';
import type { ComponentEngine, ComponentLayout } from './types';

export type { ComponentEngine, ComponentLayout, LinkEdge, Pair } from './types';
export { layoutLayered } from './layered';

/** Components up to this many blocks go to dagre (see above). */
export const SMALL_COMPONENT = 40;
/**
 * A component dagre drew, of at least this many blocks, whose drawing is more than LONG_SHAPE times longer one
 * way than the other, is laid out by the layered engine instead, and folded.
 */
export const FOLD_SMALL = 6;
export const LONG_SHAPE = 3;

const isLong = (c: ComponentLayout) => Math.max(c.width / c.height, c.height / c.width) > LONG_SHAPE;

/** The component laid out by the engine that suits its size and shape. */
export const layoutComponent: ComponentEngine = (input, options) => {
  const count = input.blocks.length;
  if (count > SMALL_COMPONENT) return layoutLayered(input, options);
  const drawn = layoutDagre(input, options);
  return count >= FOLD_SMALL && isLong(drawn) ? layoutLayered(input, options) : drawn;
};
