import { describe, expect, it } from 'vitest';
import { reviewDeliverable, submitDeliverable } from '../deliverables/service';
import { recordEvaluation } from '../evaluations/service';
import { buildFixture } from '../testing/fixture';
import { findContractorRecord, isAcceptedOnTime, summarizeRecord } from './record';

describe('accepted on time', () => {
  const d = { status: 'accepted', periodEnd: '2026-03-31' };
  it('counts work submitted up to 30 days after the period, in Shanghai time', () => {
    expect(isAcceptedOnTime({ ...d, submittedAt: '2026-04-30T15:59:59.000Z' })).toBe(true); // 23:59:59 on 30 April in Shanghai
    expect(isAcceptedOnTime({ ...d, submittedAt: '2026-04-30T16:00:00.000Z' })).toBe(false); // 1 May in Shanghai
    expect(isAcceptedOnTime({ ...d, submittedAt: '2026-03-01T00:00:00.000Z' })).toBe(true);
  });
  it('never counts work that is not accepted', () => {
    expect(isAcceptedOnTime({ ...d, status: 'returned', submittedAt: '2026-04-01T00:00:00.000Z' })).toBe(false);
    expect(isAcceptedOnTime({ ...d, status: 'submitted', submittedAt: '2026-04-01T00:00:00.000Z' })).toBe(false);
  });
});

describe('a contractor record', () => {
  it('counts held contracts, current deliverables and the mean evaluation', () => {
    const record = summarizeRecord(
      [{ status: 'active' }, { status: 'completed' }, { status: 'draft' }, { status: 'cancelled' }, { status: 'terminated' }],
      [
        { id: 1, status: 'returned', submittedAt: '2026-04-01T00:00:00Z', periodEnd: '2026-03-31', supersedesId: null },
        { id: 2, status: 'accepted', submittedAt: '2026-04-10T00:00:00Z', periodEnd: '2026-03-31', supersedesId: 1 },
        { id: 3, status: 'accepted', submittedAt: '2026-08-30T00:00:00Z', periodEnd: '2026-06-30', supersedesId: null },
        { id: 4, status: 'submitted', submittedAt: '2026-10-01T00:00:00Z', periodEnd: '2026-09-30', supersedesId: null },
      ],
      [90, 85, 72],
    );
    expect(record).toEqual({ contractsHeld: 3, deliverables: 3, accepted: 2, acceptedOnTime: 1, evaluations: 3, averageScore: 82.3 });
    expect(summarizeRecord([], [], []).averageScore).toBeNull();
  });

  it('reads the database for staff', () => {
    const f = buildFixture();
    reviewDeliverable(f.db, f.actors.officerA, { deliverableId: f.deliverableA.id, decision: 'accept' });
    const second = submitDeliverable(f.db, f.actors.contractorX, { contractId: f.activeA.id, title: '二季度', periodStart: '2026-04-01', periodEnd: '2026-06-30' });
    reviewDeliverable(f.db, f.actors.officerA, { deliverableId: second.id, decision: 'return', comment: '缺少附件' });
    recordEvaluation(f.db, f.actors.officerA, { contractId: f.activeA.id, evaluatorKind: 'department', periodStart: '2026-01-01', periodEnd: '2026-06-30', scores: { quality: 91 } });
    const record = findContractorRecord(f.db, f.actors.approverA, f.contractorX.id);
    expect(record).toMatchObject({ contractsHeld: 1, deliverables: 2, accepted: 1, evaluations: 1, averageScore: 91 });
    expect(() => findContractorRecord(f.db, f.actors.contractorY, f.contractorX.id)).toThrow();
  });
});
