/**
 * Places many new items at once with the layout's `placeNew`, without it scanning the whole map for each one.
 * `placeNew` checks a candidate against every node of the document it is given; importing a few hundred items
 * into a map of thousands would make that quadratic. So each call gets a small document: the parent, what already
 * hangs from it, and the nodes near the area `placeNew` searches, found through a grid of buckets.
 */
import { type AssetMapDoc, type MapNode, type Point, getAttachmentIndex, isAsset } from '../../model';
import { type Size, nodeSize } from '../../look/measure';
import { type PlaceRequest, placeNew } from '../../layout';

const BUCKET = 256;
/** How far right and down from its start `placeNew` may look for free space (10 columns, 40 rows of 20 px). */
const REACH_X = 10 * (220 + 24);
const REACH_Y = 40 * 20 + 220;
const MARGIN = 16;

export class BatchPlacer {
  private readonly sizes = new Map<string, Size>();
  private readonly buckets = new Map<string, MapNode[]>();
  private readonly children: Map<string, MapNode[]>;
  private readonly nodes: Record<string, MapNode>;

  constructor(private readonly doc: AssetMapDoc) {
    this.nodes = { ...doc.nodes };
    this.children = new Map([...getAttachmentIndex(doc)].map(([k, v]) => [k, [...v]]));
    for (const node of Object.values(doc.nodes)) this.index(node);
  }

  readonly sizeOf = (node: MapNode): Size => {
    let size = this.sizes.get(node.id);
    if (!size) this.sizes.set(node.id, (size = nodeSize(node)));
    return size;
  };

  private index(node: MapNode) {
    const s = this.sizeOf(node);
    for (let bx = Math.floor(node.x / BUCKET); bx <= Math.floor((node.x + s.width) / BUCKET); bx++) {
      for (let by = Math.floor(node.y / BUCKET); by <= Math.floor((node.y + s.height) / BUCKET); by++) {
        const key = `${bx},${by}`;
        const list = this.buckets.get(key);
        if (list) list.push(node);
        else this.buckets.set(key, [node]);
      }
    }
  }

  /** Records a placed node, so that the next placements avoid it. */
  add(node: MapNode) {
    this.nodes[node.id] = node;
    this.sizes.delete(node.id);
    this.index(node);
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
    for (let bx = Math.floor(x0 / BUCKET); bx <= Math.floor(x1 / BUCKET); bx++) {
      for (let by = Math.floor(y0 / BUCKET); by <= Math.floor(y1 / BUCKET); by++) {
        for (const n of this.buckets.get(`${bx},${by}`) ?? []) near[n.id] = n;
      }
    }
    return placeNew({ ...this.doc, nodes: near }, req, this.sizeOf);
  }
}
