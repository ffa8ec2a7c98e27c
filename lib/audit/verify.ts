import type Database from 'better-sqlite3';
import { eventHash, GENESIS_HASH, type ChainedEvent } from './chain';

export type VerifyResult =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; count: number; firstBadSeq: number; reason: string };

/** `count` is below the requested length when the chain is shorter; `hash` is the hash after event `count`. */
export type ChainPrefixResult = { ok: true; count: number; hash: string } | { ok: false; count: number; firstBadSeq: number; reason: string };

type Row = ChainedEvent & { prevHash: string; hash: string };

/**
 * Verifies the chain from genesis through event `upTo` (the whole chain when omitted) and returns the
 * hash there. `visit` sees the hash after every verified event, so callers can compare many points in
 * one pass. Names the first event that does not match: an altered event (hash), a removed or reordered
 * one (sequence or prev_hash).
 */
export function verifyChainPrefix(sqlite: Database.Database, upTo?: number, visit?: (seq: number, hash: string) => void): ChainPrefixResult {
  const rows = sqlite
    .prepare(
      `select seq, occurred_at as occurredAt, actor_id as actorId, actor_name as actorName, actor_role as actorRole,
              actor_org as actorOrg, action, entity_type as entityType, entity_id as entityId,
              department_id as departmentId, data, request_meta as requestMeta, prev_hash as prevHash, hash
       from audit_events order by seq limit ?`,
    )
    .iterate(upTo ?? -1) as IterableIterator<Row>;

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      const reason = row.seq > expectedSeq ? `event ${expectedSeq} is missing` : `event ${row.seq} is out of order`;
      return { ok: false, count, firstBadSeq: Math.min(row.seq, expectedSeq), reason };
    }
    if (row.prevHash !== prevHash) {
      return { ok: false, count, firstBadSeq: row.seq, reason: `event ${row.seq} does not follow the event before it (prev_hash differs)` };
    }
    if (eventHash(prevHash, row) !== row.hash) {
      return { ok: false, count, firstBadSeq: row.seq, reason: `event ${row.seq} was altered (its hash does not match its content)` };
    }
    prevHash = row.hash;
    expectedSeq += 1;
    count += 1;
    visit?.(row.seq, row.hash);
  }
  return { ok: true, count, hash: prevHash };
}

/**
 * Walks the whole chain in sequence order and names the first event that does not match, including a
 * truncated tail (sqlite_sequence remembers a higher sequence than the last event left).
 */
export function verifyAuditChain(sqlite: Database.Database): VerifyResult {
  const walk = verifyChainPrefix(sqlite);
  if (!walk.ok) return walk;
  const { count } = walk;
  const highest = sqlite.prepare(`select seq from sqlite_sequence where name = 'audit_events'`).pluck().get() as number | undefined;
  if (highest !== undefined && highest > count) {
    return { ok: false, count, firstBadSeq: count + 1, reason: `the chain was truncated: events ${count + 1} to ${highest} are missing` };
  }
  return { ok: true, count, headSeq: count, headHash: walk.hash };
}
