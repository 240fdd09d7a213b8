/**
 * One spatial index for the map's boxes (nodes, segments of edge routes): which items touch a rectangle, without
 * looking at every item. Backed by Flatbush, a packed Hilbert R-tree in typed arrays, built once in O(n log n).
 * Flatbush cannot take items after it is built, so items added later wait in a short list that every search also
 * reads, and are built in with the rest once that list grows to a quarter of the index.
 *
 * Pure: no DOM; runs in the layout worker, in the exporters and on the page alike.
 */
import Flatbush from 'flatbush';

/** An axis-aligned rectangle by its corners. */
export interface Extent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Items in the list are read one by one below this many; above it, a quarter of the index. */
const MIN_PENDING = 64;

export class BoxIndex<T> {
  private tree: Flatbush | undefined;
  private indexed: T[] = [];
  private extents: Extent[] = [];
  private pending: { item: T; extent: Extent }[] = [];

  constructor(
    items: Iterable<T>,
    private readonly extentOf: (item: T) => Extent,
  ) {
    this.build([...items].map((item) => ({ item, extent: extentOf(item) })));
  }

  get size(): number {
    return this.indexed.length + this.pending.length;
  }

  /** Adds an item: found by every search from now on. */
  add(item: T): void {
    this.pending.push({ item, extent: this.extentOf(item) });
    if (this.pending.length > Math.max(MIN_PENDING, this.indexed.length / 4)) {
      this.build([...this.indexed.map((item, i) => ({ item, extent: this.extents[i]! })), ...this.pending]);
    }
  }

  /** The items whose extents touch the rectangle (sharing an edge counts), in no particular order. */
  search(r: Extent): T[] {
    const out: T[] = [];
    this.visit(r, (item) => out.push(item));
    return out;
  }

  /** Calls `fn` with each item whose extent touches the rectangle: a search that makes no array, for hot loops. */
  visit(r: Extent, fn: (item: T) => void): void {
    const { indexed } = this;
    // Flatbush's filter sees every hit; keeping none, its own result array stays empty.
    this.tree?.search(r.x0, r.y0, r.x1, r.y1, (i) => {
      fn(indexed[i]!);
      return false;
    });
    for (const { item, extent: e } of this.pending) if (e.x0 <= r.x1 && e.x1 >= r.x0 && e.y0 <= r.y1 && e.y1 >= r.y0) fn(item);
  }

  private build(entries: { item: T; extent: Extent }[]): void {
    this.indexed = entries.map((e) => e.item);
    this.extents = entries.map((e) => e.extent);
    this.pending = [];
    // Flatbush needs at least one item.
    if (!entries.length) {
      this.tree = undefined;
      return;
    }
    const tree = new Flatbush(entries.length);
    for (const { extent: e } of entries) tree.add(e.x0, e.y0, e.x1, e.y1);
    tree.finish();
    this.tree = tree;
  }
}
