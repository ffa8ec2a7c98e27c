import type Database from 'better-sqlite3';
import * as nodeCrypto from 'node:crypto';
import { eventHash, GENESIS_HASH, type ChainedEvent } from './chain';

export type VerifyResult =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; count: number; firstBadSeq: number; reason: string };

/** `count` is below the requested length when the chain is shorter; `hash` is the hash after event `count`. */
export type ChainPrefixResult = { ok: true; count: number; hash: string } | { ok: false; count: number; firstBadSeq: number; reason: string };

const COLUMNS = `seq, occurred_at, actor_id, actor_name, actor_role, actor_org, action, entity_type, entity_id, department_id, data, request_meta, prev_hash, hash`;
/** A row as an array (better-sqlite3 raw mode): no object with named keys built per event by the driver. */
type RawRow = [number, string, number | null, string, string, string | null, string, string, string, number | null, string, string | null, string, string];

const toEvent = (r: RawRow): ChainedEvent => ({
  seq: r[0],
  occurredAt: r[1],
  actorId: r[2],
  actorName: r[3],
  actorRole: r[4],
  actorOrg: r[5],
  action: r[6],
  entityType: r[7],
  entityId: r[8],
  departmentId: r[9],
  data: r[10],
  requestMeta: r[11],
});

/**
 * Verifies the chain from genesis through event `upTo` (the whole chain when omitted) and returns the
 * hash there. `visit` sees the hash after every verified event, so callers can compare many points in
 * one pass. Names the first event that does not match: an altered event (hash), a removed or reordered
 * one (sequence or prev_hash).
 */
export function verifyChainPrefix(sqlite: Database.Database, upTo?: number, visit?: (seq: number, hash: string) => void): ChainPrefixResult {
  const rows = sqlite.prepare(`select ${COLUMNS} from audit_events order by seq limit ?`).raw().iterate(upTo ?? -1) as IterableIterator<RawRow>;

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    const seq = row[0];
    if (seq !== expectedSeq) {
      const reason = seq > expectedSeq ? `event ${expectedSeq} is missing` : `event ${seq} is out of order`;
      return { ok: false, count, firstBadSeq: Math.min(seq, expectedSeq), reason };
    }
    if (row[12] !== prevHash) {
      return { ok: false, count, firstBadSeq: seq, reason: `event ${seq} does not follow the event before it (prev_hash differs)` };
    }
    if (eventHash(prevHash, toEvent(row)) !== row[13]) {
      return { ok: false, count, firstBadSeq: seq, reason: `event ${seq} was altered (its hash does not match its content)` };
    }
    prevHash = row[13];
    expectedSeq += 1;
    count += 1;
    visit?.(seq, prevHash);
  }
  return { ok: true, count, hash: prevHash };
}

/**
 * The hash input of an event, `prev_hash ‖ eventCanonicalJson(event)`, built by SQLite as UTF-8 bytes:
 * json_quote() escapes strings as JSON.stringify does (a property test in verify.test.ts holds the two
 * byte-identical), integers print alike, and data and request_meta are stored canonical already. Hashing
 * the bytes SQLite hands over skips building the text in JavaScript and encoding it back to UTF-8.
 */
export const HASH_INPUT_SQL = `cast(prev_hash || '{"action":' || json_quote(action)
  || ',"actor":{"id":' || coalesce(actor_id, 'null') || ',"name":' || json_quote(actor_name) || ',"org":' || json_quote(actor_org) || ',"role":' || json_quote(actor_role)
  || '},"data":' || data || ',"departmentId":' || coalesce(department_id, 'null') || ',"entityId":' || json_quote(entity_id)
  || ',"entityType":' || json_quote(entity_type) || ',"occurredAt":' || json_quote(occurred_at)
  || ',"requestMeta":' || coalesce(request_meta, 'null') || ',"seq":' || seq || '}' as blob)`;

const sha256OfBytes = (nodeCrypto as { hash?: (algorithm: string, data: Buffer, encoding: 'hex') => string }).hash ?? ((_: string, data: Buffer) => nodeCrypto.createHash('sha256').update(data).digest('hex'));

/** One piece of the chain checked on its own (events first..last): every event present, linked and intact. */
export type RangeResult = { ok: true; count: number; firstPrevHash: string | null; lastHash: string | null } | { ok: false };

/**
 * Checks events `first` to `last` without the events before them: each event's hash input holds its stored
 * prev_hash, so pieces are independent; whoever joins them checks that each piece's first prev_hash is the
 * previous piece's last hash. Says only whether the piece holds (the sequential walk names the culprit).
 */
export function verifyChainRange(sqlite: Database.Database, first: number, last: number): RangeResult {
  const rows = sqlite
    .prepare(`select seq, prev_hash, hash, ${HASH_INPUT_SQL} from audit_events where seq >= ? and seq <= ? order by seq`)
    .raw()
    .iterate(first, last) as IterableIterator<[number, string, string, Buffer]>;
  let expectedSeq = first;
  let prevHash: string | null = null;
  let firstPrevHash: string | null = null;
  for (const [seq, storedPrev, hash, input] of rows) {
    if (seq !== expectedSeq) return { ok: false };
    if (prevHash === null) firstPrevHash = storedPrev;
    else if (storedPrev !== prevHash) return { ok: false };
    if (sha256OfBytes('sha256', input, 'hex') !== hash) return { ok: false };
    prevHash = hash;
    expectedSeq += 1;
  }
  if (expectedSeq !== last + 1) return { ok: false };
  return { ok: true, count: last - first + 1, firstPrevHash, lastHash: prevHash };
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
