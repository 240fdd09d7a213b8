/**
 * Stage 5 of the layered engine, routes, in strip coordinates: a link between ranks runs out of its block to
 * the rank's far side, through the gap of a dummy on every rank it passes, and into the other block from the
 * near side; a link within one rank runs as a bracket in a lane beside the rank, nested ones inside the ones
 * that contain them.
 */
import type { Point } from '../../../model';
import type { Block, Placed, Rect } from '../../blocks';
import { type Geometry, at2, leave, portCross, simplify } from '../../routes';
import type { Pair } from '../types';
import { LANE_START, LANE_STEP, type RankSpans } from './coordinates';
import type { Chain } from './ranks';

/** Where the strip's blocks are: by rank (along) and cross coordinate, and which are turned half a turn. */
export interface StripPlaces {
  lr: boolean;
  blocks: readonly Block[];
  indexOf: ReadonlyMap<string, number>;
  itemAt: ReadonlyMap<string, Placed>;
  rank: readonly number[];
  y: Float64Array;
  spans: RankSpans;
  /** Whether node v lies in a turned band (or segment). */
  turned(v: number): boolean;
}

/** A node's top-left corner in the strip. */
export const stripAt = (p: StripPlaces, v: number): Point => at2(p.lr, p.spans.lo[p.rank[v]!]!, p.y[v]!);

export function stripGeometry(p: StripPlaces): Geometry {
  return {
    blockRect: (assetId) => {
      const v = p.indexOf.get(assetId)!;
      const at = stripAt(p, v);
      return { x: at.x, y: at.y, w: p.blocks[v]!.width, h: p.blocks[v]!.height };
    },
    rectOf: (id, assetId) => {
      const v = p.indexOf.get(assetId);
      if (v === undefined) return undefined;
      const b = p.blocks[v]!;
      const at = stripAt(p, v);
      const inner: Rect | undefined = id === assetId ? { x: 0, y: 0, w: b.assetSize.width, h: b.assetSize.height } : p.itemAt.get(id);
      if (!inner) return undefined;
      if (!p.turned(v)) return { x: at.x + inner.x, y: at.y + inner.y, w: inner.w, h: inner.h };
      // A turned block's items sit mirrored in both axes, in strip coordinates; in LR it is drawn mirrored
      // left to right as well (see ComponentLayout.mirrored), which leaves them mirrored across only.
      const y0 = at.y + b.height - inner.y - inner.h;
      return p.lr ? { x: at.x + inner.x, y: y0, w: inner.w, h: inner.h } : { x: at.x + b.width - inner.x - inner.w, y: y0, w: inner.w, h: inner.h };
    },
    turned: (assetId) => p.turned(p.indexOf.get(assetId)!),
  };
}

/** A pair within one rank, its span across (between the ports of its first link), and its lane. */
export interface Bracket {
  pair: Pair;
  lo: number;
  hi: number;
  /** 0 nearest the rank's blocks. */
  lane: number;
}

/**
 * The brackets of each rank, with lanes: a bracket takes the lane past every shorter one it overlaps, so that
 * nested brackets sit inside those that contain them. Only cross coordinates are read.
 */
export function nestBrackets(flats: readonly Pair[], rankOfAsset: (assetId: string) => number, geo: Geometry, lr: boolean): Map<number, Bracket[]> {
  const brackets = new Map<number, Bracket[]>();
  for (const p of flats) {
    const r = rankOfAsset(p.tail);
    const l = p.links[0]!;
    const ends = [portCross(geo, l.from, l.fromAsset, lr), portCross(geo, l.to, l.toAsset, lr)];
    let list = brackets.get(r);
    if (!list) brackets.set(r, (list = []));
    list.push({ pair: p, lo: Math.min(...ends), hi: Math.max(...ends), lane: 0 });
  }
  for (const list of brackets.values()) {
    list.sort((a, b) => a.hi - a.lo - (b.hi - b.lo) || a.lo - b.lo);
    list.forEach((br, i) => {
      for (let j = 0; j < i; j++) {
        const o = list[j]!;
        if (o.lo <= br.hi && br.lo <= o.hi) br.lane = Math.max(br.lane, o.lane + 1);
      }
    });
  }
  return brackets;
}

/** How many lanes the brackets of a rank take. */
export const laneCount = (list: readonly Bracket[]) => list.reduce((count, br) => Math.max(count, br.lane + 1), 0);

/** Every link's route in strip coordinates, keyed by the link's id: chains first, then brackets. */
export function stripRoutes(p: StripPlaces, chains: readonly Chain[], brackets: ReadonlyMap<number, Bracket[]>): Record<string, Point[]> {
  const geo = stripGeometry(p);
  const { lr, spans } = p;
  const strip: Record<string, Point[]> = {};
  for (const c of chains) {
    const path: Point[] = [];
    for (const d of c.dummies) path.push(at2(lr, spans.lo[p.rank[d]!]!, p.y[d]!), at2(lr, spans.exitAt(p.rank[d]!), p.y[d]!));
    const lowId = p.blocks[c.low]!.asset.id;
    const highId = p.blocks[c.high]!.asset.id;
    for (const l of c.pair.links) {
      const fromIsLow = l.fromAsset === lowId;
      const [lowNode, highNode] = fromIsLow ? [l.from, l.to] : [l.to, l.from];
      const a = leave(geo, lowNode, lowId, spans.exitAt(p.rank[c.low]!), lr);
      const b = leave(geo, highNode, highId, spans.lo[p.rank[c.high]!]!, lr, true);
      if (!a || !b) continue;
      const route = simplify([...a, ...path, ...b.reverse()]);
      strip[l.id] = fromIsLow ? route : route.reverse();
    }
  }
  for (const [r, list] of brackets) {
    for (const br of list) {
      const lane = spans.hi(r) + LANE_START + br.lane * LANE_STEP;
      for (const l of br.pair.links) {
        const a = leave(geo, l.from, l.fromAsset, lane, lr);
        const b = leave(geo, l.to, l.toAsset, lane, lr);
        if (a && b) strip[l.id] = simplify([...a, ...b.reverse()]);
      }
    }
  }
  return strip;
}
