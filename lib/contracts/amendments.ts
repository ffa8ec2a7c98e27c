import { and, eq, sql } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { amendmentProcurements, amendments, contracts, payments } from '../../db/schema';
import { prepareProcurementInTx, sameRecord, storedProcurementInTx, writeProcurementInTx, type PreparedProcurement } from '../procurement/service';
import { appendAuditEvent } from '../audit/append';
import { requireUserId, type Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { isFourEyesViolation } from '../auth/scope';
import type { AmendmentStatus } from '../domain/enums';
import { requireNextStatus } from '../domain/transitions';
import { AppError, notFound, ruleViolation } from '../errors';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { amendmentTransitions, termProblem, type AmendmentStep } from './rules';
import { amendmentDecisionInput, amendmentInput } from './schema';
import { amendmentTargetRows, checkTargets, replaceTargets, storeAmendmentTargets, storedTargets, targetEntries, type TargetEntry } from '../results/service';

/** What `amendment_procurements.record` holds: the record checked when the amendment was requested. */
type CarriedProcurement = Pick<PreparedProcurement, 'row' | 'tenderers'> & { warnings: PreparedProcurement['check']['warnings'] };

function withoutContractId<T extends { contractId: number }>(row: T): Omit<T, 'contractId'> {
  const rest: Partial<T> = { ...row };
  delete rest.contractId;
  return rest as Omit<T, 'contractId'>;
}

/** An officer proposes a change of value, end date or terms of an active contract, with a rationale. */
export function requestAmendmentInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'amendment.request');
  const data = validate(amendmentInput, input);
  const contract = tx.select().from(contracts).where(eq(contracts.id, data.contractId)).get();
  if (!contract) throw notFound('contract');
  requirePermission(actor, 'amendment.request', { departmentId: contract.departmentId });
  if (contract.status !== 'active') throw ruleViolation('contract_not_active', `the contract is ${contract.status}`);
  const next = { valueFen: data.newValueFen ?? contract.valueFen, endDate: data.newEndDate ?? contract.endDate, terms: data.newTerms ?? contract.terms };
  // A new procurement record, checked for the contract at its new value; the same as recorded is no change.
  const prepared = data.procurement === undefined ? null : prepareProcurementInTx(tx, { ...contract, valueFen: next.valueFen }, data.procurement);
  const procurement = prepared && !sameRecord(storedProcurementInTx(tx, contract.id), prepared) ? prepared : null;
  const previousTargets = storedTargets(tx, contract.id);
  const checkedTargets = data.newTargets === undefined ? null : checkTargets(tx, contract.matterId, data.newTargets);
  const newTargets = checkedTargets === null ? null : targetEntries(checkedTargets).sort((a, b) => a.indicatorId - b.indicatorId);
  const targetsChange = newTargets !== null && JSON.stringify(newTargets) !== JSON.stringify(previousTargets);
  if (next.valueFen === contract.valueFen && next.endDate === contract.endDate && next.terms === contract.terms && !targetsChange && !procurement) {
    throw new AppError('validation', 'nothing would change', { fieldErrors: { _form: ['amendment_empty'] } });
  }
  const term = termProblem(contract.startDate, next.endDate, contract.justification);
  if (term) throw ruleViolation(term, `amended term: ${term}`);
  if (tx.select({ id: amendments.id }).from(amendments).where(and(eq(amendments.contractId, contract.id), eq(amendments.status, 'pending_approval'))).get()) {
    throw ruleViolation('amendment_pending', 'another amendment of this contract is waiting for approval');
  }
  const values = {
    contractId: contract.id,
    rationale: data.rationale,
    previousValueFen: contract.valueFen,
    newValueFen: next.valueFen,
    previousEndDate: contract.endDate,
    newEndDate: next.endDate,
    previousTerms: contract.terms,
    newTerms: next.terms,
  };
  const row = tx.insert(amendments).values({ ...values, changesTargets: targetsChange, requestedBy: requireUserId(actor), createdAt: nowIso() }).returning().get();
  if (targetsChange) storeAmendmentTargets(tx, row.id, checkedTargets!);
  const newProcurement = procurement ? { ...withoutContractId(procurement.row), tenderers: procurement.tenderers, warnings: procurement.check.warnings.map((w) => w.code) } : undefined;
  if (procurement) tx.insert(amendmentProcurements).values({ amendmentId: row.id, record: { row: procurement.row, tenderers: procurement.tenderers, warnings: procurement.check.warnings } satisfies CarriedProcurement }).run();
  appendAuditEvent(tx, actor, {
    action: 'amendment.requested',
    entityType: 'amendment',
    entityId: row.id,
    departmentId: contract.departmentId,
    data: { after: { ...values, ...(targetsChange ? { previousTargets, newTargets: newTargets! } : {}), ...(newProcurement ? { newProcurement } : {}) } },
  });
  return row;
}

/** Four-eyes: another approver applies or rejects it; applying is compare-and-set on the contract. */
export function decideAmendmentInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'amendment.approve');
  const data = validate(amendmentDecisionInput, input);
  const found = tx
    .select({ amendment: amendments, contract: contracts })
    .from(amendments)
    .innerJoin(contracts, eq(contracts.id, amendments.contractId))
    .where(eq(amendments.id, data.amendmentId))
    .get();
  if (!found) throw notFound('amendment');
  const { amendment, contract } = found;
  requirePermission(actor, 'amendment.approve', { departmentId: contract.departmentId });
  const to = requireNextStatus<AmendmentStatus, AmendmentStep>(amendmentTransitions, amendment.status, data.decision, 'amendment', 'already_decided');
  if (isFourEyesViolation(actor, amendment.requestedBy)) throw ruleViolation('four_eyes', 'nobody approves an amendment they requested');
  const now = nowIso();
  if (to === 'approved') {
    if (contract.status !== 'active') throw ruleViolation('contract_not_active', `the contract is ${contract.status}`);
    const paid = tx.select({ total: sql<number>`coalesce(sum(${payments.amountFen}), 0)` }).from(payments).where(eq(payments.contractId, contract.id)).get()!.total;
    if (amendment.newValueFen < paid) throw ruleViolation('value_below_paid', 'the new value is less than what was paid already', { paid });
    const changed = tx
      .update(contracts)
      .set({ valueFen: amendment.newValueFen, endDate: amendment.newEndDate, terms: amendment.newTerms, updatedAt: now })
      .where(and(eq(contracts.id, contract.id), eq(contracts.status, 'active'), eq(contracts.valueFen, amendment.previousValueFen), eq(contracts.endDate, amendment.previousEndDate)))
      .run();
    if (changed.changes !== 1) throw new AppError('stale', 'the contract changed since the amendment was requested');
    // The procurement record it carries replaces the contract's (its own event; the next OCDS release shows it).
    const carried = tx.select({ record: amendmentProcurements.record }).from(amendmentProcurements).where(eq(amendmentProcurements.amendmentId, amendment.id)).get();
    if (carried) {
      const record = carried.record as CarriedProcurement;
      writeProcurementInTx(tx, actor, contract, { row: { ...record.row, contractId: contract.id }, tenderers: record.tenderers, check: { errors: [], warnings: record.warnings } });
    }
  }
  let targetChange: { before: TargetEntry[]; after: TargetEntry[] } | null = null;
  if (to === 'approved' && amendment.changesTargets) {
    const before = storedTargets(tx, contract.id);
    replaceTargets(tx, contract.id, amendmentTargetRows(tx, amendment.id).map((r) => ({ indicator: { id: r.indicatorId }, centi: r.targetCenti })));
    targetChange = { before, after: storedTargets(tx, contract.id) };
  }
  const decided = tx
    .update(amendments)
    .set({ status: to, decidedBy: actor.id, decidedAt: now, decisionComment: data.comment || null })
    .where(and(eq(amendments.id, amendment.id), eq(amendments.status, amendment.status)))
    .run();
  if (decided.changes !== 1) throw new AppError('stale', 'someone else decided this amendment first');
  appendAuditEvent(tx, actor, {
    action: to === 'approved' ? 'amendment.approved' : 'amendment.rejected',
    entityType: 'amendment',
    entityId: amendment.id,
    departmentId: contract.departmentId,
    data: { from: amendment.status, to, ...(data.comment ? { comment: data.comment } : {}) },
  });
  if (to === 'approved') {
    const changes: Record<string, { before: string | number | TargetEntry[]; after: string | number | TargetEntry[] }> = {};
    if (targetChange) changes.targets = targetChange;
    if (amendment.previousValueFen !== amendment.newValueFen) changes.valueFen = { before: amendment.previousValueFen, after: amendment.newValueFen };
    if (amendment.previousEndDate !== amendment.newEndDate) changes.endDate = { before: amendment.previousEndDate, after: amendment.newEndDate };
    if (amendment.previousTerms !== amendment.newTerms) changes.terms = { before: amendment.previousTerms, after: amendment.newTerms };
    appendAuditEvent(tx, actor, { action: 'contract.updated', entityType: 'contract', entityId: contract.id, departmentId: contract.departmentId, data: { changes } });
  }
  return { status: to, contractId: contract.id };
}

export const requestAmendment = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => requestAmendmentInTx(tx, actor, input));
export const decideAmendment = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => decideAmendmentInTx(tx, actor, input));
