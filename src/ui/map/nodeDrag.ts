/**
 * A drag of nodes on the map, free of React: React Flow reports where the nodes under the pointer are; an asset
 * carries along what hangs off it (its strengths, weaknesses and their improvements), found once, when the
 * gesture starts, and moved by the same offset; so does everything a group's frame holds when the frame is
 * dragged. The gesture is shown live and, when it ends, becomes one set of
 * rounded positions for a single `moveNodes` command (one undo step).
 *
 * MapView only wires it: it feeds React Flow's changes in and puts what comes out into the session or the store.
 */
import type { NodeChange } from '@xyflow/react';
import { type AssetMapDoc, type Point, getAttachmentIndex, isAsset } from '../../model';

/** What a batch of React Flow's node changes asks for. */
export interface NodeChanges {
  /** The new selection, when it changed. */
  selection?: string[];
  /** Where the nodes under the pointer now are. */
  moves: Map<string, Point>;
  /** The gesture ended with this batch (React Flow's last position change has `dragging: false`). */
  ended: boolean;
}

/** Reads selections and moves out of React Flow's changes, over the current selection. */
export function readNodeChanges(changes: readonly NodeChange[], selection: readonly string[]): NodeChanges {
  let selectionChanged = false;
  const selected = new Set(selection);
  const moves = new Map<string, Point>();
  let ended = false;
  for (const c of changes) {
    if (c.type === 'select') {
      selectionChanged = true;
      if (c.selected) selected.add(c.id);
      else selected.delete(c.id);
    } else if (c.type === 'position' && c.position) {
      moves.set(c.id, c.position);
      if (!c.dragging) ended = true;
    }
  }
  return selectionChanged ? { selection: [...selected], moves, ended } : { moves, ended };
}

/** The nodes that follow a drag, and where everything stood when it started. */
export interface DragGroup {
  /** The node whose offset the followers take (the first one React Flow moved). */
  anchor: string;
  start: Point;
  members: { id: string; start: Point }[];
}

/** A group's frame or card on the canvas: where it stands, and what it holds (its members and their items). */
export type FrameOf = (id: string) => { at: Point; contents: readonly string[] } | undefined;

/**
 * What follows the moved nodes: everything attached, at any depth, to a moved asset and not itself moved, and
 * everything a moved group's frame (or card) holds.
 */
export function dragGroup(doc: AssetMapDoc, moved: Iterable<string>, frameOf?: FrameOf): DragGroup {
  const index = getAttachmentIndex(doc);
  const ids = [...moved];
  const seen = new Set(ids);
  const members: DragGroup['members'] = [];
  for (const id of ids) {
    const frame = frameOf?.(id);
    for (const c of frame?.contents ?? []) {
      const n = doc.nodes[c];
      if (!n || seen.has(c)) continue;
      seen.add(c);
      members.push({ id: c, start: { x: n.x, y: n.y } });
    }
  }
  for (const id of ids) {
    if (!isAsset(doc.nodes[id])) continue;
    const stack = [...(index.get(id) ?? [])];
    while (stack.length) {
      const child = stack.pop()!;
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      members.push({ id: child.id, start: { x: child.x, y: child.y } });
      stack.push(...(index.get(child.id) ?? []));
    }
  }
  const anchor = ids[0] ?? '';
  const a = doc.nodes[anchor] ?? frameOf?.(anchor)?.at;
  return { anchor, start: a ? { x: a.x, y: a.y } : { x: 0, y: 0 }, members };
}

/** Where every node of the drag is now: the moved ones where React Flow put them, the followers by the offset. */
export function groupPositions(group: DragGroup, moves: ReadonlyMap<string, Point>): Map<string, Point> {
  const next = new Map(moves);
  const at = moves.get(group.anchor);
  if (at) {
    const dx = at.x - group.start.x;
    const dy = at.y - group.start.y;
    for (const m of group.members) next.set(m.id, { x: m.start.x + dx, y: m.start.y + dy });
  }
  return next;
}

/** What a step of the drag shows: positions to draw while it goes on, or, once it ends, positions to store. */
export type DragStep = { live: Map<string, Point> } | { commit: Record<string, Point> };

/** One gesture after another: the group is found on the first move of each and forgotten when it ends. */
export class NodeDrag {
  private group: DragGroup | null = null;

  /** The next step of the gesture, given the document as it was when the gesture started. */
  step(doc: AssetMapDoc, moves: ReadonlyMap<string, Point>, ended: boolean, frameOf?: FrameOf): DragStep {
    this.group ??= dragGroup(doc, moves.keys(), frameOf);
    const next = groupPositions(this.group, moves);
    if (!ended) return { live: next };
    this.group = null;
    // Whole pixels in the document: a drag leaves no fractions for files and diffs to carry.
    const commit: Record<string, Point> = {};
    for (const [id, p] of next) if (doc.nodes[id]) commit[id] = { x: Math.round(p.x), y: Math.round(p.y) };
    return { commit };
  }
}
