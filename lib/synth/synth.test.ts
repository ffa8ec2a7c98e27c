import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { isValidUscc } from '../contractors/uscc';
import {
  catalogueStatuses,
  contractorKinds,
  contractStatuses,
  deliverableStatuses,
  evaluatorKinds,
  grades,
  matterCategories,
  milestoneStatuses,
  milestoneTypes,
  roles,
  verificationStatuses,
} from '../domain/enums';
import { auditActions, parseAuditData, type AuditAction } from '../audit/events';
import { canonicalJson } from '../audit/chain';
import { generateSynthetic, synthCounts, synthScales, SYNTH_TODAY, type SynthReport } from './generate';

const tables = ['departments', 'users', 'contractors', 'matters', 'contracts', 'milestones', 'deliverables', 'payments', 'evaluations', 'audit_events'];
const factor = synthScales.tiny;

let dir: string;
const runs: Record<string, { file: string; report: SynthReport }> = {};
const open = (name: string) => new Database(runs[name]!.file, { readonly: true });

/** Every row of every table, in id order, as one string: equal strings mean equal contents. */
function dump(db: Database.Database): string {
  return tables.map((t) => JSON.stringify(db.prepare(`select * from ${t} order by rowid`).raw().all())).join('\n');
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'synth-'));
  for (const [name, seed, indexes] of [
    ['a', 7, 'after'],
    ['b', 7, 'during'],
    ['c', 8, 'after'],
  ] as const) {
    const file = path.join(dir, `${name}.db`);
    runs[name] = { file, report: generateSynthetic({ file, factor, seed, indexes, batch: 1000 }) };
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic registry', () => {
  it('is deterministic: the same seed gives the same contents and head hash, another seed differs', () => {
    const [a, b, c] = [open('a'), open('b'), open('c')];
    expect(dump(a)).toBe(dump(b));
    expect(runs.a!.report.headHash).toBe(runs.b!.report.headHash);
    expect(runs.a!.report.counts).toEqual(runs.b!.report.counts);
    expect(runs.c!.report.headHash).not.toBe(runs.a!.report.headHash);
    expect(dump(c)).not.toBe(dump(a));
    // Indexes built after the load are the migrations' own: same schema either way.
    const schema = (db: Database.Database) => db.prepare(`select type, name, sql from sqlite_master order by type, name`).all();
    expect(schema(a)).toEqual(schema(b));
    for (const db of [a, b, c]) db.close();
  });

  it('is one audit chain that verifies, with sqlite_sequence at its end', () => {
    const db = open('a');
    const result = verifyAuditChain(db);
    expect(result).toMatchObject({ ok: true, count: runs.a!.report.events, headHash: runs.a!.report.headHash });
    for (const t of tables) {
      const max = db.prepare(`select max(rowid) from ${t}`).pluck().get();
      expect(db.prepare(`select seq from sqlite_sequence where name = ?`).pluck().get(t), t).toBe(max);
    }
    db.close();
  });

  it('passes integrity and foreign key checks and is left in WAL mode', () => {
    const db = open('a');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('has the counts of its scale, in the sample proportions', () => {
    const db = open('a');
    const target = synthCounts(factor);
    const count = (t: string) => db.prepare(`select count(*) from ${t}`).pluck().get() as number;
    for (const t of tables) expect(count(t), t).toBe(runs.a!.report.counts[t]);
    expect(count('departments')).toBe(target.areas * 15);
    expect(db.prepare(`select kind, count(*) n from departments group by kind`).all()).toEqual([
      { kind: 'government', n: target.areas * 9 },
      { kind: 'party', n: target.areas * 6 },
    ]);
    expect(count('matters')).toBe(target.matters);
    expect(count('contractors')).toBe(target.contractors);
    expect(count('contracts')).toBe(target.contracts);
    expect(Math.abs(count('deliverables') - target.deliverables) / target.deliverables).toBeLessThan(0.1);
    const kinds = Object.fromEntries((db.prepare(`select kind, count(*) n from contractors group by kind`).all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]));
    const n = target.contractors;
    expect(Math.abs(kinds.social_organization! - (n * 17) / 82)).toBeLessThanOrEqual(1);
    expect(Math.abs(kinds.enterprise_institution! - (n * 59) / 82)).toBeLessThanOrEqual(1);
    expect(Math.abs(kinds.university! - (n * 6) / 82)).toBeLessThanOrEqual(1);
    // Every contract status occurs; active ones mostly started in the last year.
    const statuses = db.prepare(`select distinct status from contracts`).pluck().all();
    expect(new Set(statuses)).toEqual(new Set(contractStatuses));
    const active = db.prepare(`select count(*) total, sum(start_date >= '2026-01-01') recent from contracts where status = 'active'`).get() as { total: number; recent: number };
    expect(active.recent / active.total).toBeGreaterThan(0.8);
    const years = db.prepare(`select distinct substr(start_date, 1, 4) from contracts order by 1`).pluck().all();
    expect(years.slice(0, 5)).toEqual(['2022', '2023', '2024', '2025', '2026']);
    const verified = db.prepare(`select avg(verification_status = 'verified') from contractors`).pluck().get() as number;
    expect(verified).toBeGreaterThan(0.9);
    db.close();
  });

  it('keeps the rules of the domain', () => {
    const db = open('a');
    const none = (sql: string) => expect(db.prepare(sql).all(), sql).toEqual([]);
    for (const code of db.prepare(`select credit_code from contractors`).pluck().all() as string[]) expect(isValidUscc(code), code).toBe(true);
    none(`select c.id from contracts c join payments p on p.contract_id = c.id group by c.id having sum(p.amount_fen) > c.value_fen`);
    none(`select p.id from payments p join contracts c on c.id = p.contract_id where p.paid_on < c.start_date or p.paid_on > '${SYNTH_TODAY}'`);
    none(`select d.id from deliverables d join contracts c on c.id = d.contract_id where c.status not in ('active', 'suspended', 'completed', 'terminated')`);
    none(`select id from deliverables where contractor_id <> (select contractor_id from contracts where id = contract_id)`);
    none(`select id from deliverables where status <> 'submitted' and (reviewed_by is null or reviewed_at is null)`);
    none(`select id from deliverables where status = 'returned' and review_comment is null`);
    none(`select d.id from deliverables d join users u on u.id = d.submitted_by where u.role <> 'contractor' or u.contractor_id <> d.contractor_id`);
    none(`select c.id from contracts c join users u on u.id = c.drafted_by where u.department_id <> c.department_id or u.role <> 'officer'`);
    none(`select id from contracts where status in ('active', 'suspended', 'completed', 'terminated') and (approved_by is null or approved_by = drafted_by)`);
    none(`select id from contracts where status in ('draft', 'pending_approval', 'cancelled') and approved_by is not null`);
    none(`select c.id from contracts c join matters m on m.id = c.matter_id where m.department_id <> c.department_id or m.catalogue_status <> 'listed'`);
    none(`select c.id from contracts c join matters m on m.id = c.matter_id where c.value_fen > m.annual_budget_fen * 3`);
    // Terms: at most a year, or up to three with a justification (Order No. 102).
    none(`select id from contracts where end_date > date(start_date, '+1 year', '-1 day') and (justification is null or end_date > date(start_date, '+3 years', '-1 day'))`);
    none(`select r.id from contracts r join contracts p on p.id = r.renewal_of_id where p.matter_id <> r.matter_id or p.contractor_id <> r.contractor_id or p.id >= r.id`);
    none(`select m.id from milestones m join contracts c on c.id = m.contract_id where m.due_date < c.start_date or m.due_date > c.end_date`);
    none(`select id from contractors where verification_status = 'pending' and id in (select contractor_id from contracts)`);
    none(`select reference from contracts where reference not glob '[A-Z][A-Z][A-Z][A-Z]-20[0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'`);
    none(`select occurred_at from audit_events where occurred_at > '${SYNTH_TODAY}T23:59:59.999Z' or occurred_at < '2021-12-01'`);
    db.close();
  });

  it('uses only the values the CHECK lists and the audit schemas know', () => {
    const db = open('a');
    const within = (sql: string, allowed: readonly string[]) => {
      for (const v of db.prepare(sql).pluck().all() as string[]) expect(allowed, sql).toContain(v);
    };
    within(`select distinct kind from contractors`, contractorKinds);
    within(`select distinct verification_status from contractors`, verificationStatuses);
    within(`select distinct category from matters`, matterCategories);
    within(`select distinct catalogue_status from matters`, catalogueStatuses);
    within(`select distinct role from users`, roles);
    within(`select distinct status from contracts`, contractStatuses);
    within(`select distinct type from milestones`, milestoneTypes);
    within(`select distinct status from milestones`, milestoneStatuses);
    within(`select distinct status from deliverables`, deliverableStatuses);
    within(`select distinct evaluator_kind from evaluations`, evaluatorKinds);
    within(`select distinct grade from evaluations`, grades);
    within(`select distinct action from audit_events`, auditActions);
    // Each event's data parses against its action's schema, as the trail's readers do.
    for (const row of db.prepare(`select action, data from audit_events`).iterate() as IterableIterator<{ action: AuditAction; data: string }>) {
      const parsed: unknown = JSON.parse(row.data);
      expect(() => parseAuditData(row.action, parsed), row.action).not.toThrow();
      // Stored exactly as lib/audit/append.ts stores it: canonicalJson of the data object.
      expect(canonicalJson(parsed), row.action).toBe(row.data);
    }
    // One event per created record.
    const events = (action: string) => db.prepare(`select count(*) from audit_events where action = ?`).pluck().get(action);
    expect(events('contract.drafted')).toBe(runs.a!.report.counts.contracts);
    expect(events('deliverable.submitted')).toBe(runs.a!.report.counts.deliverables);
    expect(events('payment.recorded')).toBe(runs.a!.report.counts.payments);
    expect(events('milestone.created')).toBe(runs.a!.report.counts.milestones);
    expect(db.prepare(`select count(*) from deliverables where status <> 'submitted'`).pluck().get()).toBe(
      (events('deliverable.accepted') as number) + (events('deliverable.returned') as number),
    );
    db.close();
  });
});
