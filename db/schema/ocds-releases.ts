import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { contracts } from './contracts';

/**
 * Every OCDS release the registry has published, kept as published (releases are immutable): a new row
 * whenever something published about a contract changes, written in the same transaction as that change.
 * `id` orders them (the `since=` feeds and the bulk files read in this order).
 */
export const ocdsReleases = sqliteTable(
  'ocds_releases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    ocid: text('ocid').notNull(),
    releaseId: text('release_id').notNull().unique(),
    /** The release's date as a UTC instant (the JSON shows it in Beijing time). */
    publishedAt: text('published_at').notNull(),
    /** SHA-256 of the release without its id, date and tag: a rebuild that hashes the same publishes nothing. */
    contentHash: text('content_hash').notNull(),
    /** The release as published: JSON text. */
    data: text('data').notNull(),
  },
  (t) => [index('ocds_releases_ocid_idx').on(t.ocid, t.id), index('ocds_releases_contract_idx').on(t.contractId, t.id), index('ocds_releases_published_at_idx').on(t.publishedAt, t.id)],
);
