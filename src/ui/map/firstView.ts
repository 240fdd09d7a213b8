/**
 * The first view of a map (opened, switched to): the whole map when its words can be read so; otherwise its
 * top-left corner at the smallest readable zoom, the rest a pan or the Fit button away. Large maps still open
 * whole, as an overview.
 */
import type { Edge, FitViewOptions, Node, ReactFlowInstance } from '@xyflow/react';

/** Below this the items' 12 px text is under 10 px on screen. */
export const READABLE_ZOOM = 0.8;

type Fit = Pick<FitViewOptions, 'padding' | 'includeHiddenNodes'> & { padding: { top: string; left: string } };

/**
 * `instance` gives React Flow's instance once it exists (the first view may be asked for before). Maps of more
 * than `overviewOver` nodes are fitted whole whatever the zoom (they are drawn as an overview).
 */
export async function showFirstView<N extends Node, E extends Edge>(instance: () => ReactFlowInstance<N, E> | null, fit: Fit, overviewOver: number) {
  const rf = await ready(instance);
  if (!rf) return;
  const readable = rf.getNodes().length <= overviewOver;
  if (readable) await measured(rf);
  await rf.fitView(fit);
  if (!readable || rf.getZoom() >= READABLE_ZOOM) return;
  const nodes = rf.getNodes();
  if (!nodes.length) return;
  const bounds = rf.getNodesBounds(nodes);
  const left = parseFloat(fit.padding.left);
  const top = parseFloat(fit.padding.top);
  await rf.setViewport({ x: left - bounds.x * READABLE_ZOOM, y: top - bounds.y * READABLE_ZOOM, zoom: READABLE_ZOOM });
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function ready<T>(instance: () => T | null): Promise<T | null> {
  for (let frame = 0; frame < 90; frame++) {
    const rf = instance();
    if (rf) return rf;
    await nextFrame();
  }
  return null;
}

/**
 * Until React Flow has measured the nodes (a second or so at most): its own first fit waits for that too, and
 * would otherwise come after this one.
 */
async function measured(rf: { getNodes: () => Node[] }) {
  for (let frame = 0; frame < 90; frame++) {
    const nodes = rf.getNodes();
    if (nodes.length && nodes.every((n) => n.hidden || n.measured?.width)) return;
    await nextFrame();
  }
}
