import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { contractors, contracts, deliverables, matters, milestones, payments, sessions, users } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { canChangeVerification } from '../contractors/rules';
import { contractTransitions, nextContractStatus } from '../contracts/rules';
import type { CatalogueStatus, ContractStatus, VerificationStatus } from '../domain/enums';
import { isPublishedContractStatus, runningContractStatuses } from '../domain/predicates';
import { requireStepTo } from '../domain/transitions';
import { catalogueTransitions, type CatalogueStep } from '../matters/rules';
import { AppError, notFound, ruleViolation } from '../errors';

/**
 * Irreversible or public steps, and what each one does, in numbers read from the database. A step is
 * taken only with the token of the consequences the person was shown (`token`): a post without it, or
 * for a record that changed since (status, version or any figure), is refused and shown the new figures.
 */
export const confirmableSteps = {
  contract: ['complete', 'terminate', 'suspend', 'cancel'],
  matter: ['withdraw'],
  contractor: ['suspend', 'debar'],
  user: ['disable'],
} as const;
export type ConfirmSubject = keyof typeof confirmableSteps;
export type ConfirmStep<S extends ConfirmSubject = ConfirmSubject> = (typeof confirmableSteps)[S][number];

export type ConsequenceFacts = {
  /** Contract: milestones still scheduled. */
  plannedMilestones?: number;
  valueFen?: number;
  paidFen?: number;
  /** Contract: value − paid (never below 0). Contractor: the same over its running contracts. */
  unpaidFen?: number;
  /** Deliverables submitted and not yet reviewed. */
  awaitingReview?: number;
  /** Matter, contractor: contracts active or suspended. */
  runningContracts?: number;
  /** Contractor: contracts drafted or waiting for approval (those a cancellation may still stop), which can no longer be approved. */
  pendingContracts?: number;
  /** User: sessions still open, which end at once. */
  openSessions?: number;
};

export type Consequences = {
  subject: ConfirmSubject;
  step: string;
  id: number;
  /** How the record is named on screen: a contract reference, a matter code, a name, an email. */
  label: string;
  status: string;
  facts: ConsequenceFacts;
  /** Whether the public pages will show the result (a published contract, a listed matter, any contractor). */
  isPublic: boolean;
  /** Whether the step takes a reason (the lifecycle rule or the audit trail wants one); it is published when `isPublic`. */
  needsReason: boolean;
  /** Ties a confirmation to exactly these figures and this version of the record. */
  token: string;
};

export const isConfirmStep = (subject: ConfirmSubject, step: string): boolean => (confirmableSteps[subject] as readonly string[]).includes(step);

function tokenOf(c: Omit<Consequences, 'token'>, version: string): string {
  const body = JSON.stringify([c.subject, c.step, c.id, c.status, version, Object.entries(c.facts).sort(([a], [b]) => a.localeCompare(b))]);
  return createHash('sha256').update(body).digest('base64url').slice(0, 22);
}

const count = (n: number | null | undefined) => Number(n ?? 0);

function contractConsequences(tx: Tx | Db, actor: Actor, id: number, step: ConfirmStep<'contract'>): Consequences {
  requirePermission(actor, contractTransitions[step].permission);
  const c = tx.select().from(contracts).where(eq(contracts.id, id)).get();
  if (!c) throw notFound('contract');
  requirePermission(actor, contractTransitions[step].permission, { departmentId: c.departmentId });
  const to = nextContractStatus(c.status as ContractStatus, step);
  if (!to) throw ruleViolation('transition_not_allowed', `cannot ${step} a ${c.status} contract`, { status: c.status, transition: step });
  const paidFen = count(tx.select({ s: sql<number>`coalesce(sum(${payments.amountFen}), 0)` }).from(payments).where(eq(payments.contractId, id)).get()?.s);
  const plannedMilestones = count(tx.select({ n: sql<number>`count(*)` }).from(milestones).where(and(eq(milestones.contractId, id), eq(milestones.status, 'scheduled'))).get()?.n);
  const awaitingReview = count(tx.select({ n: sql<number>`count(*)` }).from(deliverables).where(and(eq(deliverables.contractId, id), eq(deliverables.status, 'submitted'))).get()?.n);
  const base = {
    subject: 'contract' as const,
    step,
    id,
    label: c.reference,
    status: c.status,
    // A cancelled draft was never in force: nothing was paid or delivered, only its plan is dropped.
    facts: step === 'cancel' ? { plannedMilestones } : { plannedMilestones, valueFen: c.valueFen, paidFen, unpaidFen: Math.max(0, c.valueFen - paidFen), awaitingReview },
    isPublic: isPublishedContractStatus(to),
    needsReason: contractTransitions[step].needs === 'reason',
  };
  return { ...base, token: tokenOf(base, c.updatedAt) };
}

function matterConsequences(tx: Tx | Db, actor: Actor, id: number, step: ConfirmStep<'matter'>): Consequences {
  requirePermission(actor, 'matter.edit');
  const m = tx.select().from(matters).where(eq(matters.id, id)).get();
  if (!m) throw notFound('matter');
  requirePermission(actor, 'matter.edit', { departmentId: m.departmentId });
  requireStepTo<CatalogueStatus, CatalogueStep>(catalogueTransitions, m.catalogueStatus as CatalogueStatus, 'withdrawn', 'matter', 'matter_status_step');
  const runningContracts = count(
    tx.select({ n: sql<number>`count(*)` }).from(contracts).where(and(eq(contracts.matterId, id), inArray(contracts.status, [...runningContractStatuses]))).get()?.n,
  );
  const base = { subject: 'matter' as const, step, id, label: m.code, status: m.catalogueStatus, facts: { runningContracts }, isPublic: m.catalogueStatus === 'listed', needsReason: true };
  return { ...base, token: tokenOf(base, m.updatedAt) };
}

function contractorConsequences(tx: Tx | Db, actor: Actor, id: number, step: ConfirmStep<'contractor'>): Consequences {
  requirePermission(actor, 'contractor.verify');
  const k = tx.select().from(contractors).where(eq(contractors.id, id)).get();
  if (!k) throw notFound('contractor');
  const to: VerificationStatus = step === 'debar' ? 'debarred' : 'suspended';
  if (!canChangeVerification(k.verificationStatus as VerificationStatus, to)) throw ruleViolation('verification_transition', `cannot change a ${k.verificationStatus} contractor to ${to}`);
  const running = tx
    .select({ id: contracts.id, valueFen: contracts.valueFen })
    .from(contracts)
    .where(and(eq(contracts.contractorId, id), inArray(contracts.status, [...runningContractStatuses])))
    .all();
  let unpaidFen = 0;
  for (const r of running) {
    const paid = count(tx.select({ s: sql<number>`coalesce(sum(${payments.amountFen}), 0)` }).from(payments).where(eq(payments.contractId, r.id)).get()?.s);
    unpaidFen += Math.max(0, r.valueFen - paid);
  }
  const pendingContracts = count(
    tx.select({ n: sql<number>`count(*)` }).from(contracts).where(and(eq(contracts.contractorId, id), inArray(contracts.status, [...contractTransitions.cancel.from]))).get()?.n,
  );
  const base = { subject: 'contractor' as const, step, id, label: k.nameZh, status: k.verificationStatus, facts: { runningContracts: running.length, unpaidFen, pendingContracts }, isPublic: true, needsReason: true };
  return { ...base, token: tokenOf(base, k.updatedAt) };
}

function userConsequences(tx: Tx | Db, actor: Actor, id: number): Consequences {
  requirePermission(actor, 'user.manage');
  const u = tx.select().from(users).where(eq(users.id, id)).get();
  if (!u) throw notFound('user');
  if (u.id === actor.id) throw ruleViolation('own_account', 'admins do not disable themselves');
  if (u.disabled) throw new AppError('stale', 'the account is already disabled');
  const openSessions = count(tx.select({ n: sql<number>`count(*)` }).from(sessions).where(and(eq(sessions.userId, id), isNull(sessions.endedAt))).get()?.n);
  const base = { subject: 'user' as const, step: 'disable', id, label: u.email, status: 'enabled', facts: { openSessions }, isPublic: false, needsReason: false };
  return { ...base, token: tokenOf(base, u.updatedAt) };
}

/**
 * What `step` would do to the record, for an actor allowed to take it (checked first: out of scope answers
 * not-found, like the step itself); a step not allowed from the record's status is refused here already.
 */
export function consequencesOf(tx: Tx | Db, actor: Actor, subject: ConfirmSubject, step: string, id: number): Consequences {
  if (!isConfirmStep(subject, step)) throw new AppError('validation', `${subject} ${step} needs no confirmation`);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound(subject);
  switch (subject) {
    case 'contract':
      return contractConsequences(tx, actor, id, step as ConfirmStep<'contract'>);
    case 'matter':
      return matterConsequences(tx, actor, id, step as ConfirmStep<'matter'>);
    case 'contractor':
      return contractorConsequences(tx, actor, id, step as ConfirmStep<'contractor'>);
    case 'user':
      return userConsequences(tx, actor, id);
  }
}

/** The consequences for a page to show before the step, or null when the actor may not take it now. */
export function previewConsequences(db: Db, actor: Actor, subject: ConfirmSubject, step: string, id: number): Consequences | null {
  try {
    return consequencesOf(db, actor, subject, step, id);
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}
