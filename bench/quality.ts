/**
 * Quality figures of a layout result for the benchmarks: crossings of the drawn routes, overlapping node
 * rectangles, and the drawing's size and shape.
 */
import type { AssetMapDoc } from '../src/model';
import { nodeSize } from '../src/look/measure';
import { countCrossings, findOverlaps } from '../tests/support/layoutMetrics';
import type { LayoutResult } from '../src/layout/layoutMap';

export interface Quality {
  crossings: number;
  overlaps: number;
  width: number;
  height: number;
  /** Width / height: 2 is twice as wide as tall, 0.5 twice as tall as wide. */
  aspect: number;
}

export function measureQuality(doc: AssetMapDoc, result: LayoutResult): Quality {
  const rects = Object.values(doc.nodes).map((n) => {
    const p = result.positions[n.id] ?? { x: 0, y: 0 };
    return { id: n.id, x: p.x, y: p.y, ...nodeSize(n) };
  });
  return {
    crossings: countCrossings(Object.values(result.routes)),
    overlaps: findOverlaps(rects).length,
    width: Math.round(result.width),
    height: Math.round(result.height),
    aspect: result.width / Math.max(result.height, 1),
  };
}
