import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: unknown[][] = [];
vi.mock('next/cache', () => ({
  revalidateTag: (...args: unknown[]) => calls.push(['revalidateTag', ...args]),
  revalidatePath: (...args: unknown[]) => calls.push(['revalidatePath', ...args]),
  unstable_cache: (fn: unknown) => fn,
}));

describe('revalidatePublic', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('expires the public data cache at once and every page under /[locale]', async () => {
    const { revalidatePublic } = await import('./revalidate');
    const { PUBLIC_CACHE_TAG } = await import('./cached');
    revalidatePublic();
    expect(calls).toEqual([
      ['revalidateTag', PUBLIC_CACHE_TAG, { expire: 0 }],
      ['revalidatePath', '/[locale]', 'layout'],
    ]);
  });
});
