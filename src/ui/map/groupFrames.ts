/**
 * Groups on the canvas: a frame node per open group (behind its members, dragged by its name bar) and a card per
 * collapsed one, computed from the document and a drag under way, never stored. Their ids are the group's id
 * behind a prefix no document node has.
 */
import { type AssetMapDoc, type AssetNode, type Point, getCollapsedContents } from '../../model';
import { type GroupFrame, assetCount, collapsedLook, getGroupFrames } from '../../look';
import type { FlowNode } from './toFlow';

const PREFIX = 'am-group:';

/** The canvas id of a group's frame or card. */
export const frameId = (groupId: string) => PREFIX + groupId;

/** The group a canvas id stands for, if it is a frame's or a card's. */
export const groupOfFrame = (id: string): string | undefined => (id.startsWith(PREFIX) ? id.slice(PREFIX.length) : undefined);

/** Frames under the nodes; a collapsed group's card among them. */
const FRAME_Z = 0;
const CARD_Z = 2;

export interface FrameView {
  selection: ReadonlySet<string>;
  dragging: ReadonlyMap<string, Point>;
  focus: ReadonlySet<string>;
}

/** Words for a group, for its accessible name. */
export const groupWords = (name: string, count: number) => `Group ${name.length > 120 ? `${name.slice(0, 120)}…` : name}, ${assetCount(count)}`;

function frameNode(f: GroupFrame, view: FrameView): FlowNode {
  const id = frameId(f.group.id);
  const count = f.members.length;
  const stand: AssetNode = { id, kind: 'program', label: f.group.name, x: f.box.x, y: f.box.y, order: 0 };
  const dimmed = view.focus.size > 0 && !f.members.some((m) => view.focus.has(m));
  return {
    id,
    type: f.collapsed ? 'collapsed' : 'frame',
    position: { x: f.box.x, y: f.box.y },
    width: f.box.width,
    height: f.box.height,
    measured: { width: f.box.width, height: f.box.height },
    selected: view.selection.has(id),
    zIndex: f.collapsed ? CARD_Z : FRAME_Z,
    connectable: false,
    // An open frame is moved by its name bar: its inside is the map, for its members and for selecting.
    ...(f.collapsed ? {} : { dragHandle: '.am-frame-bar' }),
    ariaLabel: groupWords(f.group.name, count) + (f.collapsed ? ', collapsed' : ''),
    className: [`am-group-node`, dimmed && 'am-dimmed'].filter(Boolean).join(' '),
    data: {
      node: stand,
      lines: f.collapsed ? collapsedLook(f.group.name).lines : [f.group.name],
      badge: 0,
      dimmed,
      group: { id: f.group.id, name: f.group.name, count, collapsed: f.collapsed },
    },
  };
}

/** Returns a function from a document and view to its groups' canvas nodes, reusing them while nothing changed. */
export function createFrameMapper() {
  let last: { doc: AssetMapDoc; view: FrameView; out: FlowNode[] } | undefined;
  return (doc: AssetMapDoc, view: FrameView): FlowNode[] => {
    if (!doc.groups) return NONE;
    if (last && last.doc === doc && last.view.selection === view.selection && last.view.dragging === view.dragging && last.view.focus === view.focus) return last.out;
    const moving = view.dragging.size ? (id: string) => view.dragging.get(id) : undefined;
    const out = getGroupFrames(doc, moving).map((f) => frameNode(f, view));
    last = { doc, view, out };
    return out;
  };
}

const NONE: FlowNode[] = [];

/**
 * Node id -> the canvas id it is drawn as: a node a collapsed group hides is drawn as the group's card (edges to it
 * run to the card).
 */
export function collapsedStandIns(doc: AssetMapDoc): ReadonlyMap<string, string> {
  const hidden = getCollapsedContents(doc);
  if (!hidden.size) return EMPTY;
  const out = new Map<string, string>();
  for (const [id, gid] of hidden) out.set(id, frameId(gid));
  return out;
}

const EMPTY: ReadonlyMap<string, string> = new Map();
