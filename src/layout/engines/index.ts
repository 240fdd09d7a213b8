/**
 * The layout engines behind one signature (ComponentEngine: a component in, its blocks' places and routes
 * out), and the one rule that picks between them.
 *
 * Why two (measured; BENCHMARKS.md and NOTES.md have the runs):
 * - dagre (dagre.ts) keeps the user's edge directions and draws small components compactly, but its
 *   network-simplex ranker grows steeply: bare dagre took 0.07 s at 100 nodes, 2.2 s at 500 and 17.5 s at
 *   1,000 on generated graphs (1.5 edges a node), and one component of 1,000 blocks took 15 s. Its ordering and
 *   ranking are most of that.
 * - the layered engine (layered/) ranks by breadth-first levels and folds the drawing into bands: 0.2 s for a
 *   whole 1,000-asset map, 0.47 s at 2,000, with fewer crossings than bare dagre (53,531 against 68,793 at
 *   1,000 assets) and the page's shape instead of a strip 1:35 long.
 * So components up to SMALL_COMPONENT blocks go to dagre, larger ones to the layered engine; a small one that
 * dagre draws long (a chain of colleagues makes a rank each) is folded by the layered engine as well.
 */
import { layoutDagre } from './dagre';
import { layoutLayered } from './layered';
import type { ComponentEngine, ComponentLayout } from './types';

export type { ComponentEngine, ComponentInput, ComponentLayout, EngineOptions, LinkEdge, Pair } from './types';
export { layoutDagre } from './dagre';
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
