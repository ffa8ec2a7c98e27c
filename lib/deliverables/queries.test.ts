import { describe, expect, it } from 'vitest';
import { milestones } from '../../db/schema';
import { buildFixture } from '../testing/fixture';
import { listDeliverablesAwaitingReview, listReturnedWork, milestonesReadyToMark } from './queries';
import { reviewDeliverable, submitDeliverable } from './service';

const period = { periodStart: '2026-04-01', periodEnd: '2026-06-30' };

describe('what needs attention', () => {
  it('the officer sees the department\'s deliverables waiting for review, oldest first, and no other department\'s', () => {
    const f = buildFixture();
    const later = submitDeliverable(f.db, f.actors.contractorX, { contractId: f.activeA.id, title: '二季度', ...period });
    expect(listDeliverablesAwaitingReview(f.db, f.actors.officerA).items.map((d) => d.id)).toEqual([f.deliverableA.id, later.id]);
    expect(listDeliverablesAwaitingReview(f.db, f.actors.officerB).items.map((d) => d.id)).toEqual([f.deliverableB.id]);
    expect(() => listDeliverablesAwaitingReview(f.db, f.actors.contractorX)).toThrow();
  });

  it('the contractor sees returned work until it is resubmitted, and never another organization\'s', () => {
    const f = buildFixture();
    reviewDeliverable(f.db, f.actors.officerA, { deliverableId: f.deliverableA.id, decision: 'return', comment: '缺少照片' });
    reviewDeliverable(f.db, f.actors.officerB, { deliverableId: f.deliverableB.id, decision: 'return', comment: 'missing' });
    expect(listReturnedWork(f.db, f.actors.contractorX).map((d) => [d.id, d.reviewComment])).toEqual([[f.deliverableA.id, '缺少照片']]);
    submitDeliverable(f.db, f.actors.contractorX, { contractId: f.activeA.id, title: '一季度报告（补充）', periodStart: '2026-01-01', periodEnd: '2026-03-31', supersedesId: f.deliverableA.id });
    expect(listReturnedWork(f.db, f.actors.contractorX)).toEqual([]);
    expect(f.db.$client.prepare('select status from deliverables where id = ?').pluck().get(f.deliverableA.id)).toBe('returned');
  });
});

describe('milestones ready to mark', () => {
  it('once the last deliverable of a milestone is accepted and none waits', () => {
    const f = buildFixture();
    const milestoneId = f.db.select({ id: milestones.id }).from(milestones).all()[0]!.id;
    const first = submitDeliverable(f.db, f.actors.contractorX, { contractId: f.activeA.id, milestoneId, title: '上半年', ...period });
    const second = submitDeliverable(f.db, f.actors.contractorX, { contractId: f.activeA.id, milestoneId, title: '上半年附表', ...period });
    expect(milestonesReadyToMark(f.db, f.activeA.id).has(milestoneId)).toBe(false);
    reviewDeliverable(f.db, f.actors.officerA, { deliverableId: first.id, decision: 'accept' });
    expect(milestonesReadyToMark(f.db, f.activeA.id).has(milestoneId)).toBe(false);
    reviewDeliverable(f.db, f.actors.officerA, { deliverableId: second.id, decision: 'accept' });
    expect(milestonesReadyToMark(f.db, f.activeA.id).has(milestoneId)).toBe(true);
  });
});
