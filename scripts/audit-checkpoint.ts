// npm run audit:checkpoint [-- --if-moved]
// Signs a checkpoint of the audit chain's head now and prints it as JSON, in the shape outsiders save and
// `npm run audit:verify -- --checkpoint FILE` reads. With --if-moved, only when the head moved since the last one.
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { checkpointIfHeadMoved, createCheckpoint, toPublicCheckpoint } from '../lib/audit/checkpoints';
import { loadOrCreateSigningKey } from '../lib/audit/keys';
import { getEnv } from '../lib/env';

function main() {
  const { values } = parseArgs({ options: { 'if-moved': { type: 'boolean', default: false } } });
  const env = getEnv();
  const key = loadOrCreateSigningKey(env.AUDIT_KEY_PATH);
  const db = openDatabase(env.DATABASE_PATH);
  try {
    const checkpoint = values['if-moved'] ? checkpointIfHeadMoved(db, key, env.REGISTRY_NAME) : createCheckpoint(db, key, env.REGISTRY_NAME);
    if (checkpoint) console.log(JSON.stringify(toPublicCheckpoint(checkpoint), null, 2));
    else console.error('audit:checkpoint: the head has not moved since the latest checkpoint; none signed');
  } finally {
    db.$client.close();
  }
}

try {
  main();
} catch (e) {
  console.error(`audit:checkpoint: ${(e as Error).message}`);
  process.exit(1);
}
