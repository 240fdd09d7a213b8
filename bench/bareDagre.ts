/**
 * The baseline the layout is measured against: the React Flow documentation's recipe, bare dagre over every
 * node of the map. Each asset, strength, weakness and improvement is a dagre node at its real size, each
 * attachment and each link a dagre edge, with the same spacing our layout uses. Returns what a canvas would
 * draw: top-left positions, and dagre's edge points as routes (keyed like our layout's).
 */
import dagre from '@dagrejs/dagre';
import { type AssetMapDoc, type LayoutSettings, type Point, attachmentEdgeId, isAttached } from '../src/model';
import { nodeSize } from '../src/look/measure';
import type { LayoutResult } from '../src/layout/layoutMap';

export function bareDagreLayout(doc: AssetMapDoc, settings: LayoutSettings): LayoutResult {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: settings.direction, nodesep: settings.spacing, ranksep: settings.spacing * 1.5 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of Object.values(doc.nodes)) g.setNode(node.id, { ...nodeSize(node) });
  for (const node of Object.values(doc.nodes)) {
    if (isAttached(node) && doc.nodes[node.attachedTo]) g.setEdge(node.attachedTo, node.id, {}, attachmentEdgeId(node.id));
  }
  for (const e of Object.values(doc.edges)) {
    if (doc.nodes[e.source] && doc.nodes[e.target]) g.setEdge(e.source, e.target, {}, e.id);
  }
  dagre.layout(g);

  const positions: Record<string, Point> = {};
  let width = 0;
  let height = 0;
  for (const id of g.nodes()) {
    const n = g.node(id);
    positions[id] = { x: n.x! - n.width / 2, y: n.y! - n.height / 2 };
    width = Math.max(width, n.x! + n.width / 2);
    height = Math.max(height, n.y! + n.height / 2);
  }
  const routes: Record<string, Point[]> = {};
  for (const e of g.edges()) {
    const points = (g.edge(e) as { points?: Point[] }).points;
    if (points && e.name) routes[e.name] = points.map((p) => ({ x: p.x, y: p.y }));
  }
  return { positions, routes, width, height };
}
