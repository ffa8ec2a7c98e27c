import { describe, expect, it } from 'vitest';
import { parseStoredAuditEvent } from '../audit/events';
import { draftContract } from '../contracts/service';
import { isAppError } from '../errors';
import { readContractSnapshot } from '../ocds/snapshot';
import { buildFixture } from '../testing/fixture';

const period = { startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true as const };
const tender = { method: 'open_tender', noticeDate: '2025-11-03', bidDeadline: '2025-11-28', evaluationMethod: 'comprehensive_scoring', numberOfTenderers: '3' };

function fieldErrorsOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (e) {
    if (isAppError(e)) return e.details.fieldErrors ?? {};
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('recording how a contractor was chosen, with the draft', () => {
  it('stores the method and its bidders, names registered bidders from the register, and writes one audit event with the warnings', () => {
    const f = buildFixture();
    const events = () => f.db.$client.prepare(`select count(*) from audit_events where action = 'contract.procurement_recorded'`).pluck().get() as number;
    const { contract, procurementWarnings } = draftContract(f.db, f.actors.officerA, {
      matterId: f.matterA.id,
      contractorId: f.contractorX.id,
      valueFen: 100_000_00,
      ...period,
      procurement: {
        ...tender,
        numberOfTenderers: '1',
        bidDeadline: '2025-11-10',
        tenderers: [{ contractorId: String(f.contractorX.id), name: 'whatever the form said', awarded: true, bidFen: '9800000' }],
      },
    });
    expect(procurementWarnings.map((w) => w.code).sort()).toEqual(['short_period', 'single_bidder']);
    expect(events()).toBe(1);
    const row = f.db.$client.prepare('select name, credit_code, bid_fen, awarded from contract_tenderers where contract_id = ?').get(contract.id) as Record<string, unknown>;
    expect(row).toEqual({ name: f.contractorX.nameZh, credit_code: f.contractorX.creditCode, bid_fen: 9_800_000, awarded: 1 });
    const stored = f.db.$client.prepare(`select data from audit_events where action = 'contract.procurement_recorded'`).pluck().get() as string;
    expect(parseStoredAuditEvent('contract.procurement_recorded', stored)?.data).toMatchObject({ after: { method: 'open_tender', numberOfTenderers: 1, warnings: ['short_period', 'single_bidder'] } });
  });

  it('refuses, with field errors and nothing written, what the rules refuse', () => {
    const f = buildFixture();
    const before = f.db.$client.prepare('select count(*) from contracts').pluck().get();
    const base = { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 100_000_00, ...period };
    expect(fieldErrorsOf(() => draftContract(f.db, f.actors.officerA, { ...base, procurement: { method: 'single_source' } }))).toEqual({
      'procurement.singleSourceGround': ['procurement_ground_required'],
      'procurement.justification': ['procurement_justification_required'],
    });
    expect(fieldErrorsOf(() => draftContract(f.db, f.actors.officerA, { ...base, procurement: { ...tender, tenderers: [{ name: '外地某公司', awarded: true }] } }))).toEqual({
      'procurement.tenderers.0.awarded': ['procurement_awarded_not_contractor'],
    });
    expect(fieldErrorsOf(() => draftContract(f.db, f.actors.officerA, { ...base, procurement: { method: 'auction' } }))).toEqual({ 'procurement.method': ['choice'] });
    expect(f.db.$client.prepare('select count(*) from contracts').pluck().get()).toBe(before);
    expect(f.db.$client.prepare('select count(*) from contract_procurements').pluck().get()).toBe(0);
  });

  it('puts the method, period, bidders and rationale in the contract’s OCDS snapshot once published', () => {
    const f = buildFixture();
    const { contract } = draftContract(f.db, f.actors.officerA, {
      matterId: f.matterA.id,
      contractorId: f.contractorX.id,
      valueFen: 100_000_00,
      ...period,
      procurement: { method: 'single_source', singleSourceGround: 'only_one_supplier', justification: '唯一具备资质的机构' },
    });
    f.db.$client.prepare(`update contracts set status = 'active', approved_at = '2026-01-01T00:00:00.000Z' where id = ?`).run(contract.id);
    expect(readContractSnapshot(f.db.$client, contract.id)?.procurement).toEqual({
      method: 'single_source',
      noticeDate: null,
      bidDeadline: null,
      evaluationMethod: null,
      numberOfTenderers: 1,
      singleSourceGround: 'only_one_supplier',
      justification: '唯一具备资质的机构',
      tenderers: [],
    });
  });
});
