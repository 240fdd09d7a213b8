/**
 * The animated viewport moves (zoom in and out, Fit, centring on a found asset, Present's slides) for React Flow's
 * d3-zoom, in place of d3-transition. The build resolves `d3-transition` here (vite.config.ts).
 *
 * d3-transition animates any attribute or style, and so brings d3's colour, string and transform interpolators
 * and its timer, which the app's first view paid for (about 10 kB of gzip) to move one thing: the viewport. What
 * d3-zoom and React Flow use of it is small, and this is that much:
 * - `selection.transition()` with `duration`, `ease`, `on` (the `start`, `end` and `interrupt` events, names
 *   after a dot as in d3, several space-separated), `tween`, `call` and `selection`;
 * - `selection.interrupt()` and `interrupt(node)`, which a wheel, a press or a touch on the map calls to stop an
 *   animation under way.
 *
 * It keeps d3-transition's order of events, which d3-zoom's gesture counting depends on: a transition starts
 * at the next animation frame; starting, it interrupts the one running on the same element (that one hears
 * `interrupt`) and drops any older one not yet started; it says `start`, then makes its tweens and runs them
 * with the eased time each frame, the last frame at exactly 1; then it says `end`. Transitions are per element
 * and per name, as in d3.
 */
import { type BaseType, selection as d3Selection, type TransitionLike, type ValueFn } from 'd3-selection';

/** A selection's animation, as d3-zoom and React Flow use it. */
export interface ViewTransition<GElement extends BaseType, Datum> extends TransitionLike<GElement, Datum> {
  duration(ms: number): this;
  ease(fn: (t: number) => number): this;
  on(typenames: string, listener: ValueFn<GElement, Datum, void> | null): this;
}

declare module 'd3-selection' {
  interface Selection<GElement extends BaseType, Datum, PElement extends BaseType, PDatum> {
    transition(name?: string | null): ViewTransition<GElement, Datum>;
    interrupt(name?: string | null): this;
  }
}

type Listener = (this: Element, ...args: unknown[]) => void;
type Tween = (t: number) => void;
type TweenFactory = (this: Element, ...args: unknown[]) => Tween | null | undefined;

interface D3Selection {
  each(fn: (this: Element, d: unknown, i: number, group: ArrayLike<Element>) => void): D3Selection;
}

/** One element's run of a transition. */
interface Run {
  id: number;
  started: boolean;
  stop(): void;
  hear(type: 'start' | 'end' | 'interrupt' | 'cancel'): void;
}

const runs = new WeakMap<Element, Map<string, Run[]>>();
let nextId = 0;

const defaultEase = (t: number) => ((t *= 2) <= 1 ? t * t * t : (t -= 2) * t * t + 2) / 2;

function runsOf(node: Element, name: string): Run[] {
  let byName = runs.get(node);
  if (!byName) runs.set(node, (byName = new Map()));
  let list = byName.get(name);
  if (!list) byName.set(name, (list = []));
  return list;
}

function forget(node: Element, name: string, run: Run) {
  const list = runs.get(node)?.get(name);
  const at = list?.indexOf(run) ?? -1;
  if (list && at >= 0) list.splice(at, 1);
}

/**
 * Stops the transitions of this name on the element: one under way hears `interrupt`, one not yet started
 * `cancel` (as in d3).
 */
export function interrupt(node: Element, name?: string | null): void {
  const list = runs.get(node)?.get(name ?? '');
  if (!list) return;
  for (const run of list.splice(0)) {
    run.stop();
    run.hear(run.started ? 'interrupt' : 'cancel');
  }
}

class Transition {
  private ms = 250;
  private easing: (t: number) => number = defaultEase;
  private readonly listeners = new Map<string, { type: string; fn: Listener }>();
  private readonly tweens = new Map<string, TweenFactory>();

  constructor(
    private readonly target: D3Selection,
    private readonly name: string,
  ) {
    const id = ++nextId;
    const self = this;
    target.each(function (d, i, group) {
      self.schedule(this, id, [d, i, group]);
    });
  }

  duration(ms: number): this {
    this.ms = Math.max(0, +ms);
    return this;
  }

  ease(fn: (t: number) => number): this {
    this.easing = fn;
    return this;
  }

  /** Listens for `start`, `end`, `interrupt` or `cancel`; "end.zoom interrupt.zoom" names two; null removes. */
  on(typenames: string, fn: Listener | null): this {
    for (const typename of typenames.trim().split(/\s+/)) {
      const type = typename.split('.')[0]!;
      if (fn) this.listeners.set(typename, { type, fn });
      else this.listeners.delete(typename);
    }
    return this;
  }

  tween(name: string, factory: TweenFactory | null): this {
    if (factory) this.tweens.set(name, factory);
    else this.tweens.delete(name);
    return this;
  }

  call<A extends unknown[]>(fn: (t: this, ...args: A) => void, ...args: A): this {
    fn(this, ...args);
    return this;
  }

  selection(): D3Selection {
    return this.target;
  }

  private schedule(node: Element, id: number, args: unknown[]) {
    let frame = requestAnimationFrame(() => begin());
    let startedAt = 0;
    let ticks: Tween[] = [];
    const hear = (type: string) => {
      for (const l of [...this.listeners.values()]) if (l.type === type) l.fn.apply(node, args);
    };
    const run: Run = { id, started: false, stop: () => cancelAnimationFrame(frame), hear };
    const list = runsOf(node, this.name);
    list.push(run);

    const begin = () => {
      // The one under way on this element is interrupted; older ones not yet started are dropped.
      for (const other of [...list]) {
        if (other === run) continue;
        if (other.started) {
          forget(node, this.name, other);
          other.stop();
          other.hear('interrupt');
        } else if (other.id < id) {
          forget(node, this.name, other);
          other.stop();
          other.hear('cancel');
        }
      }
      run.started = true;
      hear('start');
      // A `start` listener may have stopped it.
      if (!list.includes(run)) return;
      ticks = [...this.tweens.values()].map((f) => f.apply(node, args)).filter((t): t is Tween => typeof t === 'function');
      startedAt = performance.now();
      tick(startedAt);
    };
    const tick = (now: number) => {
      const t = this.ms > 0 ? Math.min(1, Math.max(0, now - startedAt) / this.ms) : 1;
      const eased = t >= 1 ? 1 : this.easing(t);
      for (const f of ticks) f(eased);
      if (!list.includes(run)) return;
      if (t >= 1) {
        forget(node, this.name, run);
        hear('end');
        return;
      }
      frame = requestAnimationFrame(tick);
    };
  }
}

interface SelectionPrototype {
  transition(this: D3Selection, name?: string | null): Transition;
  interrupt(this: D3Selection, name?: string | null): D3Selection;
}

const proto = (d3Selection as unknown as { prototype: SelectionPrototype }).prototype;
proto.transition = function (name) {
  return new Transition(this, name ?? '');
};
proto.interrupt = function (name) {
  return this.each(function (this: Element) {
    interrupt(this, name);
  });
};
