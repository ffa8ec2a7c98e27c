import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { verifyAuditChain } from '../audit/verify';
import { isValidUscc } from '../contractors/uscc';
import { contractStatuses, roles } from '../domain/enums';
import { testDb } from '../testing/db';
import { demoAccounts, loadDemoData } from './load-demo';

let db: Db;
const all = (sql: string) => db.$client.prepare(sql).all() as Record<string, unknown>[];
const one = (sql: string) => db.$client.prepare(sql).pluck().get();

beforeAll(() => {
  db = testDb();
  loadDemoData(db);
}, 60_000);

describe('the Longgang sample data', () => {
  it('gives every matter indicators, every approved or draft sample contract targets, and accepted reports results; some contracts are behind', () => {
    expect(one('select count(*) from matters where id not in (select matter_id from matter_indicators)')).toBe(0);
    expect(one(`select count(*) from contracts where status <> 'cancelled' and id not in (select contract_id from contract_targets)`)).toBe(0);
    expect(one(`select count(*) from deliverables where status = 'accepted' and id not in (select deliverable_id from deliverable_results)`)).toBe(0);
    // Satisfaction below its 90% target on some contracts (the latest accepted report counts).
    expect(one(`select count(distinct d.contract_id) from deliverable_results r join deliverables d on d.id = r.deliverable_id join matter_indicators i on i.id = r.indicator_id where i.code = 'satisfaction_rate' and d.status = 'accepted' and r.value_centi < 9000`)).toBeGreaterThan(5);
    expect(one(`select count(*) from matter_indicators where name_zh = '河道巡查公里数' and unit = 'kilometres'`)).toBeGreaterThan(0);
  });

  it('has 15 departments: 6 party, 9 government', () => {
    expect(all('select kind, count(*) as n from departments group by kind order by kind')).toEqual([
      { kind: 'government', n: 9 },
      { kind: 'party', n: 6 },
    ]);
  });

  it('gives every department a unique, valid government credit code of Longgang (11, 330383)', () => {
    const codes = db.$client.prepare('select credit_code from departments').pluck().all() as (string | null)[];
    expect(codes).toHaveLength(15);
    expect(codes.filter((c) => c === null || !isValidUscc(c) || !c.startsWith('11330383'))).toEqual([]);
    expect(new Set(codes).size).toBe(15);
  });

  it('has the 83 matters Longgang transferred, published, over every department, and two drafts beyond them', () => {
    expect(one(`select count(*) from matters where catalogue_status in ('listed', 'withdrawn')`)).toBe(83);
    expect(one(`select count(*) from matters where catalogue_status = 'draft'`)).toBe(2);
    expect(one(`select count(distinct department_id) from matters where catalogue_status in ('listed', 'withdrawn')`)).toBe(15);
    expect(one(`select count(*) from matters where category = 'environment'`)).toBeGreaterThan(5);
    expect(one(`select count(*) from matters where category = 'safety'`)).toBeGreaterThan(5);
  });

  it('has 82 contractors — 17 social organizations, 59 enterprises and institutions, 6 universities — with valid credit codes', () => {
    expect(all('select kind, count(*) as n from contractors group by kind order by kind')).toEqual([
      { kind: 'enterprise_institution', n: 59 },
      { kind: 'social_organization', n: 17 },
      { kind: 'university', n: 6 },
    ]);
    const codes = db.$client.prepare('select credit_code from contractors').pluck().all() as string[];
    expect(codes.filter((c) => !isValidUscc(c))).toEqual([]);
    expect(codes.some((c) => c.slice(2, 8) === '330383')).toBe(true);
  });

  it('has contracts in every status, and milestones, deliverables, payments and evaluations', () => {
    const statuses = db.$client.prepare('select distinct status from contracts').pluck().all();
    expect([...statuses].sort()).toEqual([...contractStatuses].sort());
    for (const t of ['milestones', 'deliverables', 'payments', 'evaluations', 'amendments']) {
      if (t !== 'amendments') expect(one(`select count(*) from ${t}`), t).toBeGreaterThan(0);
    }
    expect(one('select count(*) from contracts c where (select coalesce(sum(amount_fen), 0) from payments p where p.contract_id = c.id) > c.value_fen')).toBe(0);
    expect(one(`select count(*) from evaluations where grade = 'fail'`)).toBeGreaterThan(0);
  });

  it('has a demo account for every role', () => {
    const emails = Object.values(demoAccounts);
    const found = db.$client.prepare(`select role from users where email in (${emails.map(() => '?').join(',')})`).pluck().all(...emails);
    expect(new Set(found)).toEqual(new Set(roles));
  });

  it('went through the write path: the audit chain verifies and tells every step', () => {
    const result = verifyAuditChain(db.$client);
    expect(result.ok).toBe(true);
    expect(one(`select count(*) from audit_events where action = 'contract.approved'`)).toBe(one(`select count(*) from contracts where approved_by is not null`));
    expect(one(`select count(*) from audit_events where action = 'catalogue.imported'`)).toBe(1);
  });
});
