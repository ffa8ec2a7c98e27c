import { describe, expect, it } from 'vitest';
import { parseStoredAuditEvent } from '../audit/events';
import { verifyAuditChain } from '../audit/verify';
import { decideAmendment, requestAmendment } from '../contracts/amendments';
import { packageMetadata, releasePackageChunks } from '../ocds/packages';
import { buildFixture, snapshot } from '../testing/fixture';

// After approval, how the contractor was chosen changes only by an amendment: the amendment carries the new
// record (checked like a draft's), approving it replaces the contract's, and the next OCDS release shows it.

const meta = packageMetadata({ PUBLIC_URL: 'https://registry.example.gov.cn', PUBLISHER_NAME: '龙港市', PUBLISHER_CREDIT_CODE: '11330383MB00000008', OCDS_LICENSE: 'https://creativecommons.org/licenses/by/4.0/' }, '/p', '2026-11-29T00:00:00Z');
type Release = { date: string; tender: { procurementMethod?: string; procurementMethodDetails_en?: string; numberOfTenderers?: number }; contracts: { id: string; amendments?: { description_en: string }[] }[] };
const releasesOf = (f: ReturnType<typeof buildFixture>, reference: string) =>
  (JSON.parse([...releasePackageChunks(f.db.$client, meta)].join('')) as { releases: Release[] }).releases.filter((r) => r.contracts[0]!.id === reference);

const consultation = (contractorId: number) => ({
  method: 'competitive_consultation',
  noticeDate: '2025-10-01',
  bidDeadline: '2025-10-20',
  evaluationMethod: 'comprehensive_scoring',
  numberOfTenderers: '3',
  tenderers: [{ contractorId: String(contractorId), awarded: true }, { name: '外地某公司', awarded: false }],
});

describe('a procurement record changed by an amendment', () => {
  it('is kept with the amendment, replaces the contract’s record only when approved, and the next release shows the new method and says so', () => {
    const f = buildFixture();
    const reference = f.activeA.reference;
    const before = releasesOf(f, reference).length;
    const amendment = requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, rationale: '补录采购记录', procurement: consultation(f.activeA.contractorId) });
    const requested = f.db.$client.prepare(`select data from audit_events where action = 'amendment.requested' and entity_id = ?`).pluck().get(String(amendment.id)) as string;
    expect(parseStoredAuditEvent('amendment.requested', requested)?.data).toMatchObject({ after: { newProcurement: { method: 'competitive_consultation', numberOfTenderers: 3, warnings: [] } } });
    // Not yet approved: nothing recorded for the contract.
    expect(f.db.$client.prepare('select count(*) from contract_procurements where contract_id = ?').pluck().get(f.activeA.id)).toBe(0);
    decideAmendment(f.db, f.actors.approverA, { amendmentId: amendment.id, decision: 'approve' });
    expect(f.db.$client.prepare('select method, number_of_tenderers as n from contract_procurements where contract_id = ?').get(f.activeA.id)).toEqual({ method: 'competitive_consultation', n: 3 });
    expect(f.db.$client.prepare('select name from contract_tenderers where contract_id = ? order by position').pluck().all(f.activeA.id)).toEqual([f.contractorX.nameZh, '外地某公司']);
    expect(f.db.$client.prepare(`select count(*) from audit_events where action = 'contract.procurement_recorded' and entity_id = ?`).pluck().get(String(f.activeA.id))).toBe(1);
    const releases = releasesOf(f, reference);
    expect(releases.length).toBe(before + 1);
    const latest = releases.at(-1)!;
    expect(latest.tender).toMatchObject({ procurementMethod: 'limited', procurementMethodDetails_en: 'Competitive consultation', numberOfTenderers: 3 });
    expect(latest.contracts[0]!.amendments!.at(-1)!.description_en).toMatch(/how the contractor was chosen was replaced/);
    expect(verifyAuditChain(f.db.$client).ok).toBe(true);
  });

  it('a rejected amendment leaves the record as it was; the same record as recorded is no change; the rules still refuse', () => {
    const f = buildFixture();
    const first = requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, rationale: '补录', procurement: consultation(f.activeA.contractorId) });
    decideAmendment(f.db, f.actors.approverA, { amendmentId: first.id, decision: 'reject', comment: '不予变更' });
    expect(f.db.$client.prepare('select count(*) from contract_procurements where contract_id = ?').pluck().get(f.activeA.id)).toBe(0);
    const second = requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, rationale: '补录', procurement: consultation(f.activeA.contractorId) });
    decideAmendment(f.db, f.actors.approverA, { amendmentId: second.id, decision: 'approve' });
    const unchanged = snapshot(f.db);
    expect(() => requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, rationale: '同样的记录', procurement: consultation(f.activeA.contractorId) })).toThrow(/nothing would change/);
    expect(() => requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, rationale: '改为单一来源', procurement: { method: 'single_source' } })).toThrow(/procurement\.singleSourceGround/);
    expect(snapshot(f.db)).toEqual(unchanged);
  });
});
