/**
 * The last step of the layered engine: how many bands (or segments) to fold into, so that the page this
 * component shares with the rest of the map comes out nearest the shape asked for. Lanes, and the room
 * squeezed out of bands, are not known before the coordinates, so the count is chosen by an estimate (the
 * plan's size) first, then measured: one more or one fewer while that comes nearer.
 */
import type { ComponentLayout, EngineOptions } from '../types';
import type { Plan } from './bands';

export const MAX_BANDS = 64;
/** A drawing this near the aim (a tenth of the ratio either way) is not measured against another band count. */
const CLOSE_ENOUGH = Math.log(1.1);

/**
 * The shape (width:height) of the page a component of this size makes with `rest` square pixels of the rest
 * of the map, packed as pack.ts does: rows as wide as the page's shape asks for (or as this component, if
 * wider), the rest in columns beside this component up to its height, and what does not fit there in rows
 * below.
 */
export function pageAspect(width: number, height: number, rest: number, aim: number): number {
  const row = Math.max(width, Math.sqrt((width * height + rest) * aim));
  const beside = (row - width) * height;
  return rest <= beside ? (width + rest / height) / height : row / (height + (rest - beside) / row);
}

/** How far a page's shape is from the aim; any shape within 1:2 to 2:1 beats every shape outside it. */
export const miss = (aspect: number, aim: number) => Math.abs(Math.log(aspect / aim)) + (aspect < 0.5 || aspect > 2 ? 10 : 0);

export interface ShapeChoice {
  /** A plan for this many bands (stage 3). */
  plan(bands: number): Plan;
  /** The layout of a plan, folded across into its bands, or along into `segments` (stages 4 to 6). */
  build(plan: Plan, segments?: number): ComponentLayout;
  lr: boolean;
  /** Room between bands side by side. */
  gutter: number;
  options: EngineOptions & { bands?: number; segments?: number };
}

/** The layout, folded into the count of bands or segments that comes nearest the aim, or the count given. */
export function chooseLayout(ranks: number, c: ShapeChoice): ComponentLayout {
  const { lr, options } = c;
  const aim = options.aspect;
  const page = (width: number, height: number) => pageAspect(width, height, options.rest ?? 0, aim);
  const measured = (l: ComponentLayout) => miss(page(l.width, l.height), aim);
  const planned = (along: number, across: number) => (lr ? page(along, across) : page(across, along));
  if (options.bands !== undefined) return c.build(c.plan(Math.max(1, Math.min(MAX_BANDS, options.bands))));
  if (options.segments !== undefined) return c.build(c.plan(1), Math.max(1, Math.min(ranks, options.segments)));

  const one = c.plan(1);
  const tooLong = lr ? planned(one.along, one.across) > aim : planned(one.along, one.across) < aim;
  if (tooLong) {
    // Segments: along, each about 1/s of the strip; across, s strips side by side.
    const estimate = (s: number) => planned(one.along / s, s * one.across + (s - 1) * c.gutter);
    let segments = 1;
    while (segments < ranks && miss(estimate(segments + 1), aim) < miss(estimate(segments), aim)) segments++;
    let best = c.build(one, segments);
    for (let step = 0; step < 2 && measured(best) > CLOSE_ENOUGH; step++) {
      const wider = page(best.width, best.height) < aim;
      const s = segments + (wider === lr ? -1 : 1);
      if (s < 1 || s > ranks) break;
      const next = c.build(one, s);
      if (measured(next) >= measured(best)) break;
      best = next;
      segments = s;
    }
    return best;
  }
  let chosen = one;
  for (let b = 2; b <= MAX_BANDS; b++) {
    const next = c.plan(b);
    if (miss(planned(next.along, next.across), aim) >= miss(planned(chosen.along, chosen.across), aim)) break;
    chosen = next;
  }
  let best = c.build(chosen);
  for (let step = 0; step < 2 && measured(best) > CLOSE_ENOUGH; step++) {
    const wider = page(best.width, best.height) < aim;
    const b = chosen.bands + (wider === lr ? 1 : -1);
    if (b < 1 || b > MAX_BANDS) break;
    const other = c.plan(b);
    const next = c.build(other);
    if (measured(next) >= measured(best)) break;
    best = next;
    chosen = other;
  }
  return best;
}
