import type { Db } from '../../db/client';

// Whether anything was written to the database, whatever the audit trail says: for the fuzz tests, which
// must show that a refused input changed nothing. A digest of every table, cheap enough to take around each
// of thousands of inputs: per table its row count, its highest rowid and the number of rows written to it.
// The count of writes comes from temporary triggers (after every INSERT, UPDATE and DELETE on the table), so
// an UPDATE in place, which leaves count and rowid as they were, shows too; a rolled-back transaction takes
// its writes back with it, as it does the rows. Hashing every row instead would cost the size of the
// database for each input, and the fuzz databases grow with every valid input.

/** The tables of the schema: not SQLite's own, the full-text index's (virtual and shadow) or the migrations journal. */
function tablesOf(db: Db): string[] {
  return db.$client
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%' and name <> '__drizzle_migrations' and sql not like 'CREATE VIRTUAL%' order by name`)
    .pluck()
    .all() as string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Installs the write counters on this connection (idempotent): temporary, so the database file never has them. */
export function watchWrites(db: Db): void {
  const sqlite = db.$client;
  sqlite.exec(`create temp table if not exists test_table_writes (tbl text primary key, n integer not null)`);
  for (const t of tablesOf(db)) {
    sqlite.prepare(`insert or ignore into temp.test_table_writes (tbl, n) values (?, 0)`).run(t);
    for (const event of ['insert', 'update', 'delete']) {
      sqlite.exec(`create temp trigger if not exists ${quote(`test_writes_${event}_${t}`)} after ${event} on main.${quote(t)} begin update test_table_writes set n = n + 1 where tbl = ${literal(t)}; end`);
    }
  }
}

export type TableDigest = Record<string, string>;

/** `count:max(rowid):writes` for every table; watchWrites must have been called on the connection. */
export function tableDigest(db: Db): TableDigest {
  const sqlite = db.$client;
  const writes = new Map(sqlite.prepare(`select tbl, n from temp.test_table_writes`).raw().all() as [string, number][]);
  const digest: TableDigest = {};
  for (const t of tablesOf(db)) {
    if (!writes.has(t)) throw new Error(`table ${t} has no write counter: call watchWrites after the schema is complete`);
    const [rows, maxRowid] = sqlite.prepare(`select count(*), max(rowid) from main.${quote(t)}`).raw().get() as [number, number | null];
    digest[t] = `${rows}:${maxRowid ?? 0}:${writes.get(t)}`;
  }
  return digest;
}

/** The tables whose digest differs. */
export function changedTables(before: TableDigest, after: TableDigest): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]).sort();
}
