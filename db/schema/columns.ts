import { sql, type SQL } from 'drizzle-orm';
import { text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** SQL for `column IN ('a', 'b', …)`, used in CHECK constraints built from the domain's `as const` tuples. */
export function oneOf(column: AnySQLiteColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
  return sql`${column} in (${sql.raw(list)})`;
}

/** UTC ISO-8601 timestamp, set by the application (never SQLite's local-time functions). */
export const timestamp = (name: string) => text(name);

export const createdAt = () => timestamp('created_at').notNull();
export const updatedAt = () => timestamp('updated_at').notNull();
