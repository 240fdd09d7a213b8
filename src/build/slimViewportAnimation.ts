/**
 * A Vite plugin: the map's animated viewport without d3's general animation code. React Flow's d3-zoom animates
 * with d3-transition, which brings d3's colour, string and transform interpolators and its timer: about 10 kB
 * of gzip in the first visit's JavaScript, to move one thing. `d3-transition` resolves to
 * src/ui/map/zoomTransition.ts (what d3-zoom and React Flow use of it), and `d3-interpolate` (which d3-zoom and
 * React Flow import for the viewport's path) to src/ui/map/zoomInterpolate.ts. The same in the build, the tests
 * and the dev server's bundling of dependencies.
 */
import { fileURLToPath } from 'node:url';

const TRANSITION = fileURLToPath(new URL('../ui/map/zoomTransition.ts', import.meta.url));
const INTERPOLATE = fileURLToPath(new URL('../ui/map/zoomInterpolate.ts', import.meta.url));

/** Where an import of d3's animation code goes instead, or nothing to leave it as it is. */
function redirect(source: string): string | undefined {
  if (source === 'd3-transition') return TRANSITION;
  if (source === 'd3-interpolate') return INTERPOLATE;
  return undefined;
}

export function slimViewportAnimation() {
  return {
    name: 'asset-map-slim-viewport-animation',
    enforce: 'pre' as const,
    resolveId: (source: string) => redirect(source),
  };
}
