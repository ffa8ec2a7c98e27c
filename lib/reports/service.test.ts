import { describe, expect, it } from 'vitest';
import { buildFixture } from '../testing/fixture';
import { listErrorReports } from './queries';
import { reportLimits } from './rules';
import { addressKeyOf, closeErrorReport, submitErrorReport } from './service';

const events = (f: ReturnType<typeof buildFixture>, action: string) =>
  f.db.$client.prepare('select actor_role as role, data from audit_events where action = ? order by seq').all(action) as { role: string; data: string }[];

describe('error reports from visitors', () => {
  it('a visitor reports an error in a public record; the report and its audit event are written together', () => {
    const f = buildFixture();
    const row = submitErrorReport(f.db, { recordType: 'contract', recordKey: f.activeA.reference, message: '合同金额与公告不一致，请核实。' }, { address: '203.0.113.7' });
    expect(row.id).toBeGreaterThan(0);
    const stored = f.db.$client.prepare('select status, address_key from error_reports where id = ?').get(row.id) as { status: string; address_key: string };
    expect(stored.status).toBe('open');
    // The address is kept only as a keyed hash.
    expect(stored.address_key).toBe(addressKeyOf('203.0.113.7'));
    expect(stored.address_key).not.toContain('203.0.113.7');
    expect(events(f, 'report.submitted').map((e) => e.role)).toEqual(['public']);
  });

  it('only public records can be reported: a draft or pending contract, an unknown matter answer not-found and write nothing', () => {
    const f = buildFixture();
    for (const input of [
      { recordType: 'contract', recordKey: f.pendingA.reference },
      { recordType: 'matter', recordKey: 'LG-NOPE-999' },
      { recordType: 'contractor', recordKey: '99999' },
    ]) {
      expect(() => submitErrorReport(f.db, { ...input, message: '这条记录有错误，请核实。' }, { address: null })).toThrow(/not found/);
    }
    expect(f.db.$client.prepare('select count(*) from error_reports').pluck().get()).toBe(0);
    expect(() => submitErrorReport(f.db, { recordType: 'matter', recordKey: f.matterA.code, message: 'short' }, { address: null })).toThrow(/invalid input/);
  });

  it('is throttled per address, and addresses that cannot be told apart share a larger allowance', () => {
    const f = buildFixture();
    const report = (address: string | null) => submitErrorReport(f.db, { recordType: 'matter', recordKey: f.matterA.code, message: '事项名称有错别字，请更正。' }, { address });
    for (let i = 0; i < reportLimits.perAddressPerHour; i++) report('198.51.100.1');
    expect(() => report('198.51.100.1')).toThrow(/too many reports/);
    // Another address is not affected.
    expect(report('198.51.100.2').id).toBeGreaterThan(0);
    for (let i = 0; i < reportLimits.unknownAddressesPerHour; i++) report(null);
    expect(() => report('unknown')).toThrow(/too many reports/);
    // An hour later the allowance is back.
    expect(submitErrorReport(f.db, { recordType: 'matter', recordKey: f.matterA.code, message: '事项名称有错别字，请更正。' }, { address: '198.51.100.1' }, new Date(Date.now() + 3_700_000)).id).toBeGreaterThan(0);
  });

  it('an admin closes it with a note (audited); nobody else can, and a closed report cannot be closed again', () => {
    const f = buildFixture();
    const { id } = submitErrorReport(f.db, { recordType: 'contract', recordKey: f.activeA.reference, message: '开始日期应为 2026-02-01。' }, { address: null });
    for (const actor of [f.actors.officerA, f.actors.auditor, f.actors.contractorX]) {
      expect(() => closeErrorReport(f.db, actor, { reportId: id, note: '已核实' })).toThrow();
    }
    expect(listErrorReports(f.db, f.actors.admin, 'open').total).toBe(1);
    expect(closeErrorReport(f.db, f.actors.admin, { reportId: id, note: '已核实，记录无误。' })).toEqual({ status: 'closed' });
    expect(() => closeErrorReport(f.db, f.actors.admin, { reportId: id, note: '再次关闭' })).toThrow(/closed/);
    expect(listErrorReports(f.db, f.actors.admin, 'open').total).toBe(0);
    const closed = listErrorReports(f.db, f.actors.admin, 'closed');
    expect(closed.items.map((r) => [r.id, r.closingNote, r.closedByName])).toEqual([[id, '已核实，记录无误。', f.actors.admin.name]]);
    expect(events(f, 'report.closed').map((e) => JSON.parse(e.data))).toEqual([{ from: 'open', to: 'closed', comment: '已核实，记录无误。' }]);
  });
});
