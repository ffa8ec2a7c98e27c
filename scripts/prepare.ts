// Run by `npm start` before serving: migrate, load the sample data into an empty database (demo mode),
// and sign an audit checkpoint when the head has moved since the last one.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { checkpointIfHeadMoved } from '../lib/audit/checkpoints';
import { loadOrCreateSigningKey } from '../lib/audit/keys';
import { verifyAuditChainParallel } from '../lib/audit/verify-parallel';
import { loadDemoData } from '../lib/demo/load-demo';
import { getEnv } from '../lib/env';
import { publishMissingReleases } from '../lib/ocds/publish';

async function main() {
  const env = getEnv();
  const db = openDatabase(env.DATABASE_PATH);
  const events = db.$client.prepare('select count(*) from audit_events').pluck().get() as number;
  if (env.REGISTRY_MODE === 'demo' && events === 0) {
    const started = Date.now();
    const { contracts } = loadDemoData(db);
    console.log(`prepare: loaded the Longgang sample data (${contracts} contracts) in ${Date.now() - started} ms`);
  }
  // A database from before OCDS releases were kept: each published contract gets its first release.
  const releases = publishMissingReleases(db.$client);
  if (releases > 0) console.log(`prepare: published the first OCDS release of ${releases} contracts`);
  // Worker threads check ranges of a long chain at once (lib/audit/verify-parallel.ts).
  const chain = await verifyAuditChainParallel(env.DATABASE_PATH);
  if (!chain.ok) console.error(`prepare: WARNING: the audit chain is broken at event ${chain.firstBadSeq}: ${chain.reason}`);
  const checkpoint = checkpointIfHeadMoved(db, loadOrCreateSigningKey(env.AUDIT_KEY_PATH), env.REGISTRY_NAME);
  if (checkpoint) console.log(`prepare: signed audit checkpoint at event ${checkpoint.eventCount}`);
  db.$client.close();
  // Public pages are served whole from Next's page cache (ISR) and their data from its data cache, which
  // Next keeps on disk under .next: the page cache is not keyed by database, and a restored database keeps
  // its path. Start every server with both empty, so nothing read from another database (or from this one
  // before a restore) is ever served; each page is rendered again on its first request.
  for (const dir of [['server', 'route-cache'], ['cache', 'fetch-cache']]) rmSync(path.resolve(__dirname, '..', '.next', ...dir), { recursive: true, force: true });
}

void main();
