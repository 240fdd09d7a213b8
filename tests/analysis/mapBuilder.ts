/**
 * Small documents for the analysis tests, written as a worksheet would be: assets with their strengths,
 * weaknesses and improvements, and the edges between them. Ids are readable: `<asset>.s<n>`, `<asset>.w<n>`,
 * `<asset>.i<n>`.
 */
import {
  type Area,
  type AssetKind,
  type AssetMapDoc,
  type ImprovementStatus,
  type Passion,
  type TieStrength,
  emptyDoc,
} from '../../src/model';

export class MapBuilder {
  readonly doc: AssetMapDoc = emptyDoc('Test map', 'test-map');
  private order = 0;
  private counts = new Map<string, number>();
  private edges = 0;

  private next(prefix: string): number {
    const n = this.counts.get(prefix) ?? 0;
    this.counts.set(prefix, n + 1);
    return n;
  }

  asset(id: string, kind: AssetKind, label: string, extra: { passions?: (string | Passion)[]; details?: string } = {}): this {
    this.doc.nodes[id] = {
      id,
      kind,
      label,
      x: 0,
      y: 0,
      order: this.order++,
      ...(extra.details ? { details: extra.details } : {}),
      ...(extra.passions ? { passions: extra.passions.map((p) => (typeof p === 'string' ? { text: p } : p)) } : {}),
    };
    return this;
  }

  private trait(kind: 'strength' | 'weakness', asset: string, label: string, areas?: Area[]): string {
    const n = this.next(`${asset}.${kind[0]}`);
    const id = `${asset}.${kind[0]}${n}`;
    this.doc.nodes[id] = { id, kind, label, attachedTo: asset, x: 0, y: 0, order: n, ...(areas ? { areas } : {}) };
    return id;
  }

  strength(asset: string, label: string, areas?: Area[]): this {
    this.trait('strength', asset, label, areas);
    return this;
  }

  weakness(asset: string, label: string, areas?: Area[]): this {
    this.trait('weakness', asset, label, areas);
    return this;
  }

  improvement(attachedTo: string, label: string, status: ImprovementStatus = 'idea', owner?: string): this {
    const asset = attachedTo.split('.')[0]!;
    const n = this.next(`${asset}.i`);
    const id = `${asset}.i${n}`;
    this.doc.nodes[id] = { id, kind: 'improvement', label, attachedTo, status, x: 0, y: 0, order: n, ...(owner ? { owner } : {}) };
    return this;
  }

  relationship(a: string, b: string, tie: TieStrength = 'regular'): this {
    const id = `e${this.edges++}`;
    this.doc.edges[id] = { id, kind: 'relationship', source: a, target: b, tie };
    return this;
  }

  supports(source: string, target: string): this {
    const id = `e${this.edges++}`;
    this.doc.edges[id] = { id, kind: 'supports', source, target };
    return this;
  }

  dismiss(key: string): this {
    this.doc.dismissed[key] = true;
    return this;
  }
}

export const map = () => new MapBuilder();
