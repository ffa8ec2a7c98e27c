import 'server-only';
import Database from 'better-sqlite3';
import { getDb } from '../../db/client';
import { getEnv } from '../env';

/**
 * A read-only connection of its own for one streamed download. better-sqlite3 keeps a connection busy
 * while an iterator is open, so iterating on the shared one would block every other request until the
 * client finished downloading. WAL gives this reader a consistent snapshot while writers go on.
 */
export function openReadConnection(): Database.Database {
  getDb(); // makes sure the database exists and is migrated
  const sqlite = new Database(getEnv().DATABASE_PATH, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}
