import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/client';
import { systemActor } from '../auth/actor';
import { createDepartment } from '../departments/service';
import { checkpointIfHeadMoved, verifyStoredCheckpoints } from './checkpoints';
import { loadOrCreateSigningKey } from './keys';
import { canonicalJson, eventCanonicalJson, GENESIS_HASH, type ChainedEvent } from './chain';
import { HASH_INPUT_SQL, verifyAuditChain, verifyChainRange } from './verify';
import { verifyAuditChainParallel } from './verify-parallel';

// Text of every kind: any code point, ASCII control characters, and what JSON escapes.
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary-ascii' }), fc.constantFrom('', '"', '\\', '\u2028\u2029', '\u007f', '\b\f\n\r\t\u0000\u001f', '丙大学 "quoted" \\ back'));

const eventArb: fc.Arbitrary<ChainedEvent> = fc.record({
  seq: fc.integer({ min: 1, max: 2 ** 40 }),
  occurredAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  actorId: fc.option(fc.integer({ min: 1, max: 2 ** 40 }), { nil: null }),
  actorName: text,
  actorRole: fc.constantFrom('admin', 'officer', 'system'),
  actorOrg: fc.option(text, { nil: null }),
  action: text,
  entityType: text,
  entityId: text,
  departmentId: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: null }),
  data: fc.jsonValue().map((v) => canonicalJson({ after: v ?? null })),
  requestMeta: fc.option(fc.dictionary(text, text).map((v) => canonicalJson(v)), { nil: null }),
});

describe('the hash input SQLite builds', () => {
  const sqlite = new Database(':memory:');
  sqlite.exec(`create table audit_events (seq integer primary key, occurred_at text not null, actor_id integer, actor_name text not null, actor_role text not null,
    actor_org text, action text not null, entity_type text not null, entity_id text not null, department_id integer, data text not null, request_meta text,
    prev_hash text not null, hash text not null)`);
  const insert = sqlite.prepare(`insert into audit_events values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`);
  const read = sqlite.prepare(`select ${HASH_INPUT_SQL} from audit_events where seq = ?`).pluck();

  it('is byte for byte prev_hash followed by eventCanonicalJson (the serializer the chain is written with)', () => {
    fc.assert(
      fc.property(eventArb, fc.constantFrom(GENESIS_HASH, 'a'.repeat(64)), (e, prev) => {
        sqlite.exec('delete from audit_events');
        insert.run(e.seq, e.occurredAt, e.actorId, e.actorName, e.actorRole, e.actorOrg, e.action, e.entityType, e.entityId, e.departmentId, e.data, e.requestMeta, prev);
        const bytes = read.get(e.seq) as Buffer;
        expect(bytes.equals(Buffer.from(prev + eventCanonicalJson(e), 'utf8'))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parallel verification', () => {
  let dir: string;
  let file: string;
  let db: Db;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'verify-'));
    file = path.join(dir, 'registry.db');
    db = openDatabase(file);
    const actor = systemActor('test');
    for (let i = 0; i < 40; i++) createDepartment(db, actor, { code: `LG-D-P${i}`, nameZh: `部门${i}`, nameEn: `Dept "${i}"`, kind: i % 2 ? 'party' : 'government' });
  });
  afterAll(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks ranges independently: each holds, and they join end to start', () => {
    const a = verifyChainRange(db.$client, 1, 17);
    const b = verifyChainRange(db.$client, 18, 40);
    expect(a).toMatchObject({ ok: true, count: 17, firstPrevHash: GENESIS_HASH });
    expect(b.ok && a.ok && b.firstPrevHash === a.lastHash).toBe(true);
    expect(verifyChainRange(db.$client, 30, 41)).toEqual({ ok: false });
  });

  it('answers what the sequential walk answers on an intact chain', async () => {
    expect(await verifyAuditChainParallel(file, { threads: 3, minEvents: 0 })).toEqual(verifyAuditChain(db.$client));
  });

  it('checks stored checkpoints against the stored hashes once the whole chain verified, as the walk would', () => {
    checkpointIfHeadMoved(db, loadOrCreateSigningKey(path.join(dir, 'key.pem')), 'test registry');
    expect(verifyStoredCheckpoints(db.$client, undefined, { chainVerified: true })).toEqual(verifyStoredCheckpoints(db.$client));
    expect(verifyStoredCheckpoints(db.$client)).toMatchObject({ ok: true, count: 1 });
  });

  it('answers what the sequential walk answers on an altered, a removed and a truncated chain', async () => {
    db.$client.exec('drop trigger audit_events_no_update; drop trigger audit_events_no_delete;');
    db.$client.exec(`update audit_events set actor_name = 'someone else' where seq = 29`);
    const altered = await verifyAuditChainParallel(file, { threads: 3, minEvents: 0 });
    expect(altered).toMatchObject({ ok: false, firstBadSeq: 29 });
    expect(altered).toEqual(verifyAuditChain(db.$client));

    db.$client.exec('delete from audit_events where seq = 14');
    const removed = await verifyAuditChainParallel(file, { threads: 3, minEvents: 0 });
    expect(removed).toMatchObject({ ok: false, firstBadSeq: 14 });
    expect(removed).toEqual(verifyAuditChain(db.$client));

    db.$client.exec('delete from audit_events where seq >= 13');
    const truncated = await verifyAuditChainParallel(file, { threads: 3, minEvents: 0 });
    expect(truncated).toMatchObject({ ok: false, firstBadSeq: 13 });
    expect(truncated).toEqual(verifyAuditChain(db.$client));
  });
});
