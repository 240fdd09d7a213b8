import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from '../../src/ui/loadOnce';

describe('loadOnce', () => {
  it('loads once and shares the load between callers', async () => {
    const load = vi.fn(async () => ({ code: 1 }));
    const get = loadOnce(load);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(await get()).toBe(a);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a load that failed, and keeps the one that worked', async () => {
    let fail = true;
    const load = vi.fn(async () => {
      if (fail) throw new Error('offline');
      return 'code';
    });
    const get = loadOnce(load);
    await expect(get()).rejects.toThrow('offline');
    fail = false;
    expect(await get()).toBe('code');
    expect(await get()).toBe('code');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
