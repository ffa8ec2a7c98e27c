import { describe, expect, it } from 'vitest';
import { buildFixture } from '../testing/fixture';
import { contractsNeedingAttention } from './attention';

describe('what needs attention', () => {
  const f = buildFixture();
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

  it('lists the department\'s contracts waiting for approval, and nothing of other departments', () => {
    expect(ids(contractsNeedingAttention(f.db, f.actors.officerA, '2026-06-01').awaitingApproval)).toEqual([f.pendingA.id]);
    expect(contractsNeedingAttention(f.db, f.actors.officerB, '2026-06-01').awaitingApproval).toEqual([]);
  });

  it('lists contracts ending within 30 days, and those past their end that are not closed', () => {
    expect(ids(contractsNeedingAttention(f.db, f.actors.officerA, '2026-12-15').endingSoon)).toEqual([f.activeA.id]);
    expect(contractsNeedingAttention(f.db, f.actors.officerA, '2026-11-01').endingSoon).toEqual([]);
    expect(ids(contractsNeedingAttention(f.db, f.actors.officerA, '2027-01-05').pastEnd)).toEqual([f.activeA.id]);
  });

  it('lists overdue milestones', () => {
    expect(contractsNeedingAttention(f.db, f.actors.officerA, '2026-06-30').overdueMilestones).toEqual([]);
    expect(contractsNeedingAttention(f.db, f.actors.officerA, '2026-07-01').overdueMilestones.map((m) => m.contractId)).toEqual([f.activeA.id]);
  });
});
