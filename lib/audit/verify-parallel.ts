import Database from 'better-sqlite3';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { GENESIS_HASH } from './chain';
import { verifyAuditChain, type RangeResult, type VerifyResult } from './verify';

// The whole chain checked on several cores. Each event's hash covers its stored prev_hash, so the chain
// splits into ranges that worker threads check at the same time; joined, every range must start with the
// prev_hash the one before it ended on, and the first with the genesis hash. The answer is the same as
// verifyAuditChain's: on any doubt this falls back to the sequential walk, which names the first bad event.

function checkRange(file: string, first: number, last: number): Promise<RangeResult> {
  // Command-line scripts run TypeScript through tsx; the worker loads it the same way.
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'verify-worker.ts'))});`, { eval: true, workerData: { file, first, last } });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: RangeResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`verify worker exited with ${code}`))));
  });
}

export async function verifyAuditChainParallel(file: string, options: { threads?: number; minEvents?: number } = {}): Promise<VerifyResult> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const threads = options.threads ?? Math.min(availableParallelism(), 4);
    const last = (sqlite.prepare('select max(seq) from audit_events').pluck().get() as number | null) ?? 0;
    if (threads < 2 || last < (options.minEvents ?? 200_000)) return verifyAuditChain(sqlite);

    const size = Math.ceil(last / threads);
    const ranges: [number, number][] = [];
    for (let first = 1; first <= last; first += size) ranges.push([first, Math.min(first + size - 1, last)]);
    const results = await Promise.all(ranges.map(([first, end]) => checkRange(file, first, end)));

    let expectedPrev = GENESIS_HASH;
    let whole = true;
    for (const r of results) {
      if (!r.ok || r.firstPrevHash !== expectedPrev || r.lastHash === null) {
        whole = false;
        break;
      }
      expectedPrev = r.lastHash;
    }
    const highest = sqlite.prepare(`select seq from sqlite_sequence where name = 'audit_events'`).pluck().get() as number | undefined;
    if (!whole || (highest !== undefined && highest > last)) return verifyAuditChain(sqlite);
    return { ok: true, count: last, headSeq: last, headHash: expectedPrev };
  } finally {
    sqlite.close();
  }
}
