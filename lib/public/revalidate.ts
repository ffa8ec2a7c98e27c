import { revalidatePath, revalidateTag } from 'next/cache';
import { getDb } from '../../db/client';
import { PUBLIC_CACHE_TAG, publicTagsOf, type PublicChange } from './cache-tags';

export type { PublicChange } from './cache-tags';

/**
 * Call after every write that can change what the public sees (server actions and route handlers), after
 * its transaction committed.
 *
 * With what the write changed (`{ contractIds, matterIds, contractorIds }`), it expires only the public
 * reads and cached pages that show those records, and the registry-wide figures (lib/public/cache-tags.ts):
 * every other cached page stays cached. Without arguments (rare, catalogue-wide writes: a department
 * renamed, an import) it expires every public read and every rendered page under /[locale].
 *
 * Tags are expired at once ({ expire: 0 }): the next reader waits for fresh data rather than getting stale
 * figures.
 */
export function revalidatePublic(change?: PublicChange): void {
  let tags: string[] | null = null;
  try {
    tags = change ? publicTagsOf(getDb(), change) : null;
  } catch {
    // The write has committed: never fail it over its cache; expire everything instead.
    tags = null;
  }
  if (tags === null) {
    revalidateTag(PUBLIC_CACHE_TAG, { expire: 0 });
    revalidatePath('/[locale]', 'layout');
    return;
  }
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
