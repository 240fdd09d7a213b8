/** A reader that throws is a bug: the user still gets a sentence, and the typed result says it was a crash. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/io/sheets', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/io/sheets')>()),
  readCsv: () => {
    throw new TypeError('rows is not iterable');
  },
}));

const { openBytes } = await import('../../src/io/open');

describe('openBytes and a reader that throws', () => {
  it('keeps the user-facing sentence and marks the result as a crash', async () => {
    const r = await openBytes('branch.csv', new TextEncoder().encode('Name,Strengths\nFriends,Books\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toBe('“branch.csv” is damaged: it could not be read (rows is not iterable). Your current map was not changed.');
    expect(r.crashed).toMatchObject({ name: 'TypeError', message: 'rows is not iterable' });
  });

  it('a file that is merely bad is not a crash', async () => {
    const r = await openBytes('notes.bin', new Uint8Array([0, 1, 2, 3]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.crashed).toBeUndefined();
  });
});
