import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { restoreMap } from '../../src/io/mapFile';
import type { AssetMapDoc } from '../../src/model';
import { Network, freshRead, run, step } from './replicas';

/** Every replica shows the same document, a valid one, and the one it would read afresh from its Y.Doc. */
function expectConverged(net: Network) {
  expect(net.pending()).toBe(0);
  const [first, ...others] = net.docs();
  for (const doc of others) expect(doc).toEqual(first);
  const checked = restoreMap(first);
  expect(checked.ok && checked.value.repairs).toEqual([]);
  if (checked.ok) expect(checked.value.doc).toEqual(first);
  for (const r of net.replicas) expect(r.store.getDoc()).toEqual(freshRead(r));
}

describe('replicas of a shared map converge', () => {
  it('three replicas, random commands, undo and redo, messages delivered in random orders', () => {
    fc.assert(
      fc.property(fc.array(step(3), { maxLength: 30 }), fc.nat(), (steps, seed) => {
        const net = new Network(3);
        try {
          run(net, steps);
          net.flush(seed);
          expectConverged(net);
        } finally {
          net.destroy();
        }
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it('two replicas editing offline for long, then meeting', () => {
    fc.assert(
      fc.property(fc.array(step(2), { minLength: 10, maxLength: 40 }), fc.nat(), (steps, seed) => {
        const net = new Network(2);
        try {
          // Nothing is delivered until the end: each works on a copy of its own for the whole run.
          run(net, steps.filter((s) => s.do !== 'deliver'));
          net.flush(seed);
          expectConverged(net);
        } finally {
          net.destroy();
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('undoing every own step after merging leaves a valid map on every replica', () => {
    fc.assert(
      fc.property(fc.array(step(2), { maxLength: 25 }), fc.nat(), (steps, seed) => {
        const net = new Network(2);
        try {
          run(net, steps);
          net.flush(seed);
          for (const r of net.replicas) {
            // A step whose every change someone else already took back undoes nothing and is dropped.
            for (let guard = 0; r.store.getState().canUndo && guard < 100; guard++) r.store.undo();
            expect(r.store.getState().canUndo).toBe(false);
          }
          net.flush(seed + 1);
          expectConverged(net);
        } finally {
          net.destroy();
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

describe('what a replica writes', () => {
  /** Empty records of named details read back as none; the rest must be exactly what the command made. */
  const normal = (doc: AssetMapDoc) => {
    const checked = restoreMap(doc);
    if (!checked.ok) throw new Error('invalid');
    const out = structuredClone(checked.value.doc);
    for (const node of Object.values(out.nodes) as { fields?: object }[]) if (node.fields && Object.keys(node.fields).length === 0) delete node.fields;
    return out;
  };

  it('after every command, undo and redo, Y holds what the store made (once checked), and every replica shows what Y holds', () => {
    fc.assert(
      fc.property(fc.array(step(2), { maxLength: 30 }), (steps) => {
        const net = new Network(2);
        try {
          const [a] = net.replicas;
          let made: AssetMapDoc | undefined;
          a!.store.onLocalChange((c) => (made = c.doc));
          for (const s of steps) {
            made = undefined;
            run(net, [s]);
            if (made && s.do !== 'deliver' && s.at === 0) expect(normal(freshRead(a!))).toEqual(normal(made));
            // After every step, each replica shows what a full reading of its Y.Doc gives (not only at the end:
            // a later full reading would hide a wrong quick one).
            for (const r of net.replicas) expect(r.store.getDoc()).toEqual(freshRead(r));
          }
        } finally {
          net.destroy();
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
