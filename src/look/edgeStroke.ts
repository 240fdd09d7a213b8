/**
 * How an edge is stroked: the one answer the map canvas, React Flow's SVG edges, the exported images and both
 * legends ask for. The screen is the reference: exports draw what the map canvas paints.
 */
import type { TieStrength } from '../model';
import type { DrawnEdgeKind } from './edges';
import { EDGE_STYLES, TIE_DASHES, TIE_WIDTHS } from './theme';

/** What decides an edge's look. */
export interface EdgeLookInput {
  kind: DrawnEdgeKind;
  /** A relationship's tie; regular when absent. A tie the theme does not know (a hand-edited file) is regular. */
  tie?: TieStrength | string;
  /** A suggested connection, not on the map yet: drawn faint, in the suggestion's colour, whatever its kind. */
  suggestion?: boolean;
  selected?: boolean;
  /** Outside what the view brings forward (a search, a selection's neighbourhood). */
  dimmed?: boolean;
}

export interface EdgeStroke {
  colour: string;
  width: number;
  /** An SVG dash array, "6 4"; solid when absent. */
  dash?: string;
  /** Ends are cut square, dashes included: the dotted "Improves" is short dashes, not dots. */
  cap: 'butt';
  /** Corners of a route are rounded by its path; where a path has a sharp corner left, it is rounded too. */
  join: 'round';
  /** 1 unless faint (a suggestion) or dimmed. */
  alpha: number;
  /** A filled arrowhead at the target ("supports"). */
  arrow: boolean;
}

/** Widening that shows an edge is selected. */
const SELECTED_EXTRA_WIDTH = 1.5;
const DIMMED_ALPHA = 0.22;
const SUGGESTION_ALPHA = 0.5;

/**
 * Strokes are shared, one per distinct look: a large map's thousands of edges have a handful of looks, and
 * painters group edges by stroke (the same object is the same look).
 */
const strokes = new Map<DrawnEdgeKind, (EdgeStroke | undefined)[]>();
const TIE_INDEX: Record<TieStrength, number> = { weak: 0, regular: 1, strong: 2 };

export function edgeStroke(edge: EdgeLookInput): EdgeStroke {
  const tie: TieStrength = edge.tie === 'strong' || edge.tie === 'weak' ? edge.tie : 'regular';
  const suggestion = !!edge.suggestion;
  const relationship = edge.kind === 'relationship' && !suggestion;
  // Looked up by kind, then by a number made of the rest (painters ask for thousands of edges a frame).
  const index = ((relationship ? TIE_INDEX[tie] : 3) << 3) | (suggestion ? 4 : 0) | (edge.selected ? 2 : 0) | (edge.dimmed ? 1 : 0);
  let byKind = strokes.get(edge.kind);
  if (!byKind) strokes.set(edge.kind, (byKind = []));
  let stroke = byKind[index];
  if (stroke) return stroke;
  const base = suggestion ? EDGE_STYLES.suggestion : EDGE_STYLES[edge.kind];
  const width = relationship ? TIE_WIDTHS[tie] : base.width;
  const dash = relationship ? TIE_DASHES[tie] : base.dash;
  stroke = {
    colour: base.stroke,
    width: edge.selected ? width + SELECTED_EXTRA_WIDTH : width,
    cap: 'butt',
    join: 'round',
    alpha: (edge.dimmed ? DIMMED_ALPHA : 1) * (suggestion ? SUGGESTION_ALPHA : 1),
    arrow: edge.kind === 'supports' && !suggestion,
  };
  if (dash) stroke.dash = dash;
  byKind[index] = Object.freeze(stroke);
  return stroke;
}

/** How long an arrowhead is, for a line `width` wide; it is half as wide as it is long. */
export const arrowLength = (width: number): number => 3.5 * width;
