/**
 * The palette: each kind's colours, icon and name, and the base look of each kind of edge. Painters do not read
 * the edge table directly: `edgeStroke` (edgeStroke.ts) and `nodeLook` (nodeLook.ts) turn it into what is drawn.
 * Text colours meet WCAG AA (4.5:1) on their fills; meaning is never carried by colour alone:
 * every node shows its kind in words and an icon, and weakness edges are dashed.
 */
import type { AssetKind, NodeKind, TieStrength } from '../model';

export interface KindStyle {
  /** Border and icon colour. */
  accent: string;
  fill: string;
  /** Text colour on the fill. */
  ink: string;
  /** Icon: SVG path data in a 24×24 box, drawn with a stroke. */
  icon: string;
  name: string;
}

const INK = '#1e293b';

export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  partner: {
    accent: '#6d28d9',
    fill: '#f5f0ff',
    ink: INK,
    name: 'Partner',
    // two linked rings
    icon: 'M9 12a4 4 0 1 1 0-.01M15 12a4 4 0 1 1 0-.01',
  },
  staff: {
    accent: '#1d4ed8',
    fill: '#eef4ff',
    ink: INK,
    name: 'Staff',
    // a person
    icon: 'M12 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM5 20c0-4 3-6 7-6s7 2 7 6',
  },
  space: {
    accent: '#0f766e',
    fill: '#ecfdf8',
    ink: INK,
    name: 'Space',
    // a building with a door
    icon: 'M4 20V9l8-5 8 5v11H4zM10 20v-6h4v6',
  },
  resource: {
    accent: '#a16207',
    fill: '#fffbeb',
    ink: INK,
    name: 'Resource',
    // a laptop
    icon: 'M5 6h14v9H5zM3 18h18',
  },
  program: {
    accent: '#be185d',
    fill: '#fdf2f8',
    ink: INK,
    name: 'Program',
    // a star
    icon: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z',
  },
  community: {
    accent: '#4d7c0f',
    fill: '#f4fbe8',
    ink: INK,
    name: 'Community',
    // a tree
    icon: 'M12 3l6 8h-3l4 5H5l4-5H6zM12 16v5',
  },
  strength: {
    accent: '#15803d',
    fill: '#f0fdf4',
    ink: '#14532d',
    name: 'Strength',
    icon: 'M12 5v14M5 12h14',
  },
  weakness: {
    accent: '#b91c1c',
    fill: '#fef2f2',
    ink: '#7f1d1d',
    name: 'Weakness',
    icon: 'M5 12h14',
  },
  improvement: {
    accent: '#a16207',
    fill: '#fef9c3',
    ink: '#422006',
    name: 'Improvement',
    // a light bulb
    icon: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z',
  },
};

export const EDGE_STYLES = {
  strength: { stroke: '#16a34a', width: 2, dash: undefined as string | undefined, name: 'Strength edge' },
  weakness: { stroke: '#dc2626', width: 2, dash: '6 4', name: 'Weakness edge' },
  improvement: { stroke: '#a16207', width: 1.5, dash: '2 3', name: 'Improves' },
  relationship: { stroke: '#475569', width: 2.5, dash: undefined as string | undefined, name: 'Relationship' },
  supports: { stroke: '#0369a1', width: 2, dash: '10 4', name: 'Supports' },
  suggestion: { stroke: '#7c3aed', width: 1.5, dash: '4 4', name: 'Suggested connection' },
} as const;

export const TIE_WIDTHS: Record<TieStrength, number> = { strong: 4.5, regular: 2.5, weak: 1.25 };

/** A weak tie is also dashed, so that it does not rest on width alone (a thin line is easy to miss). */
export const TIE_DASHES: Record<TieStrength, string | undefined> = { strong: undefined, regular: undefined, weak: '3 3' };

export const ASSET_KIND_ORDER: AssetKind[] = ['partner', 'staff', 'space', 'resource', 'program', 'community'];
