import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../demo/load-demo';
import { testDb } from '../testing/db';
import { buildPublicFixture } from './public-fixture';
import { getPublicStats } from './stats-queries';
import { countPublicStats } from './stats-reference';
import { rebuildPublicStats } from './stats-counts';

describe('overview figures kept on write', () => {
  it('equal a count over the tables after the whole sample registry is entered through the use cases', () => {
    const db = testDb();
    loadDemoData(db);
    const counted = countPublicStats(db);
    expect(counted.contracts.published).toBeGreaterThan(50);
    expect(counted.deliverables.accepted).toBeGreaterThan(0);
    expect(counted.evaluations.count).toBeGreaterThan(0);
    expect(getPublicStats(db)).toEqual(counted);
  }, 60_000);

  it('follow raw changes of every kind, and a rebuild changes nothing', () => {
    const f = buildPublicFixture();
    const { db } = f;
    const sql = db.$client;
    const agree = (label: string) => expect(getPublicStats(db), label).toEqual(countPublicStats(db));
    agree('fixture');
    const contract = sql.prepare(`select id, matter_id from contracts where status = 'active' order by id limit 1`).get() as { id: number; matter_id: number };
    const changes: [string, string, unknown[]][] = [
      ['contract suspended', `update contracts set status = 'suspended' where id = ?`, [contract.id]],
      ['contract value', `update contracts set value_fen = value_fen + 12345 where id = ?`, [contract.id]],
      ['contract start year', `update contracts set start_date = '2019-03-01' where id = ?`, [contract.id]],
      ['contract back to active', `update contracts set status = 'active' where id = ?`, [contract.id]],
      ['matter category', `update matters set category = 'urban_management' where id = ?`, [contract.matter_id]],
      ['matter withdrawn', `update matters set catalogue_status = 'withdrawn', withdrawal_reason = '收回' where id = ?`, [contract.matter_id]],
      ['matter listed again', `update matters set catalogue_status = 'listed' where id = ?`, [contract.matter_id]],
      ['contractor kind', `update contractors set kind = 'university' where id = (select contractor_id from contracts where id = ?)`, [contract.id]],
      ['deliverable accepted late', `update deliverables set status = 'accepted', submitted_at = '2030-01-01T00:00:00.000Z' where contract_id = ?`, [contract.id]],
      ['deliverable on time', `update deliverables set submitted_at = period_end || 'T00:00:00.000Z' where contract_id = ?`, [contract.id]],
      ['evaluation score', `update evaluations set overall_score = 61, grade = 'pass' where contract_id = ?`, [contract.id]],
      ['payment amount', `update payments set amount_fen = amount_fen + 7 where contract_id = ?`, [contract.id]],
      ['contract terminated', `update contracts set status = 'terminated' where id = ?`, [contract.id]],
      ['contract moved to another matter', `update contracts set matter_id = (select id from matters where id <> ? and catalogue_status = 'listed' order by id limit 1) where id = ?`, [contract.matter_id, contract.id]],
      ['contract back in draft', `update contracts set status = 'draft' where id = ?`, [contract.id]],
    ];
    // Raw changes, past the use cases' rules: the triggers must follow whatever reaches the table.
    sql.pragma('foreign_keys = OFF');
    sql.pragma('ignore_check_constraints = ON');
    for (const [label, statement, params] of changes) {
      sql.prepare(statement).run(...params);
      agree(label);
    }
    sql.prepare(`delete from payments where contract_id in (select id from contracts where status = 'active')`).run();
    agree('payments deleted');
    sql.prepare(`delete from evaluations`).run();
    agree('evaluations deleted');
    const before = getPublicStats(db);
    rebuildPublicStats(sql);
    expect(getPublicStats(db)).toEqual(before);
  });
});
