// @vitest-environment jsdom
/**
 * The viewport's animation without d3-transition (src/ui/map/zoomTransition.ts, zoomInterpolate.ts): the smooth
 * zoom's path held to d3-interpolate's own, and d3-zoom's animated moves driven frame by frame through the
 * replacement, with the order of events d3-zoom's gesture counting relies on (a start for every end, an
 * interrupted move ended, a move never started never begun).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { select } from 'd3-selection';
import { type ZoomTransform, zoom, zoomIdentity } from 'd3-zoom';
import { interpolate, interpolateZoom } from '../../../src/ui/map/zoomInterpolate';
import { interrupt } from '../../../src/ui/map/zoomTransition';

// d3's own, by its file: the build resolves the bare name to the app's (src/build/slimViewportAnimation.ts). (So
// knip, which sees no import of it, is told of it in knip.json.)
const d3Interpolate = (await import(pathToFileURL(createRequire(import.meta.url).resolve('d3-interpolate')).href)) as {
  interpolateZoom: (a: number[], b: number[]) => ((t: number) => number[]) & { duration: number };
};

describe('interpolateZoom', () => {
  const view = fc.tuple(fc.double({ min: -5000, max: 5000, noNaN: true }), fc.double({ min: -5000, max: 5000, noNaN: true }), fc.double({ min: 10, max: 20_000, noNaN: true }));
  // The map zooms between 0.05 and 2.5: one move changes the view's width at most fiftyfold.
  const zoomBy = fc.double({ min: 1 / 50, max: 50, noNaN: true });

  it('follows d3’s path between any two views, and takes as long', () => {
    // Moves of every size, down to almost none (where both paths are ill-conditioned, and d3's is not a number).
    const near = fc.tuple(view, fc.integer({ min: -7, max: 3 }), fc.double({ min: 0, max: 6.3, noNaN: true }), zoomBy);
    const far = fc.tuple(view, view, zoomBy);
    fc.assert(
      fc.property(
        fc.oneof(
          far.map(([a, b, k]) => [a, [b[0], b[1], a[2] * k]] as const),
          near.map(([a, e, angle, k]) => [a, [a[0] + 10 ** e * Math.cos(angle), a[1] + 10 ** e * Math.sin(angle), a[2] * k]] as const),
        ), fc.double({ min: 0, max: 1, noNaN: true }), ([a, b], t) => {
        const mine = interpolateZoom(a, b);
        const theirs = d3Interpolate.interpolateZoom([...a], [...b]);
        // Within a millionth of the view's width: far below a pixel.
        const tolerance = 1e-5 * Math.min(a[2], b[2]);
        const same = (p: number, q: number) => (Number.isNaN(q) ? Number.isNaN(p) : Math.abs(p - q) <= tolerance);
        const here = mine(t);
        const there = theirs(t);
        const sameLength = Number.isFinite(theirs.duration) ? Math.abs(mine.duration - theirs.duration) <= 1e-9 * Math.max(1, theirs.duration) : Object.is(mine.duration, theirs.duration);
        return here.every((v, i) => same(v, there[i]!)) && sameLength;
      }),
      { numRuns: 3000 },
    );
  });

  it('zooms in place when the centre does not move, and starts and ends where it is asked', () => {
    const path = interpolateZoom([100, 50, 800], [100, 50, 200]);
    expect(path(0)).toEqual([100, 50, 800]);
    expect(path(0.5)[2]).toBeCloseTo(400, 6);
    expect(path(1)[2]).toBeCloseTo(200, 6);
    const far = interpolateZoom([0, 0, 100], [3000, 0, 100]);
    expect(far(0)[0]).toBeCloseTo(0, 6);
    expect(far(1)[0]).toBeCloseTo(3000, 6);
    // Far moves zoom out on the way.
    expect(far(0.5)[2]).toBeGreaterThan(100);
  });

  it('interpolate goes in a straight line', () => {
    expect(interpolate([0, 10, 100], [10, 30, 200])(0.25)).toEqual([2.5, 15, 125]);
  });
});

describe('animated moves of d3-zoom', () => {
  let now = 0;
  let frames = new Map<number, FrameRequestCallback>();
  let nextFrame = 0;
  /** Runs the frames asked for, `ms` later. */
  const frame = (ms = 16) => {
    now += ms;
    const due = frames;
    frames = new Map();
    for (const f of due.values()) f(now);
  };

  beforeEach(() => {
    now = 1000;
    frames = new Map();
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => {
      frames.set(++nextFrame, f);
      return nextFrame;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  const setUp = () => {
    const node = document.createElement('div');
    document.body.append(node);
    const events: string[] = [];
    const behaviour = zoom<HTMLDivElement, unknown>()
      .extent([
        [0, 0],
        [1000, 800],
      ])
      .on('start', () => events.push('start'))
      .on('zoom', () => events.push('zoom'))
      .on('end', () => events.push('end'));
    const sel = select(node);
    sel.call(behaviour);
    const at = () => (node as unknown as { __zoom: ZoomTransform }).__zoom;
    return { node, sel, behaviour, events, at };
  };
  const target = zoomIdentity.translate(-400, -300).scale(2);

  it('moves over the duration, eased, and ends exactly where it was sent; the end is heard once', () => {
    const { sel, behaviour, events, at } = setUp();
    const ended = vi.fn();
    behaviour.transform(sel.transition().duration(300).on('end', ended), target);
    // Nothing before the next frame.
    expect(events).toEqual([]);
    frame();
    expect(events).toEqual(['start', 'zoom']);
    const ks: number[] = [];
    for (let i = 0; i < 30 && !ended.mock.calls.length; i++) {
      frame(16);
      ks.push(at().k);
    }
    expect(ended).toHaveBeenCalledTimes(1);
    expect(at()).toEqual(target);
    expect(events.at(-1)).toBe('end');
    expect(events.filter((e) => e === 'start')).toHaveLength(1);
    // Over about 300 ms: 19 frames of 16 ms, the scale rising all the way.
    expect(ks.length).toBe(19);
    expect(ks.every((k, i) => i === 0 || k >= ks[i - 1]!)).toBe(true);
    // Eased: slow at first.
    expect(ks[0]! - 1).toBeLessThan((2 - 1) / 19);
  });

  it('a new move interrupts the one under way: both gestures end, and the second one wins', () => {
    const { sel, behaviour, events, at } = setUp();
    const first = vi.fn();
    const second = vi.fn();
    behaviour.transform(sel.transition().duration(300).on('end', first), target);
    frame();
    frame(100);
    const other = zoomIdentity.translate(50, 20).scale(0.5);
    behaviour.transform(sel.transition().duration(200).on('end', second), other);
    for (let i = 0; i < 20; i++) frame(16);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(at()).toEqual(other);
    // d3-zoom counts gestures: each start has its end.
    expect(events.filter((e) => e === 'start').length).toBe(events.filter((e) => e === 'end').length);
    expect(events.at(-1)).toBe('end');
  });

  it('a wheel or a press stops it where it is (interrupt): the gesture ends, no end of the move', () => {
    const { node, sel, behaviour, events, at } = setUp();
    const ended = vi.fn();
    behaviour.transform(sel.transition().duration(300).on('end', ended), target);
    frame();
    frame(100);
    const midway = at();
    interrupt(node);
    for (let i = 0; i < 20; i++) frame(16);
    expect(ended).not.toHaveBeenCalled();
    expect(at()).toEqual(midway);
    expect(events.at(-1)).toBe('end');
    expect(events.filter((e) => e === 'start')).toHaveLength(1);
    expect(events.filter((e) => e === 'end')).toHaveLength(1);
    // selection.interrupt(), as zoom.transform without a transition calls it: the same.
    behaviour.transform(sel.transition().duration(300), target);
    frame();
    sel.interrupt();
    expect(events.filter((e) => e === 'start').length).toBe(events.filter((e) => e === 'end').length);
  });

  it('d3-zoom’s own interrupt, on a wheel turn, stops the move under way', () => {
    const { node, sel, behaviour, at } = setUp();
    const ended = vi.fn();
    behaviour.transform(sel.transition().duration(300).on('end', ended), target);
    frame();
    frame(100);
    node.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, clientX: 500, clientY: 400, bubbles: true, cancelable: true }));
    const wheeled = at();
    for (let i = 0; i < 20; i++) frame(16);
    expect(ended).not.toHaveBeenCalled();
    expect(at()).toEqual(wheeled);
    expect(at().k).not.toBe(target.k);
  });

  it('a move stopped before its first frame never begins', () => {
    const { node, sel, behaviour, events, at } = setUp();
    const ended = vi.fn();
    behaviour.transform(sel.transition().duration(300).on('end', ended), target);
    interrupt(node);
    for (let i = 0; i < 30; i++) frame(16);
    expect(events).toEqual([]);
    expect(ended).not.toHaveBeenCalled();
    expect(at()).toEqual(zoomIdentity);
  });

  it('a move without a duration is made at once, with no frame', () => {
    const { sel, behaviour, events, at } = setUp();
    behaviour.transform(sel, target);
    expect(at()).toEqual(target);
    expect(events).toEqual(['start', 'zoom', 'end']);
  });

  it('listeners by name replace each other, and several names are heard apart', () => {
    const { sel } = setUp();
    const heard: string[] = [];
    const t = sel.transition().duration(32);
    t.on('end.a', () => heard.push('a1'));
    t.on('end.a', () => heard.push('a2'));
    t.on('end.b start.b', () => heard.push('b'));
    for (let i = 0; i < 5; i++) frame(16);
    expect(heard).toEqual(['b', 'a2', 'b']);
  });
});
