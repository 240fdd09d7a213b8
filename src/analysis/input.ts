/**
 * What decides whether the analysis must run again, and where, and the badges' counts: small enough to load with
 * the first view, while the analysis itself (getFindings.ts, with its graph library) loads once the page is idle.
 */
import type { AssetMapDoc } from '../model';
import type { Finding } from './findings';

/** Findings per asset, for badges. Dismissed suggestions do not count. */
export function countFindingsByNode(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (f.dismissed) continue;
    for (const id of f.assetIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether two versions of a document have the same findings because they differ only where the analysis never
 * looks: where nodes stand, edge routes, layout settings, title, Reflect answers. Moving a node (a drag ends
 * with one) then reuses the findings instead of computing them again. Unchanged parts are the same objects
 * (immer keeps them), so this is a pass of identity checks over the nodes, with a field check for the moved.
 */
export function sameAnalysisInput(a: AssetMapDoc, b: AssetMapDoc): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.dismissed !== b.dismissed || a.staleAfterMonths !== b.staleAfterMonths) return false;
  if (a.nodes === b.nodes) return true;
  const ids = Object.keys(a.nodes);
  if (ids.length !== Object.keys(b.nodes).length) return false;
  for (const id of ids) {
    const x = a.nodes[id]!;
    const y = b.nodes[id];
    if (x !== y && (!y || !sameExceptPlace(x, y))) return false;
  }
  return true;
}

function sameExceptPlace(a: object, b: object): boolean {
  const ka = Object.keys(a).filter((k) => k !== 'x' && k !== 'y');
  if (ka.length !== Object.keys(b).filter((k) => k !== 'x' && k !== 'y').length) return false;
  // Fields are strings, numbers, and arrays of area names: compared as JSON where they are not the same value.
  return ka.every((k) => {
    const u = (a as Record<string, unknown>)[k];
    const v = (b as Record<string, unknown>)[k];
    return u === v || (typeof u === 'object' && typeof v === 'object' && JSON.stringify(u) === JSON.stringify(v));
  });
}

/** Maps with more nodes than this are analysed in the worker (about 150 assets with their strengths and weaknesses): above it the analysis takes longer than a frame, and opening or editing such a map would wait for it. */
export const WORKER_NODES = 1000;

export const isLargeForAnalysis = (doc: AssetMapDoc): boolean => {
  let n = 0;
  for (const _ in doc.nodes) if (++n > WORKER_NODES) return true;
  return false;
};
