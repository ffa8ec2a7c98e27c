import type Database from 'better-sqlite3';
import type { Db } from '../../db/client';
import { publishedContractSql, publishedMatterSql } from '../domain/predicates';

// Totals of the public lists, kept in `public_counts` by triggers (lib/public/count-triggers.ts) in the same transaction
// as every write to matters and contracts. Reading one is a primary-key lookup instead of a count over
// every published row.

type PublicCountName = 'matters.published' | 'contracts.published';

const recount: Record<PublicCountName, string> = {
  'matters.published': `select count(*) from matters where ${publishedMatterSql('catalogue_status')}`,
  'contracts.published': `select count(*) from contracts where ${publishedContractSql('status')}`,
};

export function readPublicCount(db: Db, name: PublicCountName): number {
  const n = db.$client.prepare(`select n from public_counts where name = ?`).pluck().get(name) as number | undefined;
  return n ?? (db.$client.prepare(recount[name]).pluck().get() as number);
}

/** Recomputes every count from the rows (after a bulk load that bypassed nothing, it changes nothing). */
export function rebuildPublicCounts(sqlite: Database.Database): void {
  const upsert = sqlite.prepare(`insert into public_counts (name, n) values (?, ?) on conflict (name) do update set n = excluded.n`);
  sqlite.transaction(() => {
    for (const [name, query] of Object.entries(recount)) upsert.run(name, sqlite.prepare(query).pluck().get() as number);
  }).immediate();
}

/** Every count with the value a recount gives now, for tests and checks. */
export function checkPublicCounts(sqlite: Database.Database): { name: string; stored: number | undefined; actual: number }[] {
  return Object.entries(recount).map(([name, query]) => ({
    name,
    stored: sqlite.prepare(`select n from public_counts where name = ?`).pluck().get(name) as number | undefined,
    actual: sqlite.prepare(query).pluck().get() as number,
  }));
}
