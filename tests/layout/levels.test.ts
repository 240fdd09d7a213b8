import { describe, expect, it } from 'vitest';
import { dissolveThinEnds, levelsOf } from '../../src/layout/levels';
import { seededRandom } from '../../src/model';

/** A connected random graph: a random tree, then extra links anywhere. */
function randomGraph(count: number, extra: number, seed: number): [number, number][] {
  const rng = seededRandom(seed);
  const pairs: [number, number][] = [];
  for (let v = 1; v < count; v++) pairs.push([v, Math.floor(rng() * v)]);
  for (let i = 0; i < extra; i++) pairs.push([Math.floor(rng() * count), Math.floor(rng() * count)]);
  return pairs.filter(([a, b]) => a !== b);
}

const counts = (level: Int32Array) => {
  const out: number[] = [];
  for (const l of level) out[l] = (out[l] ?? 0) + 1;
  return out;
};

describe('levelsOf', () => {
  it('uses levels 0, 1, 2, … with none empty and none over the bound', () => {
    const pairs = randomGraph(600, 500, 1);
    const level = levelsOf(600, pairs, 40);
    const per = counts(level);
    expect(per.every((c) => c > 0 && c <= 40)).toBe(true);
  });

  it('puts each block past its lowest neighbour placed before it, so links join different levels or one', () => {
    const pairs = randomGraph(300, 200, 2);
    const level = levelsOf(300, pairs, 1000);
    // Unbounded, these are breadth-first levels: linked blocks are at most one level apart.
    for (const [a, b] of pairs) expect(Math.abs(level[a]! - level[b]!)).toBeLessThanOrEqual(1);
  });
});

describe('dissolveThinEnds', () => {
  it('folds a chain at the end of a map into two ranks, with every link still joining neighbouring levels', () => {
    // A chain 0-1-2-3-4 leading into a dense part 5..204.
    const pairs: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      ...randomGraph(200, 300, 3).map(([a, b]): [number, number] => [a + 5, b + 5]),
    ];
    const before = levelsOf(205, pairs, 30);
    const after = dissolveThinEnds(before, pairs, 3);
    expect(counts(after).length).toBeLessThan(counts(before).length);
    expect(counts(after).every((c) => c > 0)).toBe(true);
    for (const [a, b] of pairs) {
      // No link becomes longer, and none that joined two levels ends within one.
      expect(Math.abs(after[a]! - after[b]!)).toBeLessThanOrEqual(Math.max(1, Math.abs(before[a]! - before[b]!)));
      if (before[a] !== before[b]) expect(after[a]).not.toBe(after[b]);
    }
    // The chain zigzags between two levels.
    expect(new Set([0, 1, 2, 3].map((v) => after[v])).size).toBe(2);
  });

  it('leaves levels alone that hold enough blocks', () => {
    const pairs = randomGraph(400, 600, 4);
    const level = levelsOf(400, pairs, 1000);
    const per = counts(level);
    const min = Math.min(...per);
    expect(dissolveThinEnds(level, pairs, min)).toEqual(level);
  });
});
