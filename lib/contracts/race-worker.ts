// Test helper for the approval race (service.test.ts): opens its own connection, waits for the shared
// start instant, approves, and prints `won` or the error code.
import { openDatabase } from '../../db/client';
import { isAppError } from '../errors';
import { transitionContract } from './service';

const [file, actorJson, contractId, startAt] = process.argv.slice(2);
const db = openDatabase(file!, { migrate: false });
const actor = JSON.parse(actorJson!);
while (Date.now() < Number(startAt)) {
  // Busy-wait: both processes must reach the write at the same instant.
}
try {
  transitionContract(db, actor, { contractId: Number(contractId), transition: 'approve', expectedStatus: 'pending_approval' });
  console.log('won');
} catch (e) {
  console.log(isAppError(e) ? e.code : `unexpected: ${(e as Error).message}`);
}
