import { revalidatePath, revalidateTag } from 'next/cache';
import { PUBLIC_CACHE_TAG } from './cached';

/**
 * Call after every write that can change what the public sees (server actions and route handlers).
 * Expires the public data cache at once ({ expire: 0 }: the next reader waits for fresh data rather than
 * getting stale figures) and every rendered page under /[locale].
 */
export function revalidatePublic(): void {
  revalidateTag(PUBLIC_CACHE_TAG, { expire: 0 });
  revalidatePath('/[locale]', 'layout');
}
