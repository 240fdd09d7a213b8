/**
 * Places many new items at once with the layout's `placeNew`, without it scanning the whole map for each one.
 * `placeNew` checks a candidate against every node of the document it is given; importing a few hundred items
 * into a map of thousands would make that quadratic. So each call gets a small document: the parent, what already
 * hangs from it, and the nodes near the area `placeNew` searches, found through the map's spatial index (BoxIndex).
 */
import { type AssetMapDoc, type MapNode, type Point, getAttachmentIndex, isAsset } from '../../model';
import { type Size, nodeSize } from '../../look/measure';
import { type PlaceRequest, placeNew } from '../../layout/place';
import { BoxIndex } from '../../look/boxIndex';

/** How far right and down from its start `placeNew` may look for free space (10 columns, 40 rows of 20 px). */
const REACH_X = 10 * (220 + 24);
const REACH_Y = 40 * 20 + 220;
const MARGIN = 16;

export class BatchPlacer {
  private readonly sizes = new Map<string, Size>();
  private readonly index: BoxIndex<MapNode>;
  private readonly children: Map<string, MapNode[]>;
  private readonly nodes: Record<string, MapNode>;

  constructor(private readonly doc: AssetMapDoc) {
    this.nodes = { ...doc.nodes };
    this.children = new Map([...getAttachmentIndex(doc)].map(([k, v]) => [k, [...v]]));
    this.index = new BoxIndex(Object.values(doc.nodes), (node) => {
      const s = this.sizeOf(node);
      return { x0: node.x, y0: node.y, x1: node.x + s.width, y1: node.y + s.height };
    });
  }

  readonly sizeOf = (node: MapNode): Size => {
    let size = this.sizes.get(node.id);
    if (!size) this.sizes.set(node.id, (size = nodeSize(node)));
    return size;
  };

  /** Records a placed node, so that the next placements avoid it. */
  add(node: MapNode) {
    this.nodes[node.id] = node;
    this.sizes.delete(node.id);
    this.index.add(node);
    if ('attachedTo' in node) {
      const list = this.children.get(node.attachedTo);
      if (list) list.push(node);
      else this.children.set(node.attachedTo, [node]);
    }
  }

  /** Where an item attached to `req.attachedTo` goes: what `placeNew` would say on the whole map. */
  place(req: PlaceRequest & { attachedTo: string }): Point {
    const parent = this.nodes[req.attachedTo];
    if (!parent) return { x: 0, y: 0 };
    const siblings = this.children.get(parent.id) ?? [];
    // Where placeNew starts looking: below the parent, or below its lowest item.
    const last = siblings.reduce<MapNode>((low, s) => (s.y > low.y ? s : low), parent);
    const tb = isAsset(parent) && this.doc.layout.direction === 'TB';
    const x0 = Math.min(last.x, parent.x + (tb ? this.sizeOf(parent).width : 0)) - MARGIN;
    const y0 = Math.min(last.y, parent.y) - MARGIN;
    const x1 = Math.max(last.x, parent.x + this.sizeOf(parent).width + 36) + REACH_X + MARGIN;
    const y1 = last.y + this.sizeOf(last).height + REACH_Y + MARGIN;

    const near: Record<string, MapNode> = { [parent.id]: parent };
    for (const s of siblings) near[s.id] = s;
    for (const n of this.index.search({ x0, y0, x1, y1 })) near[n.id] = n;
    return placeNew({ ...this.doc, nodes: near }, req, this.sizeOf);
  }
}
