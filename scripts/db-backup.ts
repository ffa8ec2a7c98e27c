// npm run db:backup -- FILE
// A consistent copy while the server keeps writing: VACUUM INTO a temporary file beside FILE, fsync it,
// check it (integrity, foreign keys, audit chain), then rename it into place. A copy that fails the
// checks is deleted and the command exits 1.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { getEnv } from '../lib/env';
import { checkDatabase } from '../lib/ops/database-checks';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run db:backup -- FILE');
  process.exit(2);
}
const source = getEnv().DATABASE_PATH;
const finalPath = path.resolve(target);
const temporary = `${finalPath}.partial-${process.pid}`;
const started = Date.now();
try {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  db.prepare('vacuum into ?').run(temporary);
  db.close();
  const fd = openSync(temporary, 'r');
  fsyncSync(fd);
  closeSync(fd);
  const copy = new Database(temporary, { readonly: true });
  const check = checkDatabase(copy);
  copy.close();
  if (!check.ok) throw new Error(`the copy failed its checks: ${check.problems.join('; ')}`);
  renameSync(temporary, finalPath);
  const dir = openSync(path.dirname(finalPath), 'r');
  fsyncSync(dir);
  closeSync(dir);
  console.log(`backup: ${finalPath} (${check.events} audit events, head ${check.headHash}) in ${Date.now() - started} ms`);
} catch (e) {
  if (existsSync(temporary)) rmSync(temporary);
  console.error(`backup: FAILED: ${(e as Error).message}`);
  process.exit(1);
}
