/**
 * What React Flow and d3-zoom take from d3-interpolate, for the viewport: the smooth zoom (`interpolateZoom`) and a
 * straight-line `interpolate`, asked for with `interpolate: 'linear'`. Views are [centre x, centre y, width].
 * d3-interpolate is one module whose colour interpolators are made as it loads, so importing only its zoom kept
 * all of it, and d3-color, in the first visit's JavaScript; the build resolves `d3-interpolate` here
 * (src/build/slimViewportAnimation.ts). tests/ui/map/zoomAnimation.test.ts holds both to d3's.
 */

type View = readonly [number, number, number] | readonly number[];

/** The point a `t` of the way from `a` to `b`, coordinate by coordinate. */
export function interpolate(a: readonly number[], b: readonly number[]): (t: number) => number[] {
  return (t) => a.map((v, i) => v + ((b[i] ?? v) - v) * t);
}

const RHO = Math.SQRT2;
// ρ² and ρ⁴, exactly.
const RHO2 = 2;
const RHO4 = 4;
const EPSILON = 1e-12;

/**
 * The smooth, efficient path between two views of van Wijk and Nuij ("Smooth and efficient zooming and panning",
 * 2003), with ρ = √2: far moves zoom out on the way, so the eye keeps its bearings. `duration` is the path's
 * length in milliseconds at the paper's speed.
 */
export function interpolateZoom(from: View, to: View): ((t: number) => [number, number, number]) & { duration: number } {
  const [x0, y0, w0] = from as [number, number, number];
  const [x1, y1, w1] = to as [number, number, number];
  const dx = x1 - x0;
  const dy = y1 - y0;
  const d2 = dx * dx + dy * dy;
  let path: (t: number) => [number, number, number];
  let length: number;
  if (d2 < EPSILON) {
    // Almost no move: zoom alone, at a steady rate.
    length = Math.log(w1 / w0) / RHO;
    path = (t) => [x0 + t * dx, y0 + t * dy, w0 * Math.exp(RHO * t * length)];
  } else {
    const d = Math.sqrt(d2);
    const r2d = RHO2 * d;
    const b0 = (w1 * w1 - w0 * w0 + RHO4 * d2) / (2 * w0 * r2d);
    const b1 = (w1 * w1 - w0 * w0 - RHO4 * d2) / (2 * w1 * r2d);
    const r0 = Math.log(Math.sqrt(b0 * b0 + 1) - b0);
    const r1 = Math.log(Math.sqrt(b1 * b1 + 1) - b1);
    length = (r1 - r0) / RHO;
    path = (t) => {
      const s = t * length;
      const coshR0 = Math.cosh(r0);
      const u = (w0 / r2d) * (coshR0 * Math.tanh(RHO * s + r0) - Math.sinh(r0));
      return [x0 + u * dx, y0 + u * dy, (w0 * coshR0) / Math.cosh(RHO * s + r0)];
    };
  }
  return Object.assign(path, { duration: (Math.abs(length) * 1000 * RHO) / Math.SQRT2 });
}
