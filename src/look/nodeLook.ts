/**
 * How a node's card is drawn: the one answer for React Flow's node elements, the map canvas's overview and the
 * exported images. Sizes and label lines are in measure.ts; colours in theme.ts.
 */
import type { NodeKind } from '../model';
import { KIND_STYLES } from './theme';

/** Corner radii, clockwise from the top left, as CSS's border-radius lists them. */
export type Corners = readonly [topLeft: number, topRight: number, bottomRight: number, bottomLeft: number];

export interface NodeLook {
  fill: string;
  /** Border and header colour. */
  border: string;
  /** Drawn inside the box (CSS's border-box). */
  borderWidth: number;
  corners: Corners;
  /** The label's colour. */
  ink: string;
}

const ASSET_CORNERS: Corners = [10, 10, 10, 10];
const ITEM_CORNERS: Corners = [6, 6, 6, 6];
/** An improvement is a note: nearly square, its top-right corner turned. */
const NOTE_CORNERS: Corners = [2, 12, 2, 2];

const looks = new Map<NodeKind, NodeLook>();

export function nodeLook(kind: NodeKind): NodeLook {
  let look = looks.get(kind);
  if (look) return look;
  const style = KIND_STYLES[kind];
  const asset = kind !== 'strength' && kind !== 'weakness' && kind !== 'improvement';
  look = Object.freeze({
    fill: style.fill,
    border: style.accent,
    borderWidth: asset ? 2 : 1.5,
    corners: asset ? ASSET_CORNERS : kind === 'improvement' ? NOTE_CORNERS : ITEM_CORNERS,
    ink: style.ink,
  });
  looks.set(kind, look);
  return look;
}

/** CSS's border-radius for the corners. */
export const cornersCss = (c: Corners): string => c.map((r) => `${r}px`).join(' ');
