import { and, eq } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { contracts, deliverables, milestones } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import { requireUserId, type Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import type { DeliverableStatus } from '../domain/enums';
import { requireNextStatus } from '../domain/transitions';
import { AppError, notFound, ruleViolation } from '../errors';
import { deliverableTransitions, type DeliverableStep } from './rules';
import { checkResults, resultEntries, storeResults } from '../results/service';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { deliverableInput, deliverableReviewInput, periodTermErrors } from './schema';

export function submitDeliverableInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'deliverable.submit');
  const data = validate(deliverableInput, input);
  const contract = tx.select().from(contracts).where(eq(contracts.id, data.contractId)).get();
  if (!contract) throw notFound('contract');
  requirePermission(actor, 'deliverable.submit', { contractorId: contract.contractorId });
  if (contract.status !== 'active') throw ruleViolation('contract_not_active', `the contract is ${contract.status}`);
  const outsideTerm = periodTermErrors(data, contract);
  if (outsideTerm) {
    throw new AppError('validation', `the period ${data.periodStart} to ${data.periodEnd} is not within the contract's term ${contract.startDate} to ${contract.endDate}`, {
      fieldErrors: outsideTerm,
      params: { start: contract.startDate, end: contract.endDate },
    });
  }
  if (data.milestoneId !== undefined) {
    const m = tx.select({ id: milestones.id }).from(milestones).where(and(eq(milestones.id, data.milestoneId), eq(milestones.contractId, contract.id))).get();
    if (!m) throw new AppError('validation', 'unknown milestone', { fieldErrors: { milestoneId: ['unknown_milestone'] } });
  }
  if (data.supersedesId !== undefined) {
    const previous = tx.select().from(deliverables).where(eq(deliverables.id, data.supersedesId)).get();
    if (!previous || previous.contractId !== contract.id) throw notFound('deliverable');
    if (previous.status !== 'returned') throw ruleViolation('resubmit_only_returned', 'only returned work can be resubmitted');
    if (tx.select({ id: deliverables.id }).from(deliverables).where(eq(deliverables.supersedesId, previous.id)).get()) {
      throw new AppError('stale', 'this returned deliverable was resubmitted already');
    }
  }
  const results = checkResults(tx, contract, data.results);
  const now = nowIso();
  const values = {
    contractId: contract.id,
    contractorId: contract.contractorId,
    milestoneId: data.milestoneId ?? null,
    title: data.title,
    periodStart: data.periodStart,
    periodEnd: data.periodEnd,
    description: data.description,
    supersedesId: data.supersedesId ?? null,
  };
  const row = tx
    .insert(deliverables)
    .values({ ...values, status: 'submitted', submittedBy: requireUserId(actor), submittedAt: now, createdAt: now, updatedAt: now })
    .returning()
    .get();
  appendAuditEvent(tx, actor, {
    action: 'deliverable.submitted',
    entityType: 'deliverable',
    entityId: row.id,
    departmentId: contract.departmentId,
    data: { after: { ...values, results: resultEntries(results) } },
  });
  storeResults(tx, row.id, results);
  return row;
}

export function reviewDeliverableInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'deliverable.review');
  const data = validate(deliverableReviewInput, input);
  const found = tx
    .select({ deliverable: deliverables, departmentId: contracts.departmentId })
    .from(deliverables)
    .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
    .where(eq(deliverables.id, data.deliverableId))
    .get();
  if (!found) throw notFound('deliverable');
  requirePermission(actor, 'deliverable.review', { departmentId: found.departmentId });
  const from = found.deliverable.status;
  const to = requireNextStatus<DeliverableStatus, DeliverableStep>(deliverableTransitions, from, data.decision, 'deliverable', 'already_reviewed');
  const now = nowIso();
  const changed = tx
    .update(deliverables)
    .set({ status: to, reviewedBy: actor.id, reviewedAt: now, reviewComment: data.comment || null, updatedAt: now })
    .where(and(eq(deliverables.id, data.deliverableId), eq(deliverables.status, from)))
    .run();
  if (changed.changes !== 1) throw new AppError('stale', 'someone else reviewed this deliverable first');
  appendAuditEvent(tx, actor, {
    action: to === 'accepted' ? 'deliverable.accepted' : 'deliverable.returned',
    entityType: 'deliverable',
    entityId: data.deliverableId,
    departmentId: found.departmentId,
    data: { from, to, ...(data.comment ? { comment: data.comment } : {}) },
  });
  return { status: to, contractId: found.deliverable.contractId };
}

export const submitDeliverable = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => submitDeliverableInTx(tx, actor, input));
export const reviewDeliverable = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => reviewDeliverableInTx(tx, actor, input));
