import { eq } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { contracts, evaluations } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import { canonicalJson } from '../audit/chain';
import { requireUserId, type Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { isPublishedContractStatus } from '../domain/predicates';
import { AppError, notFound, ruleViolation } from '../errors';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { assignedEvaluatorIds } from './assignments';
import { gradeFor, overallScore } from './grade';
import { evaluationInput } from './schema';

export function recordEvaluationInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'evaluation.record');
  const data = validate(evaluationInput, input);
  const contract = tx.select().from(contracts).where(eq(contracts.id, data.contractId)).get();
  if (!contract) throw notFound('contract');
  // The department's officers, or an evaluator an admin assigned to this contract.
  requirePermission(actor, 'evaluation.record', { departmentId: contract.departmentId, evaluatorIds: assignedEvaluatorIds(tx, contract.id) });
  // Evaluators record third-party results only (officers may also transcribe a third party's report).
  if (actor.role === 'evaluator' && data.evaluatorKind !== 'third_party') {
    throw new AppError('validation', 'evaluator kind does not fit the role', { fieldErrors: { evaluatorKind: ['kind_for_role'] } });
  }
  // Approved at some point (published): an ended contract is still evaluated.
  if (!isPublishedContractStatus(contract.status)) {
    throw ruleViolation('contract_not_running', `the contract is ${contract.status}`);
  }
  const overall = overallScore(data.scores);
  const values = {
    contractId: contract.id,
    evaluatorKind: data.evaluatorKind,
    periodStart: data.periodStart,
    periodEnd: data.periodEnd,
    scores: canonicalJson(data.scores),
    overallScore: overall,
    grade: gradeFor(overall),
    comment: data.comment,
  };
  const row = tx
    .insert(evaluations)
    .values({ ...values, recordedBy: requireUserId(actor), createdAt: nowIso() })
    .returning()
    .get();
  appendAuditEvent(tx, actor, {
    action: 'evaluation.recorded',
    entityType: 'evaluation',
    entityId: row.id,
    departmentId: contract.departmentId,
    data: { after: { ...values, scores: data.scores } },
  });
  return row;
}

export const recordEvaluation = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => recordEvaluationInTx(tx, actor, input));
