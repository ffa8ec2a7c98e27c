import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { contracts, evaluatorAssignments, users } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import { requireUserId, type Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { requireNextStatus } from '../domain/transitions';
import { AppError, notFound } from '../errors';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { assignmentTransitions, type AssignmentStatus, type AssignmentStep } from './rules';

export const evaluatorAssignmentInput = z.object({
  contractId: z.coerce.number().int().positive(),
  userId: z.coerce.number().int().positive({ error: 'required' }),
});

/** The users assigned to evaluate a contract (the scope of a third-party evaluation). */
export function assignedEvaluatorIds(tx: Tx | Db, contractId: number): number[] {
  return tx.select({ userId: evaluatorAssignments.userId }).from(evaluatorAssignments).where(eq(evaluatorAssignments.contractId, contractId)).all().map((r) => r.userId);
}

/** An admin assigns a user with the evaluator role to a contract; that user then sees and evaluates it. */
export function assignEvaluatorInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'evaluator.assign');
  const data = validate(evaluatorAssignmentInput, input);
  const contract = tx.select({ id: contracts.id, departmentId: contracts.departmentId }).from(contracts).where(eq(contracts.id, data.contractId)).get();
  if (!contract) throw notFound('contract');
  const evaluator = tx.select({ id: users.id, role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, data.userId)).get();
  if (!evaluator || evaluator.role !== 'evaluator' || evaluator.disabled) {
    throw new AppError('validation', 'not an active evaluator', { fieldErrors: { userId: ['not_evaluator'] } });
  }
  const existing = tx
    .select({ id: evaluatorAssignments.id })
    .from(evaluatorAssignments)
    .where(and(eq(evaluatorAssignments.contractId, contract.id), eq(evaluatorAssignments.userId, evaluator.id)))
    .get();
  requireNextStatus<AssignmentStatus, AssignmentStep>(assignmentTransitions, existing ? 'assigned' : 'unassigned', 'assign', 'evaluator assignment');
  const values = { contractId: contract.id, userId: evaluator.id };
  // Compare-and-set on the pair's unique index: the row is written only while the pair is unassigned.
  const row = tx
    .insert(evaluatorAssignments)
    .values({ ...values, assignedBy: requireUserId(actor), createdAt: nowIso() })
    .onConflictDoNothing()
    .returning({ id: evaluatorAssignments.id })
    .get();
  if (!row) throw new AppError('stale', 'someone else assigned this evaluator first');
  appendAuditEvent(tx, actor, { action: 'evaluator.assigned', entityType: 'contract', entityId: contract.id, departmentId: contract.departmentId, data: { after: values } });
  return row;
}

/**
 * An admin withdraws an assignment (made by mistake, or the evaluation is over): the evaluator no longer
 * sees the contract. Evaluations already recorded stay.
 */
export function unassignEvaluatorInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'evaluator.assign');
  const data = validate(evaluatorAssignmentInput, input);
  const assignment = tx
    .select({ id: evaluatorAssignments.id, departmentId: contracts.departmentId })
    .from(evaluatorAssignments)
    .innerJoin(contracts, eq(contracts.id, evaluatorAssignments.contractId))
    .where(and(eq(evaluatorAssignments.contractId, data.contractId), eq(evaluatorAssignments.userId, data.userId)))
    .get();
  // An unassigned pair has no row to address: it answers not found, as a record out of scope would.
  if (!assignment) throw notFound('evaluator assignment');
  requireNextStatus<AssignmentStatus, AssignmentStep>(assignmentTransitions, 'assigned', 'unassign', 'evaluator assignment');
  const removed = tx.delete(evaluatorAssignments).where(eq(evaluatorAssignments.id, assignment.id)).run();
  if (removed.changes !== 1) throw new AppError('stale', 'someone else withdrew this assignment first');
  appendAuditEvent(tx, actor, { action: 'evaluator.unassigned', entityType: 'contract', entityId: data.contractId, departmentId: assignment.departmentId, data: { before: { contractId: data.contractId, userId: data.userId } } });
}

export const assignEvaluator = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => assignEvaluatorInTx(tx, actor, input));
export const unassignEvaluator = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => unassignEvaluatorInTx(tx, actor, input));
