/**
 * Packing laid-out components onto one page.
 */
import type { Point } from '../model';

/**
 * The page's shape, width:height, that a drawing aims at: landscape, as screens (16:10, 16:9) and printed
 * pages (1.41 on its side) are.
 */
export const PAGE_ASPECT = 1.6;

export interface Packable {
  width: number;
  height: number;
}

/**
 * Packs components in the order given (largest first, lone assets by kind) in rows of columns: a row is as tall
 * as its tallest component, and smaller ones stack in columns beside it up to that height before the row moves
 * on. So a few large components and many lone assets make one compact page, the lone ones in columns by kind.
 * Rows aim at a landscape page.
 */
export function pack(components: Packable[], gap: number): Point[] {
  const area = components.reduce((s, c) => s + (c.width + gap) * (c.height + gap), 0);
  const widest = Math.max(...components.map((c) => c.width));
  const rowWidth = Math.max(widest, Math.sqrt(area * PAGE_ASPECT));
  const out: Point[] = [];
  let rowTop = 0;
  let rowHeight = 0;
  let colX = 0;
  let colY = 0;
  let colWidth = 0;
  for (const c of components) {
    const fitsBelow = colY > rowTop && colY + c.height <= rowTop + rowHeight;
    if (!fitsBelow) {
      // A new column in this row, or a new row when the row is full.
      const x = colY > rowTop ? colX + colWidth + gap : colX;
      if (x > 0 && x + c.width > rowWidth) {
        rowTop += rowHeight + gap;
        rowHeight = 0;
        colX = 0;
      } else colX = x;
      colY = rowTop;
      colWidth = 0;
      rowHeight = Math.max(rowHeight, c.height);
    }
    out.push({ x: colX, y: colY });
    colY += c.height + gap;
    colWidth = Math.max(colWidth, c.width);
  }
  return out;
}
