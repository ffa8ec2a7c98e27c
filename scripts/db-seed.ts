// npm run db:seed — loads the sample Longgang data into an empty database (demo mode only).
import { openDatabase } from '../db/client';
import { loadDemoData } from '../lib/demo/load-demo';
import { getEnv } from '../lib/env';
import { verifyAuditChain } from '../lib/audit/verify';

const env = getEnv();
const db = openDatabase(env.DATABASE_PATH);
const events = db.$client.prepare('select count(*) from audit_events').pluck().get() as number;

if (env.REGISTRY_MODE !== 'demo') {
  console.log(`seed: REGISTRY_MODE=${env.REGISTRY_MODE}: no sample data, no demo accounts`);
  process.exit(1);
}
if (events > 0) {
  console.log(`seed: ${env.DATABASE_PATH} already holds ${events} audit events; sample data is loaded only into an empty database`);
  process.exit(1);
}
const started = Date.now();
const { contracts } = loadDemoData(db);
const chain = verifyAuditChain(db.$client);
console.log(`seed: loaded the Longgang sample data (${contracts} contracts, ${chain.count} audit events) in ${Date.now() - started} ms`);
db.$client.close();
