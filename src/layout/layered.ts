/**
 * Large components: a layered drawing of our own (no dagre), folded into bands so that it comes out about the
 * shape asked for, instead of a strip dozens of times longer than wide.
 *
 * How, and why (figures in BENCHMARKS.md):
 * - Ranks are breadth-first levels (levels.ts). A link joins neighbouring levels, stays within one (a bracket
 *   in lanes beside the rank), or, where the width bound pushed a block further, passes the levels between
 *   through gaps (a dummy node on each).
 * - Within ranks, orderLayers (crossings.ts) orders blocks and dummies to reduce crossings.
 * - The levels of a map whose links run across everything are few and fat: drawn as they are, they make a
 *   long strip. So the strip is cut across its length into bands laid side by side, every other one turned
 *   half a turn, like a snake: where a band ends the next begins beside it, and a route that crosses a cut runs
 *   round the ends of the two bands in a U. The U's of one cut nest (the one nearer the inside of the turn
 *   takes the inner lane), so they cross nothing, and every other crossing is one the strip had: folding
 *   changes the shape, not the crossings (fold.ts). A turned band keeps its blocks upright; only their places
 *   turn, and the sides their links leave from. In LR those blocks are drawn mirrored, connectors on the right,
 *   so that links leaving to the left do not cross them.
 * - A strip too long the other way (many thin levels: local links, a chain) is folded between ranks instead.
 * - A rank takes as few bands as hold it, and within a band only the room its blocks there need: a thin rank
 *   costs room in one band, not in all.
 * - Across, each rank's run in a band is spread, then pulled towards its neighbours (isotonic regression with
 *   the spacing as constraint, by pool-adjacent-violators) so that routes run straighter. Crossings between
 *   neighbouring ranks depend on the order alone, not on these coordinates.
 * - The number of bands (or segments) is the one whose page comes nearest the aspect ratio asked for: the
 *   best count by an estimate, then measured against a neighbouring count while that comes nearer.
 *
 * Works in strip coordinates first (along the ranks x in LR, y in TB; across, the other), then folds.
 */
import type { LayoutDirection, Point } from '../model';
import { orderLayers } from './crossings';
import { type Block, type Placed, type Rect, extentOf } from './blocks';
import { dissolveThinEnds, levelsOf } from './levels';
import { type CutAxis, type Stop, bandAt, folder, stopsOf } from './fold';
import { type Geometry, at2, leave, portCross, simplify } from './routes';

/** A link between two blocks: a relationship or "supports" edge of the document. */
export interface LinkEdge {
  id: string;
  /** The node the edge is drawn from (an asset, or a strength for "supports"). */
  from: string;
  to: string;
  fromAsset: string;
  toAsset: string;
}

/** The links between two blocks, drawn along one channel. */
export interface Pair {
  tail: string;
  head: string;
  links: LinkEdge[];
}

export interface ComponentLayout {
  /** Block positions (top-left) inside the component, which starts at 0,0. */
  at: Map<string, Point>;
  routes: Record<string, Point[]>;
  width: number;
  height: number;
  /**
   * Blocks drawn mirrored left to right (mirrorBlock): in LR, those of turned bands, whose links leave to the
   * left. Their tree connectors then stand on the right, out of those links' way.
   */
  mirrored?: Set<string>;
}

export interface LayeredOptions {
  direction: LayoutDirection;
  spacing: number;
  /** The width:height the page (this component, the rest beside it) should come nearest to. */
  aspect: number;
  /** Blocks a level may hold, as a multiple of the square root of the block count (LEVEL_WIDTH). */
  levelWidth?: number;
  /** Square pixels of the rest of the map, to be packed beside this component (pack.ts). */
  rest?: number;
  /** Fold into exactly this many bands instead of choosing by `aspect`. */
  bands?: number;
  /** Fold the ranks into exactly this many segments instead (and no bands). */
  segments?: number;
}

/** Sweeps of the ordering heuristic per start; the best order seen is kept. */
const MAX_SWEEPS = 16;
/**
 * At most this many times the square root of the block count in one level. Measured on generated maps of 500
 * to 2,000 assets: from 2 to 12 the crossings stay within a few percent; below 2 they grow (long links), and
 * above 4 the ranks get so fat and few that the drawing wastes room.
 */
const LEVEL_WIDTH = 3;
/**
 * Levels at either end with fewer blocks than this give up those whose links allow it (dissolveThinEnds).
 * Measured on generated maps: 3 takes 5% off the drawing's area for no more crossings; more than that moves
 * enough blocks into the full ranks to add crossings (a third more at 100 assets with 6).
 */
const THIN_LEVEL = 3;
/** Space between two routes passing a rank side by side, as dagre's edgesep. */
const EDGE_SEP = 12;
/** Lanes for brackets beside a rank: the first this far from the rank's blocks, then one every LANE_STEP. */
const LANE_START = 12;
const LANE_STEP = 8;
/** Lanes of the U's round the ends of bands: the first this far past the band's end, then one every U_STEP. */
const U_START = 16;
const U_STEP = 5;
/** Passes of pulling blocks towards their neighbours. */
const ALIGN_SWEEPS = 4;
const MAX_BANDS = 64;
/** A drawing this near the aim (a tenth of the ratio either way) is not measured against another band count. */
const CLOSE_ENOUGH = Math.log(1.1);

/** How a rank's members are shared among bands, for one number of bands. */
interface Plan {
  bands: number;
  /** Room across for a band's content. */
  height: number;
  /** runs[rank][band]: the members of the rank in that band, in order. */
  runs: number[][][];
  bandOf: Int32Array;
  /** Estimated size of the folded drawing, along and across. */
  along: number;
  across: number;
}

export function layoutLayered(blocks: Block[], pairs: Pair[], itemAt: Map<string, Placed>, options: LayeredOptions): ComponentLayout {
  const lr = options.direction === 'LR';
  const spacing = options.spacing;
  const corridor = spacing * 1.5;
  const margin = spacing / 2;
  const gutter = spacing * 2;
  const n = blocks.length;
  const indexOf = new Map(blocks.map((b, i) => [b.asset.id, i]));
  const alongSize = (b: Block) => Math.ceil(lr ? b.width : b.height);
  const crossSize = (b: Block) => Math.ceil(lr ? b.height : b.width);

  // Levels, and the layered graph: blocks 0..n-1, then a dummy on each level a link passes.
  const maxWidth = Math.ceil((options.levelWidth ?? LEVEL_WIDTH) * Math.sqrt(n));
  const ends = pairs.map((p): [number, number] => [indexOf.get(p.tail)!, indexOf.get(p.head)!]);
  const level = dissolveThinEnds(levelsOf(n, ends, maxWidth), ends, THIN_LEVEL);
  const rank: number[] = Array.from(level);
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  const flat = { a: [] as number[], b: [] as number[], weight: [] as number[] };
  const chains: { pair: Pair; low: number; high: number; dummies: number[] }[] = [];
  const flats: Pair[] = [];
  for (const p of pairs) {
    let low = indexOf.get(p.tail)!;
    let high = indexOf.get(p.head)!;
    const w = p.links.length;
    if (level[low] === level[high]) {
      flats.push(p);
      flat.a.push(low);
      flat.b.push(high);
      flat.weight.push(w);
      continue;
    }
    if (level[low]! > level[high]!) [low, high] = [high, low];
    const dummies: number[] = [];
    let prev = low;
    for (let r = level[low]! + 1; r < level[high]!; r++) {
      const d = rank.length;
      rank.push(r);
      dummies.push(d);
      from.push(prev);
      to.push(d);
      weight.push(w);
      prev = d;
    }
    from.push(prev);
    to.push(high);
    weight.push(w);
    chains.push({ pair: p, low, high, dummies });
  }
  const total = rank.length;
  const restarts = n <= 200 ? 8 : n <= 1200 ? 4 : 2;
  const { layers } = orderLayers({ rank, from, to, weight, flat }, { maxSweeps: MAX_SWEEPS, restarts });
  const ranks = layers.length;
  const neighbours: number[][] = Array.from({ length: total }, () => []);
  const neighbourWeight: number[][] = Array.from({ length: total }, () => []);
  for (let i = 0; i < from.length; i++) {
    neighbours[from[i]!]!.push(to[i]!);
    neighbourWeight[from[i]!]!.push(weight[i]!);
    neighbours[to[i]!]!.push(from[i]!);
    neighbourWeight[to[i]!]!.push(weight[i]!);
  }

  // Across: sizes, and the space two neighbours in a rank keep between them.
  const size = new Float64Array(total);
  for (let v = 0; v < n; v++) size[v] = crossSize(blocks[v]!);
  const sep = (u: number, v: number) => (u < n && v < n ? spacing : u < n || v < n ? (spacing + EDGE_SEP) / 2 : EDGE_SEP);
  const extent = (run: number[]) => {
    let e = 0;
    run.forEach((v, i) => (e += size[v]! + (i > 0 ? sep(run[i - 1]!, v) : 0)));
    return e;
  };
  let longest = 0;
  let biggest = 0;
  for (const layer of layers) {
    longest = Math.max(longest, extent(layer));
    for (const v of layer) biggest = Math.max(biggest, size[v]!);
  }
  /** Greedy runs of at most `height` each, at most `count` of them (the last takes the rest). */
  const greedy = (layer: number[], count: number, height: number) => {
    const out: number[][] = Array.from({ length: count }, () => []);
    let k = 0;
    let run = -1;
    layer.forEach((v, i) => {
      const grown = run < 0 ? size[v]! : run + sep(layer[i - 1]!, v) + size[v]!;
      if (grown <= height || run < 0) run = grown;
      else {
        k++;
        run = size[v]!;
      }
      out[Math.min(k, count - 1)]!.push(v);
    });
    return out;
  };
  /** Runs in proportion to where members sit in the rank, too-long ones passing members on; else greedy. */
  const proportional = (layer: number[], count: number, height: number) => {
    const out: number[][] = Array.from({ length: count }, () => []);
    const whole = Math.max(extent(layer), 1);
    let at = 0;
    layer.forEach((v, i) => {
      if (i > 0) at += sep(layer[i - 1]!, v);
      out[Math.min(count - 1, Math.floor(((at + size[v]! / 2) / whole) * count))]!.push(v);
      at += size[v]!;
    });
    for (let k = 0; k + 1 < count; k++) while (out[k]!.length > 1 && extent(out[k]!) > height) out[k + 1]!.unshift(out[k]!.pop()!);
    for (let k = count - 1; k > 0; k--) while (out[k]!.length > 1 && extent(out[k]!) > height) out[k - 1]!.push(out[k]!.shift()!);
    return out.some((run) => extent(run) > height) ? greedy(layer, count, height) : out;
  };
  const rankAlong = new Float64Array(ranks);
  for (let v = 0; v < n; v++) rankAlong[rank[v]!] = Math.max(rankAlong[rank[v]!]!, alongSize(blocks[v]!));
  const byExtent = layers.map((_, r) => r).sort((a, b) => extent(layers[b]!) - extent(layers[a]!) || a - b);

  const plan = (bands: number): Plan => {
    // The least height that holds every rank in `bands` runs.
    const fits = (h: number) => layers.every((layer) => extent(greedy(layer, bands, h).at(-1)!) <= h);
    let lo = Math.max(biggest, longest / bands);
    let hi = longest;
    if (!fits(lo)) {
      for (let it = 0; it < 30 && hi - lo > 1; it++) {
        const mid = (lo + hi) / 2;
        if (fits(mid)) hi = mid;
        else lo = mid;
      }
      lo = hi;
    }
    const height = Math.ceil(lo);
    // Each rank into as few bands as hold it, side by side, fat ranks first; a thinner one takes the bands
    // nearest its members' placed neighbours (or their place in the rank).
    const bandOf = new Int32Array(total).fill(-1);
    const runs: number[][][] = layers.map(() => Array.from({ length: bands }, () => []));
    for (const r of byExtent) {
      const layer = layers[r]!;
      if (!layer.length) continue;
      const need = greedy(layer, bands, height).filter((run) => run.length).length;
      let first = 0;
      if (need < bands) {
        const whole = Math.max(extent(layer), 1);
        let at = 0;
        const want = layer.map((v, i) => {
          if (i > 0) at += sep(layer[i - 1]!, v);
          const mid = at + size[v]! / 2;
          at += size[v]!;
          let sum = 0;
          let w = 0;
          neighbours[v]!.forEach((u, j) => {
            if (bandOf[u]! < 0) return;
            sum += neighbourWeight[v]![j]! * bandOf[u]!;
            w += neighbourWeight[v]![j]!;
          });
          return w > 0 ? sum / w : (mid / whole) * bands - 0.5;
        });
        let best = Infinity;
        for (let s = 0; s + need <= bands; s++) {
          let cost = 0;
          for (const x of want) cost += x < s ? s - x : x > s + need - 1 ? x - (s + need - 1) : 0;
          if (cost < best) {
            best = cost;
            first = s;
          }
        }
      }
      proportional(layer, need, height).forEach((run, k) => {
        runs[r]![first + k] = run;
        for (const v of run) bandOf[v] = first + k;
      });
    }
    // The size this would fold to: each band as long as the ranks it holds, and the U's past its ends.
    let along = (bands - 1) * gutter;
    for (let k = 0; k < bands; k++) {
      for (let r = 0; r < ranks; r++) {
        let wide = 0;
        for (const v of runs[r]![k]!) if (v < n) wide = Math.max(wide, alongSize(blocks[v]!));
        along += wide + (runs[r]![k]!.length && r + 1 < ranks ? corridor : 0);
      }
    }
    const crossing = new Float64Array(bands + 1);
    for (let i = 0; i < from.length; i++) {
      const [a, b] = [bandOf[from[i]!]!, bandOf[to[i]!]!].sort((x, y) => x - y);
      for (let c = a! + 1; c <= b!; c++) crossing[c]!++;
    }
    let top = 0;
    let bottom = 0;
    crossing.forEach((count, c) => {
      if (!count) return;
      const depth = U_START + count * U_STEP;
      if (c % 2 === 1) bottom = Math.max(bottom, depth);
      else top = Math.max(top, depth);
    });
    return { bands, height, runs, bandOf, along, across: height + 2 * margin + top + bottom };
  };

  /**
   * The layout for a plan, folded into its bands, or (segments > 1, with a one-band plan) with its ranks
   * folded into that many segments instead: the same snake the other way, for a strip too long along (many
   * thin levels, as a map whose links join near neighbours makes).
   */
  const build = (chosen: Plan, segments = 1): ComponentLayout => {
    const { bands, height, runs, bandOf } = chosen;
    const stride = height + 2 * margin;
    // Ranks of each segment: the first rank of segment s is firstRank[s].
    const firstRank = segmentStarts(segments);
    const segmentOf = new Int32Array(ranks);
    for (let s = 0, r = 0; r < ranks; r++) {
      while (s + 1 < segments && firstRank[s + 1]! <= r) s++;
      segmentOf[r] = s;
    }

    // Cross coordinates (top of a block, the line of a dummy), in strip coordinates: band k spans
    // [k·stride, (k+1)·stride), its content inset by the margin. First spread evenly, then pulled.
    const y = new Float64Array(total);
    const base = new Float64Array(total);
    runs.forEach((perBand) =>
      perBand.forEach((run, k) => {
        let b = 0;
        run.forEach((v, i) => {
          if (i > 0) b += sep(run[i - 1]!, v);
          base[v] = b;
          b += size[v]!;
        });
        const step = (height - b) / (run.length + 1);
        run.forEach((v, i) => (y[v] = k * stride + margin + base[v]! + step * (i + 1)));
      }),
    );
    const target = new Float64Array(total);
    const pull = new Float64Array(total);
    for (let sweep = 0; sweep < ALIGN_SWEEPS; sweep++) {
      for (let i = 0; i < ranks; i++) {
        const perBand = runs[sweep % 2 === 0 ? i : ranks - 1 - i]!;
        perBand.forEach((run, k) => {
          if (!run.length) return;
          for (const v of run) {
            let sum = 0;
            let w = 0;
            neighbours[v]!.forEach((u, j) => {
              sum += neighbourWeight[v]![j]! * (y[u]! + size[u]! / 2);
              w += neighbourWeight[v]![j]!;
            });
            // Unlinked members hold their place, lightly.
            target[v] = w > 0 ? sum / w - size[v]! / 2 : y[v]!;
            pull[v] = w > 0 ? w : 0.01;
          }
          const last = run[run.length - 1]!;
          const top = k * stride + margin;
          isotonic(run, (v) => target[v]! - top - base[v]!, pull, 0, height - base[last]! - size[last]!, (v, z) => (y[v] = top + base[v]! + z));
        });
      }
    }
    // Whole pixels: sizes and spacings are whole, so rounding keeps every gap.
    for (let v = 0; v < total; v++) y[v] = Math.round(y[v]!);

    // Along: first without bracket lanes (placing them needs only the cross coordinates), then with.
    const lo = new Float64Array(ranks);
    const lanes = new Float64Array(ranks);
    const placeAlong = () => {
      let a = 0;
      for (let r = 0; r < ranks; r++) {
        lo[r] = a;
        a += rankAlong[r]! + lanes[r]! + corridor;
      }
    };
    placeAlong();
    const hi = (r: number) => lo[r]! + rankAlong[r]!;
    /** Where a route leaving rank r on the far side may start to bend: past the rank's blocks and lanes. */
    const exitAt = (r: number) => hi(r) + lanes[r]!;
    const turned = (v: number) => (bandOf[v]! + segmentOf[rank[v]!]!) % 2 === 1;
    const stripAt = (v: number): Point => at2(lr, lo[rank[v]!]!, y[v]!);
    const geo: Geometry = {
      blockRect: (assetId) => {
        const v = indexOf.get(assetId)!;
        const p = stripAt(v);
        return { x: p.x, y: p.y, w: blocks[v]!.width, h: blocks[v]!.height };
      },
      rectOf: (id, assetId) => {
        const v = indexOf.get(assetId);
        if (v === undefined) return undefined;
        const b = blocks[v]!;
        const p = stripAt(v);
        const inner: Rect | undefined = id === assetId ? { x: 0, y: 0, w: b.assetSize.width, h: b.assetSize.height } : itemAt.get(id);
        if (!inner) return undefined;
        if (!turned(v)) return { x: p.x + inner.x, y: p.y + inner.y, w: inner.w, h: inner.h };
        // A turned block's items sit mirrored in both axes, in strip coordinates; in LR it is drawn mirrored
        // left to right as well (see ComponentLayout.mirrored), which leaves them mirrored across only.
        const y0 = p.y + b.height - inner.y - inner.h;
        return lr ? { x: p.x + inner.x, y: y0, w: inner.w, h: inner.h } : { x: p.x + b.width - inner.x - inner.w, y: y0, w: inner.w, h: inner.h };
      },
      turned: (assetId) => turned(indexOf.get(assetId)!),
    };

    // Brackets: lanes beside each rank, nested ones inside the ones that contain them.
    const brackets = new Map<number, { pair: Pair; lo: number; hi: number; lane: number }[]>();
    for (const p of flats) {
      const r = level[indexOf.get(p.tail)!]!;
      const l = p.links[0]!;
      const ends = [portCross(geo, l.from, l.fromAsset, lr), portCross(geo, l.to, l.toAsset, lr)];
      let list = brackets.get(r);
      if (!list) brackets.set(r, (list = []));
      list.push({ pair: p, lo: Math.min(...ends), hi: Math.max(...ends), lane: 0 });
    }
    for (const [r, list] of brackets) {
      list.sort((a, b) => a.hi - a.lo - (b.hi - b.lo) || a.lo - b.lo);
      let count = 0;
      list.forEach((br, i) => {
        for (let j = 0; j < i; j++) {
          const o = list[j]!;
          if (o.lo <= br.hi && br.lo <= o.hi) br.lane = Math.max(br.lane, o.lane + 1);
        }
        count = Math.max(count, br.lane + 1);
      });
      lanes[r] = 2 * LANE_START + (count - 1) * LANE_STEP;
    }
    placeAlong();

    // Routes in strip coordinates.
    const strip: Record<string, Point[]> = {};
    for (const c of chains) {
      const path: Point[] = [];
      for (const d of c.dummies) path.push(at2(lr, lo[rank[d]!]!, y[d]!), at2(lr, exitAt(rank[d]!), y[d]!));
      const lowId = blocks[c.low]!.asset.id;
      const highId = blocks[c.high]!.asset.id;
      for (const l of c.pair.links) {
        const fromIsLow = l.fromAsset === lowId;
        const [lowNode, highNode] = fromIsLow ? [l.from, l.to] : [l.to, l.from];
        const a = leave(geo, lowNode, lowId, exitAt(rank[c.low]!), lr);
        const b = leave(geo, highNode, highId, lo[rank[c.high]!]!, lr, true);
        if (!a || !b) continue;
        const route = simplify([...a, ...path, ...b.reverse()]);
        strip[l.id] = fromIsLow ? route : route.reverse();
      }
    }
    for (const [r, list] of brackets) {
      for (const br of list) {
        const lane = hi(r) + LANE_START + br.lane * LANE_STEP;
        for (const l of br.pair.links) {
          const a = leave(geo, l.from, l.fromAsset, lane, lr);
          const b = leave(geo, l.to, l.toAsset, lane, lr);
          if (a && b) strip[l.id] = simplify([...a, ...b.reverse()]);
        }
      }
    }

    const stripEnd = exitAt(ranks - 1);
    const fold =
      segments > 1
        ? foldAlong(segments, firstRank, y, lo, exitAt, stripEnd, strip)
        : foldAcross(bands, stride, bandOf, lo, hi, exitAt, strip);
    const at = new Map<string, Point>();
    for (let v = 0; v < n; v++) {
      const b = blocks[v]!;
      at.set(b.asset.id, fold.folder.box(stripAt(v), b.width, b.height, segments > 1 ? segmentOf[rank[v]!]! : bandOf[v]!));
    }
    const routes = fold.folder.routes(fold.stops);
    for (const id of Object.keys(routes)) routes[id] = simplify(routes[id]!);

    // Everything from 0,0.
    const { minX, minY, maxX, maxY } = extentOf(blocks, at, routes);
    for (const [id, p] of at) at.set(id, { x: p.x - minX, y: p.y - minY });
    for (const id of Object.keys(routes)) routes[id] = routes[id]!.map((q) => ({ x: q.x - minX, y: q.y - minY }));
    const mirrored = new Set<string>();
    if (lr) for (let v = 0; v < n; v++) if (turned(v)) mirrored.add(blocks[v]!.asset.id);
    return { at, routes, width: maxX - minX, height: maxY - minY, mirrored };
  };

  /**
   * Folds across (cuts between bands of the cross axis). Along, band by band: a rank's blocks take only the
   * room the widest of them in the band needs; its lanes and the corridor after it take theirs only where a
   * route has a point in them (a route that merely passes runs straight, and shorter). Two ranks with content
   * keep a corridor between them.
   */
  const foldAcross = (
    bands: number,
    stride: number,
    bandOf: Int32Array,
    lo: Float64Array,
    hi: (r: number) => number,
    exitAt: (r: number) => number,
    strip: Record<string, Point[]>,
  ) => {
    const axis: CutAxis = lr ? 'y' : 'x';
    const cuts = Array.from({ length: bands + 1 }, (_, k) => k * stride);
    const stops = new Map<string, Stop[]>();
    for (const [id, pts] of Object.entries(strip)) stops.set(id, stopsOf(pts, axis, cuts));
    const widthIn = Array.from({ length: bands }, () => new Float64Array(ranks));
    const lanesUsed = Array.from({ length: bands }, () => new Uint8Array(ranks));
    const corridorUsed = Array.from({ length: bands }, () => new Uint8Array(ranks));
    for (let v = 0; v < n; v++) {
      const w = widthIn[bandOf[v]!]!;
      w[rank[v]!] = Math.max(w[rank[v]!]!, alongSize(blocks[v]!));
    }
    const rankAt = (a: number) => {
      let l = 0;
      let h = ranks - 1;
      while (l < h) {
        const m = (l + h + 1) >> 1;
        if (lo[m]! <= a) l = m;
        else h = m - 1;
      }
      return l;
    };
    for (const list of stops.values()) {
      for (const s of list) {
        const r = rankAt(s.v);
        if (s.v > hi(r) && s.v < exitAt(r)) lanesUsed[s.band]![r] = 1;
        if (s.v >= exitAt(r)) corridorUsed[s.band]![r] = 1;
        // The point where a route enters a rank closes the corridor before it.
        if (s.v === lo[r] && r > 0) corridorUsed[s.band]![r - 1] = 1;
      }
    }
    const startIn = Array.from({ length: bands }, () => new Float64Array(ranks));
    const lanesIn = Array.from({ length: bands }, () => new Float64Array(ranks));
    const corridorIn = Array.from({ length: bands }, () => new Float64Array(ranks));
    const length: number[] = [];
    for (let k = 0; k < bands; k++) {
      for (let r = 0; r < ranks; r++) {
        lanesIn[k]![r] = lanesUsed[k]![r] ? exitAt(r) - hi(r) : 0;
        corridorIn[k]![r] = corridorUsed[k]![r] && r + 1 < ranks ? corridor : 0;
      }
      let open = false;
      for (let r = 0; r < ranks; r++) {
        const content = widthIn[k]![r]! > 0 || lanesIn[k]![r]! > 0;
        if (content && open && r > 0) corridorIn[k]![r - 1] = corridor;
        if (content) open = true;
        if (corridorIn[k]![r]! > 0) open = false;
      }
      let a = 0;
      for (let r = 0; r < ranks; r++) {
        startIn[k]![r] = a;
        a += widthIn[k]![r]! + lanesIn[k]![r]! + corridorIn[k]![r]!;
      }
      length.push(a);
    }
    const place = (a: number, k: number) => {
      const r = rankAt(a);
      const start = startIn[k]![r]!;
      const w = widthIn[k]![r]!;
      if (a - lo[r]! <= w) return start + a - lo[r]!;
      if (a <= hi(r)) return start + w;
      const l = lanesIn[k]![r]!;
      if (a <= exitAt(r)) return start + w + (l > 0 ? a - hi(r) : 0);
      return start + w + l + (corridorIn[k]![r]! > 0 ? a - exitAt(r) : 0);
    };
    return { stops, folder: folder({ axis, cuts, place, length, gutter, laneStart: U_START, laneStep: U_STEP }) };
  };

  /**
   * Folds along (cuts in the corridors between segments of ranks). Across, each segment takes the room its
   * content spans.
   */
  const foldAlong = (
    segments: number,
    firstRank: number[],
    y: Float64Array,
    lo: Float64Array,
    exitAt: (r: number) => number,
    stripEnd: number,
    strip: Record<string, Point[]>,
  ) => {
    const axis: CutAxis = lr ? 'x' : 'y';
    // Each cut in the middle of the corridor before a segment's first rank.
    const cuts = [0, ...firstRank.slice(1).map((r) => (exitAt(r - 1) + lo[r]!) / 2), stripEnd];
    const stops = new Map<string, Stop[]>();
    for (const [id, pts] of Object.entries(strip)) stops.set(id, stopsOf(pts, axis, cuts));
    const low = new Array<number>(segments).fill(Infinity);
    const high = new Array<number>(segments).fill(-Infinity);
    for (let v = 0; v < n; v++) {
      const s = bandAt(cuts, lo[rank[v]!]!);
      low[s] = Math.min(low[s]!, y[v]!);
      high[s] = Math.max(high[s]!, y[v]! + size[v]!);
    }
    for (const list of stops.values()) {
      for (const s of list) {
        low[s.band] = Math.min(low[s.band]!, s.v);
        high[s.band] = Math.max(high[s.band]!, s.v);
      }
    }
    const length = low.map((l, k) => Math.max(0, high[k]! - l));
    const place = (c: number, k: number) => c - low[k]!;
    return { stops, folder: folder({ axis, cuts, place, length, gutter, laneStart: U_START, laneStep: U_STEP }) };
  };

  /** The first rank of each of `segments` segments, so that they come out about equally long. */
  function segmentStarts(segments: number): number[] {
    const starts = [0];
    if (segments <= 1) return starts;
    let whole = 0;
    for (let r = 0; r < ranks; r++) whole += rankAlong[r]! + corridor;
    let a = 0;
    for (let r = 0; r < ranks && starts.length < segments; r++) {
      if (a >= (whole * starts.length) / segments && r > starts[starts.length - 1]!) starts.push(r);
      a += rankAlong[r]! + corridor;
    }
    return starts;
  }

  // The page this component will share with the rest of the map (`rest` square pixels), packed as pack.ts
  // does: rows as wide as the page's shape asks for (or as this component, if wider), the rest in columns
  // beside this component up to its height, and what does not fit there in rows below.
  const rest = options.rest ?? 0;
  const page = (width: number, height: number) => {
    const row = Math.max(width, Math.sqrt((width * height + rest) * options.aspect));
    const beside = (row - width) * height;
    return rest <= beside ? (width + rest / height) / height : row / (height + (rest - beside) / row);
  };
  // How far a page's shape is from the aim; any shape within 1:2 to 2:1 beats every shape outside it.
  const miss = (aspect: number) => Math.abs(Math.log(aspect / options.aspect)) + (aspect < 0.5 || aspect > 2 ? 10 : 0);
  const measured = (c: ComponentLayout) => miss(page(c.width, c.height));
  const planned = (along: number, across: number) => (lr ? page(along, across) : page(across, along));
  if (options.bands !== undefined) return build(plan(Math.max(1, Math.min(MAX_BANDS, options.bands))));
  if (options.segments !== undefined) return build(plan(1), Math.max(1, Math.min(ranks, options.segments)));

  // Estimated first (lanes and the room squeezed out of bands are not known before the coordinates), then
  // measured: one more or one fewer while that comes nearer.
  const one = plan(1);
  const tooLong = lr ? planned(one.along, one.across) > options.aspect : planned(one.along, one.across) < options.aspect;
  if (tooLong) {
    // Segments: along, each about 1/s of the strip; across, s strips side by side.
    const estimate = (s: number) => planned(one.along / s, s * one.across + (s - 1) * gutter);
    let segments = 1;
    while (segments < ranks && miss(estimate(segments + 1)) < miss(estimate(segments))) segments++;
    let best = build(one, segments);
    for (let step = 0; step < 2 && measured(best) > CLOSE_ENOUGH; step++) {
      const wider = page(best.width, best.height) < options.aspect;
      const s = segments + (wider === lr ? -1 : 1);
      if (s < 1 || s > ranks) break;
      const next = build(one, s);
      if (measured(next) >= measured(best)) break;
      best = next;
      segments = s;
    }
    return best;
  }
  let chosen = one;
  for (let b = 2; b <= MAX_BANDS; b++) {
    const next = plan(b);
    if (miss(planned(next.along, next.across)) >= miss(planned(chosen.along, chosen.across))) break;
    chosen = next;
  }
  let best = build(chosen);
  for (let step = 0; step < 2 && measured(best) > CLOSE_ENOUGH; step++) {
    const wider = page(best.width, best.height) < options.aspect;
    const b = chosen.bands + (wider === lr ? 1 : -1);
    if (b < 1 || b > MAX_BANDS) break;
    const other = plan(b);
    const next = build(other);
    if (measured(next) >= measured(best)) break;
    best = next;
    chosen = other;
  }
  return best;
}

/**
 * Weighted isotonic regression by pool-adjacent-violators, clamped to [lo, hi]: the nondecreasing values z
 * (one per member of `run`) nearest to `want` in the weighted least-squares sense. With z a member's offset
 * past its tightest place, nondecreasing z is exactly "in order, at least the spacing apart"; clamping the
 * unbounded solution is the bounded one.
 */
function isotonic(run: number[], want: (v: number) => number, weight: Float64Array, lo: number, hi: number, set: (v: number, z: number) => void): void {
  const sumW: number[] = [];
  const sumWZ: number[] = [];
  const count: number[] = [];
  for (const v of run) {
    let w = weight[v]!;
    let wz = w * want(v);
    let c = 1;
    while (sumW.length && sumWZ[sumWZ.length - 1]! / sumW[sumW.length - 1]! >= wz / w) {
      w += sumW.pop()!;
      wz += sumWZ.pop()!;
      c += count.pop()!;
    }
    sumW.push(w);
    sumWZ.push(wz);
    count.push(c);
  }
  let i = 0;
  for (let k = 0; k < sumW.length; k++) {
    const z = Math.min(hi, Math.max(lo, sumWZ[k]! / sumW[k]!));
    for (let c = 0; c < count[k]!; c++) set(run[i++]!, z);
  }
}
