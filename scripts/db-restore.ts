// npm run db:restore -- FILE
// Puts a backup back as DATABASE_PATH after the same checks as db:backup; a damaged file is refused and
// the current database is left untouched. Stop the server first. The database it replaces is kept beside
// it as DATABASE_PATH.before-restore-<time>.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { getEnv } from '../lib/env';
import { checkDatabase } from '../lib/ops/database-checks';

const source = process.argv[2];
if (!source || !existsSync(source)) {
  console.error('usage: npm run db:restore -- FILE (an existing backup)');
  process.exit(2);
}
const target = path.resolve(getEnv().DATABASE_PATH);
const staged = `${target}.restoring-${process.pid}`;
try {
  copyFileSync(source, staged);
  let check;
  try {
    const db = new Database(staged, { readonly: true, fileMustExist: true });
    check = checkDatabase(db);
    db.close();
  } catch (e) {
    throw new Error(`not a usable SQLite database: ${(e as Error).message}`);
  }
  if (!check.ok) throw new Error(`the backup failed its checks: ${check.problems.join('; ')}`);
  if (existsSync(target)) {
    const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, kept);
    for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) rmSync(target + suffix);
    console.log(`restore: the previous database is kept as ${kept}`);
  }
  renameSync(staged, target);
  console.log(`restore: ${target} now holds the backup (${check.events} audit events, head ${check.headHash})`);
} catch (e) {
  if (existsSync(staged)) rmSync(staged);
  console.error(`restore: REFUSED: ${(e as Error).message}`);
  process.exit(1);
}
