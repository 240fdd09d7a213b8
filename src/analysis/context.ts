/**
 * Indexes of one document that every finding reads, built in one pass so that the analysis stays linear in the
 * size of the map. Edges whose ends are missing (a file edited by hand) are ignored.
 */
import {
  type AssetMapDoc,
  type AssetNode,
  type ImprovementNode,
  type MapNode,
  type TraitNode,
  getAssets,
  isAsset,
  isImprovement,
  isTrait,
} from '../model';

export interface AnalysisContext {
  doc: AssetMapDoc;
  /** In worksheet order. */
  assets: AssetNode[];
  /** Asset id -> its strengths / weaknesses, in order. */
  strengths: Map<string, TraitNode[]>;
  weaknesses: Map<string, TraitNode[]>;
  /** Asset or weakness id -> improvements attached to it. */
  improvements: Map<string, ImprovementNode[]>;
  /** Asset id -> assets it has a relationship edge with, either way. */
  related: Map<string, Set<string>>;
  /** Source id (asset or strength) -> ids of what it supports. */
  supports: Map<string, Set<string>>;
  /** A rank per node for ties: assets in worksheet order, then what hangs off each in its order. */
  rank: Map<string, number>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const link = (map: Map<string, Set<string>>, a: string, b: string) => {
  const set = map.get(a);
  if (set) set.add(b);
  else map.set(a, new Set([b]));
};

const byOrder = (a: MapNode, b: MapNode) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildContext(doc: AssetMapDoc): AnalysisContext {
  const assets = getAssets(doc);
  const strengths = new Map<string, TraitNode[]>();
  const weaknesses = new Map<string, TraitNode[]>();
  const improvements = new Map<string, ImprovementNode[]>();
  for (const node of Object.values(doc.nodes)) {
    if (isTrait(node)) {
      if (isAsset(doc.nodes[node.attachedTo])) push(node.kind === 'strength' ? strengths : weaknesses, node.attachedTo, node);
    } else if (isImprovement(node)) {
      if (doc.nodes[node.attachedTo]) push(improvements, node.attachedTo, node);
    }
  }
  for (const list of strengths.values()) list.sort(byOrder);
  for (const list of weaknesses.values()) list.sort(byOrder);
  for (const list of improvements.values()) list.sort(byOrder);

  const related = new Map<string, Set<string>>();
  const supports = new Map<string, Set<string>>();
  for (const edge of Object.values(doc.edges)) {
    if (!doc.nodes[edge.source] || !doc.nodes[edge.target] || edge.source === edge.target) continue;
    if (edge.kind === 'relationship') {
      link(related, edge.source, edge.target);
      link(related, edge.target, edge.source);
    } else if (edge.kind === 'supports') {
      link(supports, edge.source, edge.target);
    }
  }

  const rank = new Map<string, number>();
  for (const asset of assets) {
    rank.set(asset.id, rank.size);
    for (const list of [strengths, weaknesses, improvements]) for (const n of list.get(asset.id) ?? []) rank.set(n.id, rank.size);
    for (const w of weaknesses.get(asset.id) ?? []) for (const n of improvements.get(w.id) ?? []) rank.set(n.id, rank.size);
  }
  return { doc, assets, strengths, weaknesses, improvements, related, supports, rank };
}

export const isStaff = (node: MapNode | undefined): node is AssetNode => isAsset(node) && node.kind === 'staff';
export const isPartner = (node: MapNode | undefined): node is AssetNode => isAsset(node) && node.kind === 'partner';
export const isProgram = (node: MapNode | undefined): node is AssetNode => isAsset(node) && node.kind === 'program';
