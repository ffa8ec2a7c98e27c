import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Counts the public lists show as their totals, kept on write rather than counted on read (a count over a
 * million contracts takes longer than the rest of the page). SQLite triggers on `matters` and `contracts`
 * (migration 0007) change them in the same transaction as the row they count, whichever code path writes
 * it; `rebuildPublicCounts` (lib/public/counts.ts) recomputes them after a bulk load.
 *
 * - `matters.published`: matters listed or withdrawn
 * - `contracts.published`: contracts active, suspended, completed or terminated
 */
export const publicCounts = sqliteTable('public_counts', {
  name: text('name').primaryKey(),
  n: integer('n').notNull(),
});
