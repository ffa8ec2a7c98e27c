// npm run audit:verify — walks the whole audit chain; exit 0 when it holds, 1 naming the first bad event.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { verifyAuditChain } from '../lib/audit/verify';
import { getEnv } from '../lib/env';

const file = getEnv().DATABASE_PATH;
if (!existsSync(file)) {
  console.error(`audit: no database at ${file}`);
  process.exit(2);
}
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
const started = process.hrtime.bigint();
const result = verifyAuditChain(sqlite);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (result.ok) {
  console.log(`audit: chain verified: ${result.count} events, head ${result.headHash} (${Math.round(result.count / Math.max(seconds, 1e-9))} events/s)`);
} else {
  console.error(`audit: chain BROKEN at event ${result.firstBadSeq}: ${result.reason} (${result.count} events verified before it)`);
  process.exitCode = 1;
}
sqlite.close();
