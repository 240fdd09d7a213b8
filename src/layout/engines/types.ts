/**
 * What every layout engine takes and gives: one connected component of blocks and the links between them in,
 * the blocks' places and the links' routes (in the component's own coordinates) out.
 */
import type { LayoutSettings, Point } from '../../model';
import type { Block, Placed } from '../blocks';

/** A link between two blocks: a relationship or "supports" edge of the document. */
export interface LinkEdge {
  id: string;
  /** The node the edge is drawn from (an asset, or a strength for "supports"). */
  from: string;
  to: string;
  fromAsset: string;
  toAsset: string;
}

/** The links between two blocks, drawn along one channel. */
export interface Pair {
  tail: string;
  head: string;
  links: LinkEdge[];
}

/** One connected component: its blocks, the channels between them, and where each block's items sit in it. */
export interface ComponentInput {
  blocks: Block[];
  pairs: Pair[];
  /** Every item of every block, in its block's coordinates. */
  itemAt: Map<string, Placed>;
}

export interface EngineOptions extends LayoutSettings {
  /** The width:height the page (this component, the rest beside it) should come nearest to. */
  aspect: number;
  /** Square pixels of the rest of the map, to be packed beside this component (pack.ts). */
  rest?: number;
}

export interface ComponentLayout {
  /** Block positions (top-left) inside the component, which starts at 0,0. */
  at: Map<string, Point>;
  routes: Record<string, Point[]>;
  width: number;
  height: number;
  /**
   * Blocks drawn mirrored left to right (mirrorBlock): in LR, those of turned bands, whose links leave to the
   * left. Their tree connectors then stand on the right, out of those links' way.
   */
  mirrored?: Set<string>;
}

/** One way of laying out a component. */
export type ComponentEngine = (input: ComponentInput, options: EngineOptions) => ComponentLayout;
