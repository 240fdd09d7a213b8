/**
 * Replicas of one shared map for tests: each a Y.Doc, a DocStore and a binding, joined by a simulated network
 * whose messages the test delivers in any order it likes (or never, until it says so).
 */
import * as Y from 'yjs';
import fc from 'fast-check';
import { type AssetMapDoc, ASSET_KINDS, AREAS, IMPROVEMENT_STATUSES, SUNNYDALE, TIE_STRENGTHS, buildExample } from '../../src/model';
import { DocStore } from '../../src/store/docStore';
import { MapBinding } from '../../src/collab/binding';
import { SharedMapDoc, rawToMap } from '../../src/collab/yMap';
import { restoreMap } from '../../src/io/mapFile';

const NET = 'test-network';

export interface Replica {
  ydoc: Y.Doc;
  store: DocStore;
  binding: MapBinding;
}

export class Network {
  readonly replicas: Replica[] = [];
  /** Messages in flight, per sender and receiver. */
  readonly queues = new Map<string, Uint8Array[]>();

  constructor(count: number, start: AssetMapDoc = buildExample(SUNNYDALE, 'map')) {
    const docs = Array.from({ length: count }, (_, i) => {
      const ydoc = new Y.Doc();
      // Fixed client ids: which of two concurrent writes wins then depends on the test's choices only.
      ydoc.clientID = i + 1;
      return ydoc;
    });
    const first = new DocStore(start);
    const stores = [first];
    const bindings = [MapBinding.publish(docs[0]!, first)];
    const state = Y.encodeStateAsUpdate(docs[0]!);
    for (let i = 1; i < count; i++) {
      Y.applyUpdate(docs[i]!, state, NET);
      const store = new DocStore(buildExample(SUNNYDALE, 'elsewhere'));
      const joined = MapBinding.join(docs[i]!, store);
      if (!joined.ok) throw new Error(`join failed: ${joined.error.kind}`);
      stores.push(store);
      bindings.push(joined.value);
    }
    docs.forEach((ydoc, i) => {
      this.replicas.push({ ydoc, store: stores[i]!, binding: bindings[i]! });
      ydoc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NET) return;
        for (let j = 0; j < count; j++) if (j !== i) this.queue(i, j).push(update);
      });
    });
  }

  queue(from: number, to: number): Uint8Array[] {
    const key = `${from}>${to}`;
    let q = this.queues.get(key);
    if (!q) this.queues.set(key, (q = []));
    return q;
  }

  pending(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Delivers one message chosen by `pick` among all in flight, out of order too. False when none is. */
  deliverOne(pick: number): boolean {
    const all: [string, number][] = [];
    for (const [key, q] of this.queues) q.forEach((_, i) => all.push([key, i]));
    if (all.length === 0) return false;
    const [key, index] = all[pick % all.length]!;
    const q = this.queues.get(key)!;
    const [update] = q.splice(index, 1);
    const to = Number(key.split('>')[1]);
    Y.applyUpdate(this.replicas[to]!.ydoc, update!, NET);
    return true;
  }

  /** Delivers everything, in an order drawn from `seed`. */
  flush(seed = 1): void {
    let x = seed >>> 0 || 1;
    for (;;) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      if (!this.deliverOne(x)) return;
    }
  }

  docs(): AssetMapDoc[] {
    return this.replicas.map((r) => r.store.getDoc());
  }

  destroy(): void {
    for (const r of this.replicas) {
      r.binding.destroy();
      r.ydoc.destroy();
    }
  }
}

/** What a replica reads from its Y.Doc right now, afresh (no cached state of the binding). */
export function freshRead(replica: Replica): AssetMapDoc {
  const opened = restoreMap(rawToMap(new SharedMapDoc(replica.ydoc).readRaw()));
  if (!opened.ok) throw new Error('unreadable');
  return opened.value.doc;
}

/** Random commands over a small id space, so that they often hit the same nodes on different replicas. */
const ids = ['na1', 'school', 'na2', 'children', 'room', 'tech', 'friends', 'high', 'school.s0', 'na2.w0', 'room.i0', 'x1', 'x2', 'x3'];
const id = fc.constantFrom(...ids);
const text = fc.string({ maxLength: 8 });
const point = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) });
const edgeIds = fc.constantFrom('e1', 'e2', 'rel0', 'rel1', 'sup0');

export const command = fc.oneof(
  fc.record({ name: fc.constant('addAsset' as const), p: fc.record({ id, kind: fc.constantFrom(...ASSET_KINDS), label: text, x: fc.integer({ min: -999, max: 999 }), y: fc.integer({ min: -999, max: 999 }) }) }),
  fc.record({
    name: fc.constant('addAttachment' as const),
    p: fc.record({ id, kind: fc.constantFrom('strength' as const, 'weakness' as const, 'improvement' as const), attachedTo: id, label: text, x: fc.integer({ min: -999, max: 999 }), y: fc.integer({ min: -999, max: 999 }) }),
  }),
  fc.record({
    name: fc.constant('updateNode' as const),
    p: fc.record({
      id,
      patch: fc.record(
        {
          label: text,
          details: fc.option(text, { nil: undefined }),
          status: fc.constantFrom(...IMPROVEMENT_STATUSES),
          areas: fc.array(fc.constantFrom(...AREAS), { maxLength: 3 }),
          fields: fc.option(fc.dictionary(fc.constantFrom('role', 'priorities', 'stories'), text, { maxKeys: 2 }), { nil: undefined }),
          owner: id,
          attachedTo: id,
          tags: fc.array(text, { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
    }),
  }),
  fc.record({ name: fc.constant('moveNodes' as const), p: fc.record({ positions: fc.dictionary(id, point, { maxKeys: 3 }) }) }),
  fc.record({ name: fc.constant('deleteNodes' as const), p: fc.record({ ids: fc.array(id, { maxLength: 2 }) }) }),
  fc.record({
    name: fc.constant('linkAssets' as const),
    p: fc.record({ id: fc.constantFrom('e1', 'e2'), kind: fc.constantFrom('relationship' as const, 'supports' as const), source: id, target: id, tie: fc.constantFrom(...TIE_STRENGTHS) }),
  }),
  fc.record({ name: fc.constant('updateEdge' as const), p: fc.record({ id: edgeIds, patch: fc.record({ tie: fc.constantFrom(...TIE_STRENGTHS), label: text }, { requiredKeys: [] }) }) }),
  fc.record({ name: fc.constant('deleteEdges' as const), p: fc.record({ ids: fc.array(edgeIds, { maxLength: 2 }) }) }),
  fc.record({
    name: fc.constant('applyLayout' as const),
    p: fc.record({
      positions: fc.dictionary(id, point, { maxKeys: 4 }),
      routes: fc.dictionary(fc.constantFrom('rel0', 'rel1', 'a:school.s0'), fc.array(point, { minLength: 2, maxLength: 3 }), { maxKeys: 2 }),
      settings: fc.option(fc.record({ direction: fc.constantFrom('LR' as const, 'TB' as const), spacing: fc.integer({ min: 20, max: 200 }) }), { nil: undefined }),
    }),
  }),
  fc.record({ name: fc.constant('setTitle' as const), p: fc.record({ title: text }) }),
  fc.record({ name: fc.constant('setReflectAnswer' as const), p: fc.record({ question: fc.constantFrom('q1', 'q2'), text }) }),
  fc.record({ name: fc.constant('dismissSuggestion' as const), p: fc.record({ key: fc.constantFrom('s1', 's2') }) }),
  fc.record({ name: fc.constant('restoreSuggestion' as const), p: fc.record({ key: fc.constantFrom('s1', 's2') }) }),
  fc.record({ name: fc.constant('reorderNode' as const), p: fc.record({ id, before: fc.option(id, { nil: undefined }) }) }),
  fc.record({
    name: fc.constant('setAttachmentList' as const),
    p: fc.record({
      assetId: id,
      kind: fc.constantFrom('strength' as const, 'weakness' as const, 'improvement' as const),
      labels: fc.array(text, { maxLength: 3 }),
      newIds: fc.array(fc.constantFrom('n1', 'n2', 'n3'), { maxLength: 3 }),
      newPositions: fc.constant([]),
    }),
  }),
  fc.record({
    name: fc.constant('saveView' as const),
    p: fc.record({
      view: fc.record({
        id: fc.constantFrom('v1', 'v2'),
        name: text,
        order: fc.constant(0),
        region: fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }), width: fc.integer({ min: 1, max: 900 }), height: fc.integer({ min: 1, max: 900 }) }),
        hiddenKinds: fc.option(fc.uniqueArray(fc.constantFrom(...ASSET_KINDS), { minLength: 1, maxLength: 2 }), { nil: undefined }),
        focus: fc.option(fc.record({ ids: fc.uniqueArray(id, { minLength: 1, maxLength: 2 }), steps: fc.constantFrom(1 as const, 2 as const, 3 as const) }), { nil: undefined }),
      }, { requiredKeys: ['id', 'name', 'order', 'region'] }),
    }),
  }),
  fc.record({ name: fc.constant('renameView' as const), p: fc.record({ id: fc.constantFrom('v1', 'v2'), name: text }) }),
  fc.record({ name: fc.constant('deleteView' as const), p: fc.record({ id: fc.constantFrom('v1', 'v2') }) }),
);

export type Step =
  | { do: 'command'; at: number; cmd: { name: string; p: unknown } }
  | { do: 'undo' | 'redo'; at: number }
  | { do: 'deliver'; pick: number };

export const step = (replicas: number): fc.Arbitrary<Step> => {
  const at = fc.integer({ min: 0, max: replicas - 1 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ do: fc.constant('command' as const), at, cmd: command }) },
    { weight: 1, arbitrary: fc.record({ do: fc.constantFrom('undo' as const, 'redo' as const), at }) },
    { weight: 3, arbitrary: fc.record({ do: fc.constant('deliver' as const), pick: fc.nat() }) },
  );
};

export function run(net: Network, steps: Step[]): void {
  for (const s of steps) {
    if (s.do === 'deliver') net.deliverOne(s.pick);
    else {
      const { store } = net.replicas[s.at]!;
      if (s.do === 'command') store.dispatch(s.cmd.name as never, s.cmd.p as never);
      else if (s.do === 'undo') store.undo();
      else store.redo();
    }
  }
}
