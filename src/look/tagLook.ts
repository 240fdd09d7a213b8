/**
 * A colour per tag, from a palette whose every text colour reads at 4.5:1 or more on its fill (WCAG AA). The
 * colour follows from the tag's words, so it is the same on every screen and for everyone on a shared map;
 * a tag is always shown with its words, never as a colour alone.
 */

export interface TagLook {
  fill: string;
  /** Text and border. */
  ink: string;
}

export const TAG_PALETTE: readonly TagLook[] = [
  { fill: '#dbeafe', ink: '#1e40af' },
  { fill: '#ccfbf1', ink: '#115e59' },
  { fill: '#fef3c7', ink: '#92400e' },
  { fill: '#ffe4e6', ink: '#9f1239' },
  { fill: '#ede9fe', ink: '#5b21b6' },
  { fill: '#dcfce7', ink: '#166534' },
  { fill: '#ffedd5', ink: '#9a3412' },
  { fill: '#cffafe', ink: '#155e75' },
  { fill: '#fae8ff', ink: '#86198f' },
  { fill: '#e2e8f0', ink: '#334155' },
];

/** The tag's colours: FNV-1a of its words picks one from the palette. */
export function tagLook(tag: string): TagLook {
  let h = 0x811c9dc5;
  for (let i = 0; i < tag.length; i++) {
    h ^= tag.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return TAG_PALETTE[(h >>> 0) % TAG_PALETTE.length]!;
}

/** The largest an asset grows when sized by its ties: half as large again as one with none. */
export const MAX_TIE_GROWTH = 0.5;

/**
 * How much larger an asset with `ties` ties is drawn, given the most any asset on the map has: by the square
 * root of its share, so that a few ties already show and the busiest asset does not bury its neighbours; 1 for
 * an asset with none.
 */
export function tieScale(ties: number, max: number): number {
  if (ties <= 0 || max <= 0) return 1;
  return 1 + MAX_TIE_GROWTH * Math.sqrt(Math.min(ties, max) / max);
}
