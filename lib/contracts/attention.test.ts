import { describe, expect, it } from 'vitest';
import { buildFixture } from '../testing/fixture';
import { submitDeliverable } from '../deliverables/service';
import { listDeliverablesAwaitingReview } from '../deliverables/queries';
import { ATTENTION_LIMIT, contractsNeedingAttention } from './attention';
import { listAwaitingApproval } from './queries';
import { draftContract, transitionContract } from './service';

describe('what needs attention', () => {
  const f = buildFixture();
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

  it('lists the department\'s contracts waiting for approval, and nothing of other departments', () => {
    expect(ids(contractsNeedingAttention(f.db, f.actors.officerA, '2026-06-01').awaitingApproval.items)).toEqual([f.pendingA.id]);
    expect(contractsNeedingAttention(f.db, f.actors.officerB, '2026-06-01').awaitingApproval.items).toEqual([]);
  });

  it('lists contracts ending within 30 days, and those past their end that are not closed', () => {
    expect(ids(contractsNeedingAttention(f.db, f.actors.officerA, '2026-12-15').endingSoon.items)).toEqual([f.activeA.id]);
    expect(contractsNeedingAttention(f.db, f.actors.officerA, '2026-11-01').endingSoon.items).toEqual([]);
    expect(ids(contractsNeedingAttention(f.db, f.actors.officerA, '2027-01-05').pastEnd.items)).toEqual([f.activeA.id]);
  });

  it('lists overdue milestones', () => {
    expect(contractsNeedingAttention(f.db, f.actors.officerA, '2026-06-30').overdueMilestones.items).toEqual([]);
    expect(contractsNeedingAttention(f.db, f.actors.officerA, '2026-07-01').overdueMilestones.items.map((m) => m.contractId)).toEqual([f.activeA.id]);
  });

  it('counts every item even where the list stops at its limit (desk counters, approvals, review queue)', () => {
    const g = buildFixture();
    for (let i = 0; i < ATTENTION_LIMIT + 1; i++) {
      const c = draftContract(g.db, g.actors.officerA, { matterId: g.matterA.id, contractorId: g.contractorX.id, valueFen: 1_000_00 + i, startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true }).contract;
      transitionContract(g.db, g.actors.officerA, { contractId: c.id, transition: 'submit' });
    }
    const waiting = contractsNeedingAttention(g.db, g.actors.officerA, '2026-06-01').awaitingApproval;
    expect(waiting.items).toHaveLength(ATTENTION_LIMIT);
    expect(waiting.total).toBe(ATTENTION_LIMIT + 2);
    expect(listAwaitingApproval(g.db, g.actors.approverA).total).toBe(ATTENTION_LIMIT + 2);
    const queue = listDeliverablesAwaitingReview(g.db, g.actors.officerA, { size: 1 });
    expect([queue.items.length, queue.total]).toEqual([1, 1]);
    submitDeliverable(g.db, g.actors.contractorX, { contractId: g.activeA.id, title: '二季度', periodStart: '2026-04-01', periodEnd: '2026-06-30' });
    const fuller = listDeliverablesAwaitingReview(g.db, g.actors.officerA, { size: 1 });
    expect([fuller.items.length, fuller.total]).toEqual([1, 2]);
  });
});
