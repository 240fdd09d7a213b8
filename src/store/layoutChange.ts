/**
 * The auto layout's change, made without immer's drafts. A layout moves nearly every node: drafting thousands of
 * nodes to write two numbers in each, then finalising and diffing them, was most of the time the page spent
 * applying a layout (90 of 139 ms at 6,500 nodes, traced). This gives what `produceWithPatches` gives for the
 * `applyLayout` command — the same document, patches and inverse patches, frozen as immer freezes (the routes'
 * points a task later) — by copying only the nodes that moved. tests/store/layoutChange.test.ts holds it to immer's result.
 */
import { type Patch, freeze } from 'immer';
import type { AssetMapDoc, LayoutSettings, Point } from '../model';

export interface LayoutPayload {
  positions: Record<string, Point>;
  routes: Record<string, Point[]>;
  settings?: LayoutSettings;
}

export function applyLayoutChange(doc: AssetMapDoc, { positions, routes, settings }: LayoutPayload): [AssetMapDoc, Patch[], Patch[]] {
  const patches: Patch[] = [];
  const inverse: Patch[] = [];
  let nodes: AssetMapDoc['nodes'] | undefined;
  for (const id in positions) {
    if (!Object.hasOwn(positions, id) || !Object.hasOwn(doc.nodes, id)) continue;
    const node = doc.nodes[id]!;
    const p = positions[id]!;
    if (node.x === p.x && node.y === p.y) continue;
    nodes ??= { ...doc.nodes };
    nodes[id] = Object.freeze({ ...node, x: p.x, y: p.y });
    for (const key of ['x', 'y'] as const) {
      if (node[key] === p[key]) continue;
      patches.push({ op: 'replace', path: ['nodes', id, key], value: p[key] });
      inverse.push({ op: 'replace', path: ['nodes', id, key], value: node[key] });
    }
  }
  const routesChanged = routes !== doc.routes;
  if (routesChanged) {
    patches.push({ op: 'replace', path: ['routes'], value: routes });
    inverse.push({ op: 'replace', path: ['routes'], value: doc.routes });
  }
  const layoutChanged = !!settings && settings !== doc.layout;
  if (layoutChanged) {
    patches.push({ op: 'replace', path: ['layout'], value: settings });
    inverse.push({ op: 'replace', path: ['layout'], value: doc.layout });
  }
  if (!patches.length) return [doc, patches, inverse];
  const next: AssetMapDoc = {
    ...doc,
    ...(nodes && { nodes: Object.freeze(nodes) }),
    ...(routesChanged && { routes: Object.freeze(routes) }),
    ...(layoutChanged && { layout: freeze(settings, true) }),
  };
  // The routes' points (thousands of objects, straight from the layout worker) are frozen in a task of their own,
  // after the one that draws the layout.
  if (routesChanged) setTimeout(() => freeze(Object.values(routes), true), 0);
  return [Object.freeze(next), patches, inverse];
}
