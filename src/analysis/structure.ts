/**
 * The shape of the map's ties: colleagues whose leaving would cut partners off from every other colleague
 * (brokers), and groups of assets that no relationship joins, or only one does.
 *
 * The graph has one node per asset with a tie and one edge per pair of assets joined by a relationship or a
 * "supports" edge (a strength's edge counts for its asset). Brokers are articulation points (a depth-first
 * search, iterative so that a long chain cannot overflow the stack), ranked by betweenness centrality
 * (graphology-metrics) on maps small enough for it; groups are connected components, and within a large one,
 * Louvain communities (graphology-communities-louvain) joined by a single edge. All linear in the size of the
 * map except betweenness, which is skipped past BETWEENNESS_LIMIT assets.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import { type AssetNode, isAsset, isTrait, seededRandom } from '../model';
import type { AnalysisContext } from './context';
import { type Finding, roundWeight } from './findings';
import { joinList, named } from './phrases';

export const BETWEENNESS_LIMIT = 1500;
/** At most this many findings of each kind: the first ones say what matters. */
export const MAX_BROKERS = 10;
export const MAX_GROUPS = 5;
/** Communities smaller than this are not worth a sentence. */
const MIN_COMMUNITY = 3;
const MIN_COMPONENT_FOR_COMMUNITIES = 8;
const NAMES_SHOWN = 3;

/** One node per asset with a tie, in worksheet order; an undirected edge per tied pair. */
export function buildTieGraph(ctx: AnalysisContext): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const assetOf = (id: string): string | undefined => {
    const n = ctx.doc.nodes[id];
    if (isAsset(n)) return n.id;
    if (isTrait(n) && isAsset(ctx.doc.nodes[n.attachedTo])) return n.attachedTo;
    return undefined;
  };
  const pairs: [string, string][] = [];
  for (const [source, targets] of ctx.related) for (const t of targets) pairs.push([source, t]);
  for (const [source, targets] of ctx.supports) for (const t of targets) pairs.push([source, t]);
  const tied = new Set<string>();
  const edges: [string, string][] = [];
  for (const [s, t] of pairs) {
    const a = assetOf(s);
    const b = assetOf(t);
    if (!a || !b || a === b) continue;
    tied.add(a);
    tied.add(b);
    edges.push([a, b]);
  }
  for (const asset of ctx.assets) if (tied.has(asset.id)) graph.addNode(asset.id);
  for (const [a, b] of edges) graph.mergeEdge(a, b);
  return graph;
}

/** Connected components, each in worksheet order, largest first (then by their first asset). */
export function components(graph: Graph): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    const list: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const n = stack.pop()!;
      list.push(n);
      graph.forEachNeighbor(n, (m) => {
        if (!seen.has(m)) {
          seen.add(m);
          stack.push(m);
        }
      });
    }
    out.push(list);
  });
  const order = new Map<string, number>();
  graph.forEachNode((n) => order.set(n, order.size));
  for (const list of out) list.sort((a, b) => order.get(a)! - order.get(b)!);
  return out.sort((a, b) => b.length - a.length || order.get(a[0]!)! - order.get(b[0]!)!);
}

/** Where each node falls in the depth-first order, and the articulation points with what each cuts off. */
export interface Articulation {
  /** Nodes in depth-first order; a component is a run of it, and so is a subtree. */
  order: string[];
  /** Node -> [start, end) of its component in `order`. */
  component: Map<string, [number, number]>;
  /**
   * Articulation point -> the runs of `order` that come apart from it when it leaves. For a root these are all
   * its children's subtrees; for another node, the subtrees that do not reach above it, the rest of the
   * component (with its parent) being one more part.
   */
  points: Map<string, { parts: [number, number][]; root: boolean }>;
}

/**
 * Articulation points by one iterative depth-first search (Tarjan's low-link), so that a long chain cannot
 * overflow the stack. Parts are ranges of the order, never copied: linear in the size of the graph.
 */
export function articulationPoints(graph: Graph): Articulation {
  const disc = new Map<string, number>();
  const low = new Map<string, number>();
  const order: string[] = [];
  const component = new Map<string, [number, number]>();
  const points = new Map<string, { parts: [number, number][]; root: boolean }>();
  const ends = new Map<string, number>();
  graph.forEachNode((root) => {
    if (disc.has(root)) return;
    const begin = order.length;
    const stack: { node: string; parent: string | undefined; neighbours: string[]; next: number }[] = [];
    const enter = (node: string, parent: string | undefined) => {
      disc.set(node, order.length);
      low.set(node, order.length);
      order.push(node);
      stack.push({ node, parent, neighbours: graph.neighbors(node), next: 0 });
    };
    enter(root, undefined);
    const children: string[] = [];
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      if (frame.next < frame.neighbours.length) {
        const m = frame.neighbours[frame.next++]!;
        if (!disc.has(m)) {
          if (frame.node === root) children.push(m);
          enter(m, frame.node);
        } else if (m !== frame.parent) low.set(frame.node, Math.min(low.get(frame.node)!, disc.get(m)!));
        continue;
      }
      stack.pop();
      ends.set(frame.node, order.length);
      const parent = frame.parent;
      if (parent === undefined) continue;
      low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      if (parent !== root && low.get(frame.node)! >= disc.get(parent)!) {
        const entry = points.get(parent) ?? { parts: [], root: false };
        entry.parts.push([disc.get(frame.node)!, order.length]);
        points.set(parent, entry);
      }
    }
    const range: [number, number] = [begin, order.length];
    for (let i = begin; i < order.length; i++) component.set(order[i]!, range);
    if (children.length > 1) points.set(root, { parts: children.map((c) => [disc.get(c)!, ends.get(c)!]), root: true });
  });
  return { order, component, points };
}

const namesOf = (ctx: AnalysisContext, ids: readonly string[], max = NAMES_SHOWN) =>
  joinList(
    ids.map((id) => named(ctx.doc.nodes[id]?.label ?? '')),
    max,
  );

const byRank = (ctx: AnalysisContext) => (a: string, b: string) => ctx.rank.get(a)! - ctx.rank.get(b)!;

export function getBrokers(ctx: AnalysisContext, graph = buildTieGraph(ctx)): Finding[] {
  const kindOf = (id: string) => (ctx.doc.nodes[id] as AssetNode | undefined)?.kind;
  const { order, component, points } = articulationPoints(graph);
  // Counts of colleagues and partners over any run of the order, by prefix sums.
  const staffSum = new Int32Array(order.length + 1);
  const partnerSum = new Int32Array(order.length + 1);
  order.forEach((n, i) => {
    staffSum[i + 1] = staffSum[i]! + (kindOf(n) === 'staff' ? 1 : 0);
    partnerSum[i + 1] = partnerSum[i]! + (kindOf(n) === 'partner' ? 1 : 0);
  });
  const count = (sum: Int32Array, [a, b]: [number, number]) => sum[b]! - sum[a]!;

  interface Candidate {
    staff: string;
    /** Parts cut off from every other colleague; `rest` for the part left with the DFS parent. */
    cut: ([number, number] | 'rest')[];
    partners: number;
  }
  const found: Candidate[] = [];
  for (const [v, { parts, root }] of points) {
    if (kindOf(v) !== 'staff') continue;
    const comp = component.get(v)!;
    let staffInParts = 0;
    let partnersInParts = 0;
    let sizeInParts = 0;
    const cut: Candidate['cut'] = [];
    let partners = 0;
    let staffElsewhere = false;
    for (const part of parts) {
      const st = count(staffSum, part);
      const pa = count(partnerSum, part);
      staffInParts += st;
      partnersInParts += pa;
      sizeInParts += part[1] - part[0];
      if (st) staffElsewhere = true;
      else if (pa) {
        cut.push(part);
        partners += pa;
      }
    }
    if (!root) {
      const restSize = comp[1] - comp[0] - 1 - sizeInParts;
      const restStaff = count(staffSum, comp) - 1 - staffInParts;
      const restPartners = count(partnerSum, comp) - partnersInParts;
      if (restSize > 0 && restStaff) staffElsewhere = true;
      else if (restSize > 0 && restPartners) {
        cut.push('rest');
        partners += restPartners;
      }
    }
    if (!staffElsewhere || !partners) continue;
    found.push({ staff: v, cut, partners });
  }
  const centrality = found.length && graph.order <= BETWEENNESS_LIMIT ? betweenness(graph, { normalized: true }) : undefined;
  const weightOf = (f: Candidate) => 1 + f.partners + (centrality?.[f.staff] ?? 0);
  found.sort((a, b) => weightOf(b) - weightOf(a) || ctx.rank.get(a.staff)! - ctx.rank.get(b.staff)!);

  const out: Finding[] = [];
  for (const f of found) {
    if (out.length >= MAX_BROKERS) break;
    const nodes = membersOf(graph, order, f.staff, f.cut, points.get(f.staff)!.parts).sort(byRank(ctx));
    const partners = nodes.filter((n) => kindOf(n) === 'partner');
    // One partner held directly is the "held by one colleague" finding already.
    if (partners.length === 1 && nodes.length === 1 && graph.hasEdge(f.staff, partners[0]!)) continue;
    const who = named(ctx.doc.nodes[f.staff]!.label);
    const n = partners.length;
    const what = n === 1 ? `the partner ${namesOf(ctx, partners)}` : `${n} partners (${namesOf(ctx, partners)})`;
    out.push({
      id: `broker:${f.staff}`,
      kind: 'broker',
      nodeIds: [f.staff, ...nodes],
      assetIds: [f.staff, ...partners],
      reason: `If ${who} leaves, ${what} would have no tie left to any other colleague: ${who} is their only way in.`,
      weight: roundWeight(weightOf(f)),
    });
  }
  return out;
}

/** The assets of the parts a broker cuts off; the part left with the DFS parent is walked, the others sliced. */
function membersOf(graph: Graph, order: string[], v: string, cut: ([number, number] | 'rest')[], parts: [number, number][]): string[] {
  const out: string[] = [];
  for (const part of cut) {
    if (part !== 'rest') {
      out.push(...order.slice(part[0], part[1]));
      continue;
    }
    const inParts = new Set(parts.flatMap(([a, b]) => order.slice(a, b)));
    const seen = new Set([v]);
    const stack = [v];
    while (stack.length) {
      const n = stack.pop()!;
      graph.forEachNeighbor(n, (m) => {
        if (seen.has(m) || inParts.has(m)) return;
        seen.add(m);
        out.push(m);
        stack.push(m);
      });
    }
  }
  return out;
}

export function getSeparateGroups(ctx: AnalysisContext, graph = buildTieGraph(ctx)): Finding[] {
  const out: Finding[] = [];
  const comps = components(graph).filter((c) => c.length >= 2);
  if (comps.length >= 2) {
    const main = comps[0]!;
    for (const group of comps.slice(1, 1 + MAX_GROUPS)) {
      out.push({
        id: `groups:${group[0]}`,
        kind: 'separate-groups',
        nodeIds: [...group, ...main],
        assetIds: [...group],
        reason: `No relationship joins ${namesOf(ctx, group)} with ${namesOf(ctx, main)}: the two groups share no partner or colleague.`,
        weight: roundWeight(1 + group.length / (main.length + 1)),
      });
    }
  }
  // Within a large group, communities joined by a single tie: if it lapses, they drift apart.
  for (const comp of comps) {
    if (comp.length < MIN_COMPONENT_FOR_COMMUNITIES || out.length >= MAX_GROUPS * 2) continue;
    const sub = new Graph({ type: 'undirected' });
    for (const n of comp) sub.addNode(n);
    for (const n of comp) graph.forEachNeighbor(n, (m) => sub.mergeEdge(n < m ? n : m, n < m ? m : n));
    const community = louvain(sub, { rng: seededRandom(comp.length) });
    const members = new Map<number, string[]>();
    for (const n of comp) {
      const c = community[n]!;
      const list = members.get(c);
      if (list) list.push(n);
      else members.set(c, [n]);
    }
    const between = new Map<string, [string, string][]>();
    sub.forEachEdge((_e, _a, u, v) => {
      const [cu, cv] = [community[u]!, community[v]!];
      if (cu === cv) return;
      const key = cu < cv ? `${cu}|${cv}` : `${cv}|${cu}`;
      const list = between.get(key);
      // Two ties are enough to know it is not a single one.
      if (!list) between.set(key, [[u, v]]);
      else if (list.length < 2) list.push([u, v]);
    });
    for (const [key, ties] of between) {
      if (ties.length !== 1 || out.length >= MAX_GROUPS * 2) continue;
      const [ca, cb] = key.split('|').map(Number) as [number, number];
      const a = members.get(ca)!;
      const b = members.get(cb)!;
      if (a.length < MIN_COMMUNITY || b.length < MIN_COMMUNITY) continue;
      const [u, v] = ties[0]!;
      const [first, second] = ctx.rank.get(a[0]!)! < ctx.rank.get(b[0]!)! ? [a, b] : [b, a];
      out.push({
        id: `bridge:${[u, v].sort().join('|')}`,
        kind: 'separate-groups',
        nodeIds: [u, v, ...first, ...second].filter((x, i, all) => all.indexOf(x) === i),
        assetIds: [u, v],
        reason:
          `Only the tie between ${named(ctx.doc.nodes[u]!.label)} and ${named(ctx.doc.nodes[v]!.label)} joins ` +
          `${namesOf(ctx, first)} with ${namesOf(ctx, second)}: if it lapses, the two groups share nothing.`,
        weight: roundWeight(1 + Math.min(a.length, b.length) / comp.length),
      });
    }
  }
  return out;
}
