/**
 * The first view of a map (opened, switched to): the whole map when its words can be read so; otherwise the
 * busiest part of it at the smallest readable zoom, the rest a pan or the Fit button (or the 0 key) away. It is
 * the first thing a director sees of a map, and a map fitted at 50 % is a picture of boxes with 6 px text.
 *
 * Pure: from the items' boxes and the view's size, no React Flow; MapView applies the result.
 */

/** Below this the items' 12 px text is under 10 px on screen. */
export const READABLE_ZOOM = 0.8;

/** Room left around the window's first item, in the map's units. */
const MARGIN = 16;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The viewport showing the most whole items at READABLE_ZOOM, or undefined when the whole map reads at that zoom
 * or more (fit it, then). The window starts at an item's top-left corner, so that a row of items starts whole at
 * the top of the view: the item whose window holds the most items whole (the nearer the map's top-left corner, the
 * better, among equals).
 */
export function readableViewport(boxes: readonly Box[], view: { width: number; height: number }, pad: Padding): Viewport | undefined {
  if (!boxes.length) return undefined;
  const innerW = view.width - pad.left - pad.right;
  const innerH = view.height - pad.top - pad.bottom;
  if (innerW <= 0 || innerH <= 0) return undefined;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  const fitZoom = Math.min(innerW / Math.max(1, maxX - minX), innerH / Math.max(1, maxY - minY));
  if (fitZoom >= READABLE_ZOOM) return undefined;

  const zoom = READABLE_ZOOM;
  const w = innerW / zoom;
  const h = innerH / zoom;
  // A window's top-left corner; the map is centred in a dimension it fits in. (Kept from running past the map's
  // far side, a window would cut the items at its top instead.)
  const place = (x: number, y: number) => ({
    x: maxX - minX > w ? x : minX - (w - (maxX - minX)) / 2,
    y: maxY - minY > h ? y : minY - (h - (maxY - minY)) / 2,
  });
  let best = { x: minX, y: minY, count: -1, distance: Number.POSITIVE_INFINITY };
  for (const c of boxes) {
    const at = place(c.x - MARGIN, c.y - MARGIN);
    let count = 0;
    for (const b of boxes) if (b.x >= at.x && b.y >= at.y && b.x + b.width <= at.x + w && b.y + b.height <= at.y + h) count++;
    const distance = Math.hypot(at.x - minX, at.y - minY);
    if (count > best.count || (count === best.count && distance < best.distance)) best = { ...at, count, distance };
  }
  return { x: pad.left - best.x * zoom, y: pad.top - best.y * zoom, zoom };
}
