/**
 * How a group looks, for every painter (the screen, the images) and for the layout, which leaves room for it: a
 * frame around its members and what hangs off them, with the group's name in a bar along its top; collapsed,
 * one card with the name and how many assets it holds, where the frame's top-left corner was.
 */
import {
  type AssetMapDoc,
  type MapGroup,
  type Point,
  getGroupContents,
  getGroupMembers,
} from '../model';
import type { Box } from './edges';
import { type Size, nodeSize, wrapText } from './measure';

/** Room between a frame's side and what it holds. */
export const FRAME_PAD = 16;
/** The bar along a frame's top that holds its name (and the button that collapses it). */
export const FRAME_LABEL = 30;
export const FRAME_LABEL_SIZE = 13;
export const FRAME_COLOUR = '#64748b';
/** On the screen the frame lies over the edges' layer, so its inside lets them through. */
export const FRAME_FILL = 'rgba(100, 116, 139, 0.06)';
/** In images the frame lies under everything: the same tint, opaque. */
export const FRAME_PAPER = '#f5f6f8';
export const FRAME_LABEL_FILL = '#e2e8f0';
export const FRAME_TEXT = '#1e293b';

const COLLAPSED = { width: 220, padX: 12, padY: 8, header: 18, fontSize: 14, lineHeight: 18, maxLines: 3 };

/** The frame around content that spans `b`. */
export function frameAround(b: Box): Box {
  return { x: b.x - FRAME_PAD, y: b.y - FRAME_PAD - FRAME_LABEL, width: b.width + 2 * FRAME_PAD, height: b.height + 2 * FRAME_PAD + FRAME_LABEL };
}

/** Where content goes inside a frame of its own whose top-left corner is 0,0. */
export const FRAME_INSET: Point = { x: FRAME_PAD, y: FRAME_PAD + FRAME_LABEL };

/** "1 asset", "5 assets". */
export const assetCount = (n: number) => `${n} ${n === 1 ? 'asset' : 'assets'}`;

/** The lines of a collapsed group's name. */
export function collapsedLines(name: string): string[] {
  return wrapText(name || ' ', COLLAPSED.width - 2 * COLLAPSED.padX, COLLAPSED.fontSize, COLLAPSED.maxLines, true);
}

/** A collapsed group's card: its size, and where its lines go. */
export function collapsedLook(name: string): Size & { lines: string[]; padX: number; padY: number; header: number; fontSize: number; lineHeight: number } {
  const lines = collapsedLines(name);
  const { width, padX, padY, header, fontSize, lineHeight } = COLLAPSED;
  return { width, height: Math.ceil(padY * 2 + header + lines.length * lineHeight), lines, padX, padY, header, fontSize, lineHeight };
}

/** A frame's name as one line that fits its bar (cut with an ellipsis). */
export function frameLabelLine(name: string, width: number): string {
  return wrapText(name || ' ', Math.max(20, width - 2 * 10), FRAME_LABEL_SIZE, 1, true)[0]!;
}

export interface GroupFrame {
  group: MapGroup;
  /** The frame (open) or the card (collapsed). */
  box: Box;
  collapsed: boolean;
  /** Member asset ids, in worksheet order. */
  members: string[];
  /** Members and what hangs off them. */
  contents: string[];
}

/** Where a node stands: moved (a drag under way) or as stored. */
export type PositionOf = (id: string) => Point | undefined;

/**
 * Every group's frame, from where its contents stand (`at` overrides the stored places, for a drag under way),
 * in the order of the groups' names. A collapsed group's card stands where its frame's top-left corner would.
 */
export function getGroupFrames(doc: AssetMapDoc, at?: PositionOf): GroupFrame[] {
  const out: GroupFrame[] = [];
  const members = getGroupMembers(doc);
  for (const [gid, list] of members) {
    const group = doc.groups![gid]!;
    const contents = getGroupContents(doc, list);
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const id of contents) {
      const n = doc.nodes[id]!;
      const p = at?.(id) ?? n;
      const s = nodeSize(n);
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x + s.width);
      y1 = Math.max(y1, p.y + s.height);
    }
    const frame = frameAround({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
    const collapsed = !!group.collapsed;
    const box = collapsed ? { x: frame.x, y: frame.y, ...sizeOf(collapsedLook(group.name)) } : frame;
    out.push({ group, box, collapsed, members: list.map((a) => a.id), contents });
  }
  return out.sort((a, b) => a.group.name.localeCompare(b.group.name) || (a.group.id < b.group.id ? -1 : 1));
}

const sizeOf = (s: Size): Size => ({ width: s.width, height: s.height });
