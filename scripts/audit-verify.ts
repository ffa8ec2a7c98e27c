// npm run audit:verify [-- --checkpoint FILE [--public-key BASE64]]
// Walks the whole audit chain, then checks every stored checkpoint's signature and that the chain passes
// through it; with --checkpoint, checks the database against a checkpoint saved earlier (as published at
// /api/public/audit/checkpoint). Exit 0 when everything holds, 1 naming what does not, 2 on bad usage.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkpointExportSchema, verifyAgainstCheckpoint, verifyStoredCheckpoints, type CheckpointExport } from '../lib/audit/checkpoints';
import { parsePublicKey, readPublicKey } from '../lib/audit/keys';
import { verifyAuditChainParallel } from '../lib/audit/verify-parallel';
import { getEnv } from '../lib/env';

function usage(message: string): never {
  console.error(`audit: ${message}`);
  console.error('usage: npm run audit:verify [-- --checkpoint FILE [--public-key BASE64]]');
  process.exit(2);
}

function parseCli() {
  try {
    return parseArgs({ options: { checkpoint: { type: 'string' }, 'public-key': { type: 'string' } } }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
}

function readCheckpointFile(file: string): CheckpointExport {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return usage(`cannot read checkpoint ${file}: ${(e as Error).message}`);
  }
  const parsed = checkpointExportSchema.safeParse(json);
  if (!parsed.success) usage(`${file} is not a checkpoint: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const args = parseCli();
const trustedKey = args['public-key'];
if (trustedKey !== undefined) {
  try {
    parsePublicKey(trustedKey);
  } catch (e) {
    usage(`--public-key is not an Ed25519 public key (base64 SPKI DER or PEM): ${(e as Error).message}`);
  }
}
const savedCheckpoint = args.checkpoint === undefined ? undefined : readCheckpointFile(args.checkpoint);

const env = getEnv();
const file = env.DATABASE_PATH;
if (!existsSync(file)) {
  console.error(`audit: no database at ${file}`);
  process.exit(2);
}
async function main() {
  const started = process.hrtime.bigint();
  // On every core (up to 4): worker threads check ranges of the chain at once (lib/audit/verify-parallel.ts).
  const result = await verifyAuditChainParallel(file);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  if (result.ok) {
    console.log(`audit: chain verified: ${result.count} events, head ${result.headHash} (${Math.round(result.count / Math.max(seconds, 1e-9))} events/s)`);
  } else {
    console.error(`audit: chain BROKEN at event ${result.firstBadSeq}: ${result.reason} (${result.count} events verified before it)`);
    process.exitCode = 1;
  }

  const hasCheckpointTable = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = 'audit_checkpoints'`).get() !== undefined;
  if (!hasCheckpointTable) {
    console.log('audit: no stored checkpoints (the database predates them; npm run db:migrate adds the table)');
  } else {
    const registryKey = trustedKey ?? readPublicKey(env.AUDIT_KEY_PATH);
    const keySource = trustedKey ? 'the key given with --public-key' : registryKey ? `the registry's key in ${env.AUDIT_KEY_PATH}` : 'the key each checkpoint carries (no key file found; pass --public-key to check against a key you trust)';
    const stored = verifyStoredCheckpoints(sqlite, registryKey, { chainVerified: result.ok });
    if (stored.ok) {
      console.log(`audit: ${stored.count} checkpoints verified (signatures checked with ${keySource})`);
    } else {
      console.error(`audit: stored checkpoint FAILED: ${stored.reason}`);
      process.exitCode = 1;
    }
  }

  if (savedCheckpoint) {
    const check = verifyAgainstCheckpoint(sqlite, savedCheckpoint, trustedKey);
    if (check.ok) {
      console.log(`audit: history up to event ${check.eventCount} is unchanged (matches the checkpoint signed at ${check.signedAt})`);
    } else if (check.check === 'signature') {
      console.error(`audit: checkpoint REJECTED: ${check.reason}; it proves nothing about the history`);
      process.exitCode = 1;
    } else {
      const where = check.firstBadSeq === undefined ? '' : ` (first event that does not match: ${check.firstBadSeq})`;
      console.error(`audit: history CHANGED: ${check.reason}${where}`);
      process.exitCode = 1;
    }
  }
  sqlite.close();
}

void main();
