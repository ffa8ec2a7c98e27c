// Worker thread of verifyAuditChainParallel: checks one range of the chain on a read-only connection of
// its own and posts the RangeResult back.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { verifyChainRange } from './verify';

const { file, first, last } = workerData as { file: string; first: number; last: number };
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
try {
  parentPort!.postMessage(verifyChainRange(sqlite, first, last));
} finally {
  sqlite.close();
}
