import type { Db } from '../../db/client';

// The tags the public reads are kept under in Next's data cache (lib/public/cached.ts). A page served from
// Next's page cache carries the tags of every cached read it made while rendering, so expiring a tag
// expires both the data and every cached page built from it. One tag per public record, one for the
// figures (overview, procurement shares, department choices), and one that every read carries.

/** Every public read carries it: expiring it expires everything (`revalidatePublic()` without arguments). */
export const PUBLIC_CACHE_TAG = 'public-registry';
/** The registry-wide figures: the overview, the procurement shares, the matter filter's departments. */
export const FIGURES_TAG = 'public-figures';
export const contractTag = (reference: string) => `public-contract:${reference}`;
export const matterTag = (code: string) => `public-matter:${code}`;
export const contractorTag = (id: number) => `public-contractor:${id}`;

/** What a write changed, by the ids the use case knows. */
export type PublicChange = { contractIds?: readonly number[]; matterIds?: readonly number[]; contractorIds?: readonly number[] };

/** Beyond this many tags a write expires everything instead (a contractor with thousands of contracts). */
export const MAX_TAGS = 500;

/**
 * The tags of the public reads a change can alter, or null when it is cheaper to expire everything. What
 * each public record shows of others: a contract its matter, contractor, renewal links; a matter its
 * contracts and their contractors; a contractor its contracts and their matters. The figures always.
 * Drafts and unpublished rows are included too: a tag that names nothing cached costs nothing.
 */
export function publicTagsOf(db: Db, change: PublicChange): string[] | null {
  const contracts = new Set<number>(change.contractIds ?? []);
  const matters = new Set<number>(change.matterIds ?? []);
  const contractors = new Set<number>(change.contractorIds ?? []);
  const matterCodes = new Set<string>();
  const client = db.$client;
  const ids = (s: Set<number>) => JSON.stringify([...s]);
  // Everything a matter or contractor page shows: their contracts.
  if (matters.size + contractors.size > 0) {
    const rows = client
      .prepare('select id from contracts where matter_id in (select value from json_each(?)) or contractor_id in (select value from json_each(?))')
      .all(ids(matters), ids(contractors)) as { id: number }[];
    if (rows.length > MAX_TAGS) return null;
    for (const r of rows) contracts.add(r.id);
  }
  const references = new Set<string>();
  if (contracts.size > 0) {
    // The contracts, the contracts a renewal links them to (both pages name each other), their matters and contractors.
    const rows = client
      .prepare(
        `select c.reference, m.code, c.contractor_id as contractorId from contracts c join matters m on m.id = c.matter_id
          where c.id in (select value from json_each(@ids)) or c.id in (select renewal_of_id from contracts where id in (select value from json_each(@ids)))
             or c.renewal_of_id in (select value from json_each(@ids))`,
      )
      .all({ ids: ids(contracts) }) as { reference: string; code: string; contractorId: number }[];
    for (const r of rows) {
      references.add(r.reference);
      contractors.add(r.contractorId);
      matterCodes.add(r.code);
    }
  }
  if (matters.size > 0) {
    const rows = client.prepare('select code from matters where id in (select value from json_each(?))').all(ids(matters)) as { code: string }[];
    for (const r of rows) matterCodes.add(r.code);
  }
  const tags = [FIGURES_TAG, ...[...references].map(contractTag), ...[...matterCodes].map(matterTag), ...[...contractors].map(contractorTag)];
  return tags.length > MAX_TAGS ? null : tags;
}
