import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { systemActor } from '../auth/actor';
import { createDepartment } from '../departments/service';
import { testDb } from '../testing/db';
import { verifyAuditChain } from './verify';

const actor = systemActor('test');
let db: Db;

function seedEvents(n: number) {
  for (let i = 0; i < n; i++) {
    createDepartment(db, actor, { code: `LG-D-T${String.fromCharCode(65 + i)}`, nameZh: `部门${i}`, nameEn: `Dept ${i}`, kind: i % 2 ? 'party' : 'government' });
  }
}

/** What someone with the database file and no respect for the triggers could do. */
function dropTriggers() {
  db.$client.exec('drop trigger audit_events_no_update; drop trigger audit_events_no_delete;');
}

beforeEach(() => {
  db = testDb();
  seedEvents(6);
});

describe('audit chain verification', () => {
  it('accepts an untouched chain and reports its size and head', () => {
    const result = verifyAuditChain(db.$client);
    expect(result).toMatchObject({ ok: true, count: 6, headSeq: 6 });
    const head = db.$client.prepare('select hash from audit_events where seq = 6').pluck().get();
    expect(result.ok && result.headHash).toBe(head);
  });

  it('the database refuses UPDATE and DELETE on audit events', () => {
    expect(() => db.$client.exec(`update audit_events set action = 'x' where seq = 2`)).toThrow(/append-only/);
    expect(() => db.$client.exec('delete from audit_events where seq = 2')).toThrow(/append-only/);
    expect(verifyAuditChain(db.$client).ok).toBe(true);
  });

  it('names an altered event', () => {
    dropTriggers();
    db.$client.exec(`update audit_events set data = replace(data, '部门2', '部门X') where seq = 3`);
    expect(verifyAuditChain(db.$client)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('names an event whose actor snapshot was altered', () => {
    dropTriggers();
    db.$client.exec(`update audit_events set actor_name = 'someone else' where seq = 4`);
    expect(verifyAuditChain(db.$client)).toMatchObject({ ok: false, firstBadSeq: 4 });
  });

  it('names the first event after a removed one', () => {
    dropTriggers();
    db.$client.exec('delete from audit_events where seq = 3');
    expect(verifyAuditChain(db.$client)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('names reordered events', () => {
    dropTriggers();
    db.$client.exec('update audit_events set seq = 100 where seq = 2; update audit_events set seq = 2 where seq = 3; update audit_events set seq = 3 where seq = 100;');
    expect(verifyAuditChain(db.$client)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('detects a truncated tail', () => {
    dropTriggers();
    db.$client.exec('delete from audit_events where seq >= 5');
    expect(verifyAuditChain(db.$client)).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it('detects a truncated head', () => {
    dropTriggers();
    db.$client.exec('delete from audit_events where seq = 1');
    expect(verifyAuditChain(db.$client)).toMatchObject({ ok: false, firstBadSeq: 1 });
  });

  it('detects a recomputed hash that no longer links to the previous event', () => {
    dropTriggers();
    db.$client.exec(`update audit_events set prev_hash = '${'f'.repeat(64)}' where seq = 5`);
    expect(verifyAuditChain(db.$client)).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it('a failed write leaves no audit event behind', () => {
    expect(() => createDepartment(db, actor, { code: 'LG-D-TA', nameZh: '重复', nameEn: 'Duplicate', kind: 'party' })).toThrow();
    expect(db.$client.prepare('select count(*) from audit_events').pluck().get()).toBe(6);
    expect(verifyAuditChain(db.$client).ok).toBe(true);
  });
});
