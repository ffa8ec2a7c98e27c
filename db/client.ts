import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { getEnv } from '../lib/env';
import { discardNotedChanges, publishNotedChanges } from '../lib/ocds/publish';
import { installPublicCountTriggers } from '../lib/public/count-triggers';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Sets and then checks the pragmas durability depends on; refuses to go on without them. */
export function configureConnection(sqlite: Database.Database, file: string): void {
  sqlite.pragma('busy_timeout = 5000');
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  // better-sqlite3 defaults to NORMAL, which can lose committed transactions on power loss in WAL mode.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');

  const journal = sqlite.pragma('journal_mode', { simple: true });
  const synchronous = sqlite.pragma('synchronous', { simple: true });
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true });
  const problems: string[] = [];
  if (file !== ':memory:' && journal !== 'wal') problems.push(`journal_mode is ${String(journal)}, expected wal`);
  if (synchronous !== 2) problems.push(`synchronous is ${String(synchronous)}, expected 2 (FULL)`);
  if (foreignKeys !== 1) problems.push(`foreign_keys is ${String(foreignKeys)}, expected 1 (ON)`);
  if (problems.length > 0) throw new Error(`Database ${file} is not safe to use: ${problems.join('; ')}`);
}

export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  configureConnection(sqlite, file);
  const db = drizzle({ client: sqlite, schema }) as Db;
  if (options.migrate ?? true) {
    migrate(db, { migrationsFolder });
    // The public_counts triggers are generated from lib/domain/predicates.ts, not written in a migration.
    installPublicCountTriggers(sqlite);
  }
  return db;
}

const globalForDb = globalThis as unknown as { registryDb?: Db };

/**
 * The process's one connection, opened (and migrated) on first use, not at module load, so that
 * `next build` never touches the database. Cached on globalThis so dev hot reloads reuse it.
 */
export function getDb(): Db {
  if (!globalForDb.registryDb) {
    globalForDb.registryDb = openDatabase(getEnv().DATABASE_PATH);
  }
  return globalForDb.registryDb;
}

/** The better-sqlite3 connection under a Drizzle database or transaction (one connection, one open transaction). */
export function connectionOf(tx: Tx | Db): Database.Database {
  return (tx as unknown as { session: { client: Database.Database } }).session.client;
}

/**
 * The one way to write: a synchronous IMMEDIATE transaction, so concurrent writers queue instead of failing.
 * Before it commits, the OCDS releases of the contracts its audited changes touched are republished.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  try {
    return db.transaction(
      (tx) => {
        const result = fn(tx);
        publishNotedChanges(db.$client);
        return result;
      },
      { behavior: 'immediate' },
    );
  } finally {
    discardNotedChanges(db.$client);
  }
}
