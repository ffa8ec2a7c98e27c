import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zh from '../../messages/zh-CN.json';
import { parseStoredAuditEvent } from '../audit/events';
import { requestAmendment, decideAmendment } from '../contracts/amendments';
import { editDraftContract } from '../contracts/edit-draft';
import { draftContract } from '../contracts/service';
import { reviewDeliverable, submitDeliverable } from '../deliverables/service';
import { AppError } from '../errors';
import { buildFixture } from '../testing/fixture';
import { contractResults, listContractTargets, listMatterIndicators } from './queries';
import { addIndicator, editIndicator, retireIndicator } from './service';
import { parseUnitValue, unitCodes, units } from './units';

const caught = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

const km = { code: 'river_km', nameZh: '河道巡查公里数', nameEn: 'River kilometres patrolled', unit: 'kilometres', kind: 'output_quantity', direction: 'higher' } as const;
const pct = { code: 'answered_24h', nameZh: '24 小时内响应投诉比例', nameEn: 'Complaints answered within 24 hours', unit: 'percent', kind: 'output_timeliness', direction: 'higher' } as const;
const events = (f: ReturnType<typeof buildFixture>, action: string) =>
  (f.db.$client.prepare('select data from audit_events where action = ? order by seq').pluck().all(action) as string[]).map((d) => parseStoredAuditEvent(action, d)?.data);

describe('units', () => {
  it('checks a value by its unit: whole counts, 0–100 percent, two decimals for measures', () => {
    expect(parseUnitValue('enterprises', '100')).toEqual({ ok: true, centi: 10000 });
    expect(parseUnitValue('enterprises', '１２')).toEqual({ ok: true, centi: 1200 });
    expect(parseUnitValue('enterprises', '12.0')).toEqual({ ok: true, centi: 1200 });
    expect(parseUnitValue('enterprises', '12.5')).toEqual({ ok: false, problem: 'result_whole' });
    expect(parseUnitValue('percent', '100')).toEqual({ ok: true, centi: 10000 });
    expect(parseUnitValue('percent', '100.01')).toEqual({ ok: false, problem: 'result_percent' });
    expect(parseUnitValue('percent', '95.5')).toEqual({ ok: true, centi: 9550 });
    expect(parseUnitValue('kilometres', '12.34')).toEqual({ ok: true, centi: 1234 });
    expect(parseUnitValue('kilometres', '1,200.5')).toEqual({ ok: true, centi: 120050 });
    expect(parseUnitValue('households', '１，２００')).toEqual({ ok: true, centi: 120000 });
    expect(parseUnitValue('kilometres', '12.345')).toEqual({ ok: false, problem: 'result_decimals' });
    expect(parseUnitValue('hours', '-1')).toEqual({ ok: false, problem: 'result_negative' });
    expect(parseUnitValue('hours', 'abc')).toEqual({ ok: false, problem: 'result_number' });
    expect(parseUnitValue('people', '1e3')).toEqual({ ok: false, problem: 'result_number' });
    expect(parseUnitValue('people', '99999999999')).toEqual({ ok: false, problem: 'result_too_large' });
  });

  it('names every unit in both languages, and every problem message exists in both', () => {
    for (const u of unitCodes) {
      expect(en.results.units[u], u).toBeTruthy();
      expect(zh.results.units[u], u).toBeTruthy();
      expect(units[u].rec20 === null ? units[u].currency : units[u].rec20, u).toMatch(/^[A-Z0-9]{2,3}$/);
    }
    for (const key of ['result_number', 'result_negative', 'result_whole', 'result_percent', 'result_decimals', 'result_too_large', 'unknown_indicator', 'indicator_code'] as const) {
      expect(en.validation[key], key).toBeTruthy();
      expect(zh.validation[key], key).toBeTruthy();
    }
  });
});

describe('the indicator catalogue of a matter', () => {
  it('is kept by the matter’s department only, each write with its audit event', () => {
    const f = buildFixture();
    expect(caught(() => addIndicator(f.db, f.actors.officerB, { matterId: f.matterA.id, ...km })).code).toBe('not_found');
    for (const who of ['contractorX', 'auditor', 'evaluator'] as const) {
      expect(caught(() => addIndicator(f.db, f.actors[who], { matterId: f.matterA.id, ...km })).code, who).toBe('forbidden');
    }
    const row = addIndicator(f.db, f.actors.officerA, { matterId: f.matterA.id, ...km });
    expect(events(f, 'indicator.added').at(-1)).toMatchObject({ after: { indicatorId: row.id, code: 'river_km', unit: 'kilometres' } });
    expect(caught(() => addIndicator(f.db, f.actors.officerA, { matterId: f.matterA.id, ...km })).details.fieldErrors).toEqual({ code: ['duplicate'] });
    expect(caught(() => addIndicator(f.db, f.actors.officerA, { matterId: f.matterA.id, ...km, code: '巡查企业数' })).details.fieldErrors).toEqual({ code: ['indicator_code'] });

    expect(caught(() => editIndicator(f.db, f.actors.officerB, { indicatorId: row.id, ...km, nameZh: '改' })).code).toBe('not_found');
    editIndicator(f.db, f.actors.officerA, { indicatorId: row.id, ...km, direction: 'lower' });
    expect(events(f, 'indicator.updated')).toEqual([{ indicatorId: row.id, code: 'river_km', nameZh: km.nameZh, nameEn: km.nameEn, changes: { direction: { before: 'higher', after: 'lower' } } }]);

    retireIndicator(f.db, f.actors.officerA, { indicatorId: row.id });
    expect(caught(() => retireIndicator(f.db, f.actors.officerA, { indicatorId: row.id })).code).toBe('stale');
    expect(listMatterIndicators(f.db, f.matterA.id).map((i) => i.code)).toEqual(['inspections_done']);
    expect(listMatterIndicators(f.db, f.matterA.id, { includeRetired: true }).map((i) => i.code)).toEqual(['inspections_done', 'river_km']);
    // A retired indicator takes no new target.
    const e = caught(() => draftContract(f.db, f.actors.officerA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 100, startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true, targets: { river_km: '10' } }));
    expect(e.details.fieldErrors).toEqual({ target_river_km: ['unknown_indicator'] });
  });

  it('takes over free indicator values reported before the catalogue, under the same code', () => {
    const f = buildFixture();
    f.db.$client.prepare(`update deliverables set indicators = '{"river_km":12.5,"other":3}' where id = ?`).run(f.deliverableA.id);
    addIndicator(f.db, f.actors.officerA, { matterId: f.matterA.id, ...km });
    expect(events(f, 'indicator.added').at(-1)).toMatchObject({ migratedResults: 1 });
    const row = f.db.$client.prepare('select value_centi from deliverable_results r join matter_indicators i on i.id = r.indicator_id where i.code = ?').pluck().get('river_km');
    expect(row).toBe(1250);
  });
});

describe('targets in the contract', () => {
  const base = (f: ReturnType<typeof buildFixture>) => ({ matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 100_00, startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true as const });

  it('are set when drafting and editing a draft, checked by unit, each change in the trail', () => {
    const f = buildFixture();
    addIndicator(f.db, f.actors.officerA, { matterId: f.matterA.id, ...pct });
    expect(caught(() => draftContract(f.db, f.actors.officerA, { ...base(f), targets: { inspections_done: '12.5', answered_24h: '120' } })).details.fieldErrors).toEqual({
      target_inspections_done: ['result_whole'],
      target_answered_24h: ['result_percent'],
    });
    const { contract } = draftContract(f.db, f.actors.officerA, { ...base(f), targets: { inspections_done: '30', answered_24h: '' } });
    expect(listContractTargets(f.db, contract.id).map((t) => [t.indicator.code, t.target])).toEqual([['inspections_done', 30]]);
    editDraftContract(f.db, f.actors.officerA, { ...base(f), contractId: contract.id, targets: { inspections_done: '30', answered_24h: '95.5' } });
    expect(listContractTargets(f.db, contract.id).map((t) => [t.indicator.code, t.target])).toEqual([['inspections_done', 30], ['answered_24h', 95.5]]);
    const sets = events(f, 'contract.targets_set');
    expect(sets.at(-1)).toMatchObject({ before: [{ code: 'inspections_done', target: 30 }], after: [{ code: 'inspections_done' }, { code: 'answered_24h', target: 95.5, unit: 'percent' }] });
    // Unchanged targets write nothing.
    const n = sets.length;
    editDraftContract(f.db, f.actors.officerA, { ...base(f), contractId: contract.id, targets: { inspections_done: '30', answered_24h: '95.50' } });
    expect(events(f, 'contract.targets_set')).toHaveLength(n);
    // A matter without indicators offers none: any target is unknown.
    expect(caught(() => draftContract(f.db, f.actors.officerB, { ...base(f), matterId: f.matterB.id, contractorId: f.contractorY.id, targets: { inspections_done: '1' } })).details.fieldErrors).toEqual({ target_inspections_done: ['unknown_indicator'] });
  });

  it('of an approved contract change only through an amendment, applied on four-eyes approval', () => {
    const f = buildFixture();
    const targets = () => listContractTargets(f.db, f.activeA.id).map((t) => [t.indicator.code, t.target]);
    expect(targets()).toEqual([['inspections_done', 40]]);
    // Editing is for drafts only.
    expect(caught(() => editDraftContract(f.db, f.actors.officerA, { ...base(f), contractId: f.activeA.id, targets: { inspections_done: '1' } })).code).toBe('rule');
    expect(caught(() => requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, rationale: '调整', newTargets: { inspections_done: '4.5' } })).details.fieldErrors).toEqual({ target_inspections_done: ['result_whole'] });
    const a = requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, rationale: '服务范围扩大', newTargets: { inspections_done: '60' } });
    expect(events(f, 'amendment.requested').at(-1)).toMatchObject({ after: { previousTargets: [{ target: 40 }], newTargets: [{ target: 60 }] } });
    expect(targets()).toEqual([['inspections_done', 40]]);
    expect(caught(() => decideAmendment(f.db, f.actors.officerA, { amendmentId: a.id, decision: 'approve' })).code).toBe('forbidden');
    decideAmendment(f.db, f.actors.approverA, { amendmentId: a.id, decision: 'approve' });
    expect(targets()).toEqual([['inspections_done', 60]]);
    expect(events(f, 'contract.updated').at(-1)).toMatchObject({ changes: { targets: { before: [{ target: 40 }], after: [{ target: 60 }] } } });
  });

  it('an amendment that changes nothing, targets included, is refused', () => {
    const f = buildFixture();
    expect(caught(() => requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, rationale: '无', newTargets: { inspections_done: '40' } })).details.fieldErrors).toEqual({ _form: ['amendment_empty'] });
  });
});

describe('results', () => {
  it('are reported per indicator by code, checked by unit; only accepted deliverables count', () => {
    const f = buildFixture();
    const submit = (results: Record<string, string>, periodEnd = '2026-06-30') =>
      submitDeliverable(f.db, f.actors.contractorX, { contractId: f.activeA.id, title: '报告', periodStart: '2026-04-01', periodEnd, results });
    expect(caught(() => submit({ inspections_done: '3.5' })).details.fieldErrors).toEqual({ result_inspections_done: ['result_whole'] });
    expect(caught(() => submit({ river_km: '3' })).details.fieldErrors).toEqual({ result_river_km: ['unknown_indicator'] });

    // The fixture's deliverable A (12, submitted) does not count yet.
    expect(contractResults(f.db, f.activeA.id)).toMatchObject([{ target: 40, result: null, share: null, periods: [] }]);
    reviewDeliverable(f.db, f.actors.officerA, { deliverableId: f.deliverableA.id, decision: 'accept' });
    const returned = submit({ inspections_done: '100' });
    reviewDeliverable(f.db, f.actors.officerA, { deliverableId: returned.id, decision: 'return', comment: '数字有误' });
    const second = submit({ inspections_done: '9' }, '2026-09-30');
    reviewDeliverable(f.db, f.actors.officerA, { deliverableId: second.id, decision: 'accept' });
    const [progress] = contractResults(f.db, f.activeA.id);
    expect(progress).toMatchObject({ target: 40, result: 21, aggregation: 'sum', unit: 'enterprises' });
    expect(progress!.share).toBeCloseTo(21 / 40);
    expect(progress!.periods.map((p) => p.value)).toEqual([12, 9]);
    expect(events(f, 'deliverable.submitted').at(-1)).toMatchObject({ after: { results: [{ code: 'inspections_done', nameZh: '巡查企业数', value: 9 }] } });
  });

  it('of a percentage take the latest accepted period, not the sum', () => {
    const f = buildFixture();
    addIndicator(f.db, f.actors.officerA, { matterId: f.matterA.id, ...pct });
    const report = (periodStart: string, periodEnd: string, value: string) => {
      const d = submitDeliverable(f.db, f.actors.contractorX, { contractId: f.activeA.id, title: periodEnd, periodStart, periodEnd, results: { answered_24h: value } });
      reviewDeliverable(f.db, f.actors.officerA, { deliverableId: d.id, decision: 'accept' });
    };
    report('2026-07-01', '2026-09-30', '92');
    report('2026-01-01', '2026-03-31', '80');
    const pctRow = contractResults(f.db, f.activeA.id).find((r) => r.indicator.code === 'answered_24h')!;
    expect(pctRow).toMatchObject({ aggregation: 'latest', result: 92, target: null, share: null });
  });
});

describe('the figures of the progress table equal their recount', () => {
  it('result so far and share, for counts (sum) and percentages (latest), over random accepted, returned and waiting reports', () => {
    const f = buildFixture();
    addIndicator(f.db, f.actors.officerA, { matterId: f.matterA.id, ...pct });
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 12; i++) {
      const month = String(1 + rnd(12)).padStart(2, '0');
      const d = submitDeliverable(f.db, f.actors.contractorX, { contractId: f.activeA.id, title: `报告${i}`, periodStart: `2026-${month}-01`, periodEnd: `2026-${month}-28`, results: { inspections_done: String(rnd(50)), answered_24h: `${80 + rnd(20)}.${rnd(10)}` } });
      const fate = rnd(3);
      if (fate < 2) reviewDeliverable(f.db, f.actors.officerA, { deliverableId: d.id, decision: fate === 0 ? 'accept' : 'return', comment: '复核' });
    }
    // The recount: plain SQL over the stored rows, in hundredths.
    const q = (sql: string, code: string) => f.db.$client.prepare(sql).pluck().get(f.activeA.id, code) as number | null;
    const accepted = `from deliverable_results r join deliverables d on d.id = r.deliverable_id join matter_indicators i on i.id = r.indicator_id where d.contract_id = ? and i.code = ? and d.status = 'accepted'`;
    const sum = q(`select sum(r.value_centi) ${accepted}`, 'inspections_done');
    const latest = q(`select r.value_centi ${accepted} order by d.period_end desc, d.id desc limit 1`, 'answered_24h');
    const rows = contractResults(f.db, f.activeA.id);
    const count = rows.find((r) => r.indicator.code === 'inspections_done')!;
    const share = rows.find((r) => r.indicator.code === 'answered_24h')!;
    expect(count.result).toBe(sum === null ? null : sum / 100);
    expect(count.share).toBe(sum === null ? null : sum / 100 / 40);
    expect(share.result).toBe(latest === null ? null : latest / 100);
  });
});
