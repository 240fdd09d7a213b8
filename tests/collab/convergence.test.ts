import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { restoreMap } from '../../src/io/mapFile';
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
