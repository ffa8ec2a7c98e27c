import { setDraftTargetsInTx } from '../results/service';
import { and, eq, inArray, lte, gte, ne, sql } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { contractors, contracts, matters, milestones, payments } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import { requireUserId, type Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { hasEditedDraft, isFourEyesViolation } from '../auth/scope';
import type { MilestoneStatus } from '../domain/enums';
import { isSettlingContractStatus, runningContractStatuses } from '../domain/predicates';
import { requireStepTo } from '../domain/transitions';
import { getEnv } from '../env';
import { AppError, notFound, ruleViolation } from '../errors';
import { nowIso, todayInShanghai } from '../shared/time';
import { validate } from '../shared/validate';
import { recordProcurementInTx } from '../procurement/service';
import { nextContractReference } from './reference';
import { contractTransitions, milestoneTransitions, nextContractStatus, nextMilestoneStatus, termProblem, type ContractTransition, type MilestoneStep } from './rules';
import { contractDraftInput, contractTransitionInput, milestoneStatusInput, paymentInput } from './schema';

/** Advisory findings that do not block the step (Order No. 102 asks for attention, not refusal). */
export type ContractWarning = 'over_annual_budget' | 'overlapping_contract';

export function contractWarnings(tx: Tx | Db, c: { id?: number; matterId: number; valueFen: number; startDate: string; endDate: string }): ContractWarning[] {
  const warnings: ContractWarning[] = [];
  const matter = tx.select({ budget: matters.annualBudgetFen }).from(matters).where(eq(matters.id, c.matterId)).get();
  if (matter && c.valueFen > matter.budget) warnings.push('over_annual_budget');
  const overlapping = tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      and(
        eq(contracts.matterId, c.matterId),
        inArray(contracts.status, runningContractStatuses),
        lte(contracts.startDate, c.endDate),
        gte(contracts.endDate, c.startDate),
        c.id === undefined ? undefined : ne(contracts.id, c.id),
      ),
    )
    .limit(1)
    .get();
  if (overlapping) warnings.push('overlapping_contract');
  return warnings;
}

export function requireEligibleContractor(tx: Tx, contractorId: number) {
  const contractor = tx
    .select({ id: contractors.id, status: contractors.verificationStatus })
    .from(contractors)
    .where(eq(contractors.id, contractorId))
    .get();
  if (!contractor) throw new AppError('validation', 'unknown contractor', { fieldErrors: { contractorId: ['unknown_contractor'] } });
  if (contractor.status !== 'verified') {
    throw ruleViolation('contractor_not_verified', `contractor ${contractorId} is ${contractor.status}`, { status: contractor.status });
  }
}

export function draftContractInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'contract.draft');
  const data = validate(contractDraftInput, input);
  const matter = tx.select().from(matters).where(eq(matters.id, data.matterId)).get();
  if (!matter) throw notFound('matter');
  requirePermission(actor, 'contract.draft', { departmentId: matter.departmentId });
  if (matter.catalogueStatus !== 'listed') throw ruleViolation('matter_not_listed', `matter ${matter.code} is ${matter.catalogueStatus}`);
  requireEligibleContractor(tx, data.contractorId);
  const term = termProblem(data.startDate, data.endDate, data.justification);
  if (term) throw ruleViolation(term, `contract term: ${term}`);
  if (data.renewalOfId !== undefined) {
    const previous = tx.select().from(contracts).where(eq(contracts.id, data.renewalOfId)).get();
    if (!previous || previous.departmentId !== matter.departmentId) throw notFound('contract');
    if (previous.matterId !== data.matterId || previous.contractorId !== data.contractorId) {
      throw ruleViolation('renewal_mismatch', 'a renewal keeps the matter and the contractor of the contract it renews');
    }
  }

  const now = nowIso();
  const reference = nextContractReference(tx, getEnv().CONTRACT_PREFIX, Number(data.startDate.slice(0, 4)));
  const values = {
    reference,
    matterId: data.matterId,
    contractorId: data.contractorId,
    departmentId: matter.departmentId,
    valueFen: data.valueFen,
    startDate: data.startDate,
    endDate: data.endDate,
    justification: data.justification || null,
    terms: data.terms,
    noSubcontractDeclared: data.noSubcontractDeclared,
    renewalOfId: data.renewalOfId ?? null,
    draftedBy: requireUserId(actor),
  };
  const row = tx.insert(contracts).values({ ...values, status: 'draft', createdAt: now, updatedAt: now }).returning().get();
  appendAuditEvent(tx, actor, { action: 'contract.drafted', entityType: 'contract', entityId: row.id, departmentId: row.departmentId, data: { after: values } });
  for (const m of data.milestones) {
    const milestone = tx.insert(milestones).values({ contractId: row.id, ...m, createdAt: now, updatedAt: now }).returning().get();
    appendAuditEvent(tx, actor, {
      action: 'milestone.created',
      entityType: 'milestone',
      entityId: milestone.id,
      departmentId: row.departmentId,
      data: { after: { contractId: row.id, ...m } },
    });
  }
  setDraftTargetsInTx(tx, actor, row, data.targets);
  const procurement = data.procurement === undefined ? null : recordProcurementInTx(tx, actor, row, data.procurement);
  return { contract: row, warnings: contractWarnings(tx, row), procurementWarnings: procurement?.warnings ?? [] };
}

/** One lifecycle step, compare-and-set on the status it was read in. */
export function transitionContractInTx(tx: Tx, actor: Actor, input: unknown) {
  const data = validate(contractTransitionInput, input);
  const transition = data.transition as ContractTransition;
  const rule = contractTransitions[transition];
  requirePermission(actor, rule.permission);
  const contract = tx.select().from(contracts).where(eq(contracts.id, data.contractId)).get();
  if (!contract) throw notFound('contract');
  requirePermission(actor, rule.permission, { departmentId: contract.departmentId });
  if (data.expectedStatus && data.expectedStatus !== contract.status) {
    throw new AppError('stale', `someone else changed this contract first (it is now ${contract.status})`, { params: { status: contract.status } });
  }

  const to = nextContractStatus(contract.status, transition);
  if (!to) throw ruleViolation('transition_not_allowed', `cannot ${transition} a ${contract.status} contract`, { status: contract.status, transition });
  if (rule.needs && !data.reason) throw new AppError('validation', `${rule.needs} required`, { fieldErrors: { reason: ['required'] } });

  let warnings: ContractWarning[] = [];
  const now = nowIso();
  const extra: Partial<typeof contracts.$inferInsert> = {};
  if (transition === 'approve') {
    if (isFourEyesViolation(actor, contract.draftedBy) || hasEditedDraft(tx, contract.id, actor.id)) throw ruleViolation('four_eyes', 'nobody approves a contract they drafted or edited');
    requireEligibleContractor(tx, contract.contractorId);
    const term = termProblem(contract.startDate, contract.endDate, contract.justification);
    if (term) throw ruleViolation(term, `contract term: ${term}`);
    if (!contract.noSubcontractDeclared) throw ruleViolation('declaration_required', 'the no-subcontracting declaration is missing');
    warnings = contractWarnings(tx, contract);
    extra.approvedBy = actor.id;
    extra.approvedAt = now;
  }
  if (rule.needs === 'reason') extra.statusReason = data.reason ?? null;
  if (transition === 'resume') extra.statusReason = null;

  const changed = tx
    .update(contracts)
    .set({ status: to, updatedAt: now, statusChangedAt: now, ...extra })
    .where(and(eq(contracts.id, contract.id), eq(contracts.status, contract.status)))
    .run();
  if (changed.changes !== 1) throw new AppError('stale', 'someone else changed this contract first; reload and try again');
  appendAuditEvent(tx, actor, {
    action: rule.action,
    entityType: 'contract',
    entityId: contract.id,
    departmentId: contract.departmentId,
    data: {
      from: contract.status,
      to,
      ...(data.reason && rule.needs === 'reason' ? { reason: data.reason } : {}),
      ...(data.reason && rule.needs === 'comment' ? { comment: data.reason } : {}),
    },
  });
  return { status: to, warnings };
}

export function setMilestoneStatusInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'milestone.update');
  const data = validate(milestoneStatusInput, input);
  const found = tx
    .select({ milestone: milestones, departmentId: contracts.departmentId, contractStatus: contracts.status })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(eq(milestones.id, data.milestoneId))
    .get();
  if (!found) throw notFound('milestone');
  requirePermission(actor, 'milestone.update', { departmentId: found.departmentId });
  if (!isSettlingContractStatus(found.contractStatus)) {
    throw ruleViolation('contract_not_running', `the contract is ${found.contractStatus}`);
  }
  const from = found.milestone.status;
  // Recording the result it already has changes nothing (a repeated form, the demo loader after a payment).
  if (from === data.status) return { contractId: found.milestone.contractId, changed: false };
  const to = milestoneTransitions[requireStepTo<MilestoneStatus, MilestoneStep>(milestoneTransitions, from, data.status, 'milestone')].to;
  const changed = tx
    .update(milestones)
    .set({ status: to, updatedAt: nowIso() })
    .where(and(eq(milestones.id, data.milestoneId), eq(milestones.status, from)))
    .run();
  if (changed.changes !== 1) throw new AppError('stale', 'someone else changed this milestone first');
  appendAuditEvent(tx, actor, {
    action: 'milestone.status_changed',
    entityType: 'milestone',
    entityId: data.milestoneId,
    departmentId: found.departmentId,
    data: { from, to },
  });
  return { contractId: found.milestone.contractId, changed: true };
}

export function recordPaymentInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'payment.record');
  const data = validate(paymentInput, input);
  const contract = tx.select().from(contracts).where(eq(contracts.id, data.contractId)).get();
  if (!contract) throw notFound('contract');
  requirePermission(actor, 'payment.record', { departmentId: contract.departmentId });
  if (!isSettlingContractStatus(contract.status)) {
    throw ruleViolation('contract_not_running', `payments need an approved contract; this one is ${contract.status}`);
  }
  if (data.paidOn < contract.startDate) throw new AppError('validation', 'paid before the contract started', { fieldErrors: { paidOn: ['before_start'] } });
  if (data.paidOn > todayInShanghai()) throw new AppError('validation', 'a payment is recorded once it is made', { fieldErrors: { paidOn: ['future_date'] } });
  const paid = tx
    .select({ total: sql<number>`coalesce(sum(${payments.amountFen}), 0)` })
    .from(payments)
    .where(eq(payments.contractId, contract.id))
    .get()!.total;
  if (paid + data.amountFen > contract.valueFen) {
    throw ruleViolation('overpayment', 'the total paid would exceed the contract value', { paid, value: contract.valueFen });
  }
  let milestone: typeof milestones.$inferSelect | undefined;
  if (data.milestoneId !== undefined) {
    milestone = tx
      .select()
      .from(milestones)
      .where(and(eq(milestones.id, data.milestoneId), eq(milestones.contractId, contract.id)))
      .get();
    if (!milestone) throw new AppError('validation', 'unknown milestone', { fieldErrors: { milestoneId: ['unknown_milestone'] } });
    if (milestone.type !== 'payment') throw new AppError('validation', 'not a payment milestone', { fieldErrors: { milestoneId: ['not_payment_milestone'] } });
  }
  const now = nowIso();
  const row = tx
    .insert(payments)
    .values({ contractId: contract.id, milestoneId: data.milestoneId ?? null, amountFen: data.amountFen, paidOn: data.paidOn, recordedBy: requireUserId(actor), createdAt: now })
    .returning()
    .get();
  appendAuditEvent(tx, actor, {
    action: 'payment.recorded',
    entityType: 'payment',
    entityId: row.id,
    departmentId: contract.departmentId,
    data: { after: { contractId: contract.id, milestoneId: row.milestoneId, amountFen: row.amountFen, paidOn: row.paidOn } },
  });
  // A payment against a payment milestone still scheduled records it as met; a recorded result stays.
  const met = milestone ? nextMilestoneStatus(milestone.status, 'meet') : null;
  if (milestone && met) {
    const changed = tx
      .update(milestones)
      .set({ status: met, updatedAt: now })
      .where(and(eq(milestones.id, milestone.id), eq(milestones.status, milestone.status)))
      .run();
    if (changed.changes !== 1) throw new AppError('stale', 'someone else changed this milestone first');
    appendAuditEvent(tx, actor, {
      action: 'milestone.status_changed',
      entityType: 'milestone',
      entityId: milestone.id,
      departmentId: contract.departmentId,
      data: { from: milestone.status, to: met, comment: `payment ${row.id}` },
    });
  }
  return row;
}

export const draftContract = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => draftContractInTx(tx, actor, input));
export const transitionContract = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => transitionContractInTx(tx, actor, input));
export const setMilestoneStatus = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => setMilestoneStatusInTx(tx, actor, input));
export const recordPayment = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => recordPaymentInTx(tx, actor, input));
