import 'server-only';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { amendments, auditEvents, contractors, contracts, deliverables, departments, evaluations, matters, milestones, payments, users } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { contractScope, matterScope } from '../auth/scope';
import { contractWarnings } from './service';
import { historyColumns } from '../audit/queries';

const drafter = alias(users, 'drafter');
const approver = alias(users, 'approver');

/** One contract as staff in scope see it; out of scope it does not exist (undefined). */
export function findContractForStaff(db: Db, actor: Actor, contractId: number) {
  requirePermission(actor, 'contract.read');
  const contract = db
    .select({
      id: contracts.id,
      reference: contracts.reference,
      status: contracts.status,
      statusReason: contracts.statusReason,
      valueFen: contracts.valueFen,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      terms: contracts.terms,
      justification: contracts.justification,
      noSubcontractDeclared: contracts.noSubcontractDeclared,
      renewalOfId: contracts.renewalOfId,
      departmentId: contracts.departmentId,
      draftedBy: contracts.draftedBy,
      approvedAt: contracts.approvedAt,
      matterId: matters.id,
      matterCode: matters.code,
      matterTitleZh: matters.titleZh,
      matterTitleEn: matters.titleEn,
      matterBudgetFen: matters.annualBudgetFen,
      contractorId: contractors.id,
      contractorNameZh: contractors.nameZh,
      contractorNameEn: contractors.nameEn,
      contractorStatus: contractors.verificationStatus,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
      drafterName: drafter.name,
      approverName: approver.name,
    })
    .from(contracts)
    .innerJoin(matters, eq(matters.id, contracts.matterId))
    .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
    .innerJoin(departments, eq(departments.id, contracts.departmentId))
    .innerJoin(drafter, eq(drafter.id, contracts.draftedBy))
    .leftJoin(approver, eq(approver.id, contracts.approvedBy))
    .where(and(eq(contracts.id, contractId), contractScope(actor)))
    .get();
  if (!contract) return undefined;

  const warnings = ['draft', 'pending_approval', 'active'].includes(contract.status) ? contractWarnings(db, { id: contract.id, matterId: contract.matterId, valueFen: contract.valueFen, startDate: contract.startDate, endDate: contract.endDate }) : [];
  const previous = contract.renewalOfId ? previousRecord(db, contract.renewalOfId) : null;
  const paidFen = db.select({ total: sql<number>`coalesce(sum(${payments.amountFen}), 0)` }).from(payments).where(eq(payments.contractId, contractId)).get()!.total;
  return {
    contract,
    warnings,
    previous,
    paidFen,
    milestones: db.select().from(milestones).where(eq(milestones.contractId, contractId)).orderBy(asc(milestones.dueDate), asc(milestones.id)).all(),
    payments: db.select().from(payments).where(eq(payments.contractId, contractId)).orderBy(asc(payments.paidOn), asc(payments.id)).all(),
    amendments: db.select().from(amendments).where(eq(amendments.contractId, contractId)).orderBy(desc(amendments.id)).all(),
    deliverables: db
      .select({ id: deliverables.id, title: deliverables.title, status: deliverables.status, periodStart: deliverables.periodStart, periodEnd: deliverables.periodEnd, submittedAt: deliverables.submittedAt, reviewComment: deliverables.reviewComment })
      .from(deliverables)
      .where(eq(deliverables.contractId, contractId))
      .orderBy(desc(deliverables.submittedAt))
      .all(),
    evaluations: db.select().from(evaluations).where(eq(evaluations.contractId, contractId)).orderBy(desc(evaluations.periodEnd)).all(),
  };
}

/** What the contract being renewed delivered and how it was evaluated, for whoever drafts and approves the renewal. */
function previousRecord(db: Db, contractId: number) {
  const c = db.select({ id: contracts.id, reference: contracts.reference, status: contracts.status }).from(contracts).where(eq(contracts.id, contractId)).get();
  if (!c) return null;
  const counts = db
    .select({ total: sql<number>`count(*)`, accepted: sql<number>`coalesce(sum(${deliverables.status} = 'accepted'), 0)`, returned: sql<number>`coalesce(sum(${deliverables.status} = 'returned'), 0)` })
    .from(deliverables)
    .where(eq(deliverables.contractId, contractId))
    .get()!;
  const evals = db.select({ id: evaluations.id, periodStart: evaluations.periodStart, periodEnd: evaluations.periodEnd, evaluatorKind: evaluations.evaluatorKind, overallScore: evaluations.overallScore, grade: evaluations.grade }).from(evaluations).where(eq(evaluations.contractId, contractId)).orderBy(asc(evaluations.periodEnd)).all();
  return { ...c, deliverables: counts, evaluations: evals };
}

export type StaffContract = NonNullable<ReturnType<typeof findContractForStaff>>;

/** The contract's own history and that of everything recorded against it, oldest first. */
export function contractHistory(db: Db, detail: StaffContract) {
  const id = String(detail.contract.id);
  const child = (type: string, ids: number[]) => (ids.length ? and(eq(auditEvents.entityType, type), inArray(auditEvents.entityId, ids.map(String))) : undefined);
  return db
    .select(historyColumns)
    .from(auditEvents)
    .where(
      or(
        and(eq(auditEvents.entityType, 'contract'), eq(auditEvents.entityId, id)),
        child('milestone', detail.milestones.map((m) => m.id)),
        child('payment', detail.payments.map((p) => p.id)),
        child('amendment', detail.amendments.map((a) => a.id)),
        child('deliverable', detail.deliverables.map((d) => d.id)),
        child('evaluation', detail.evaluations.map((e) => e.id)),
      ),
    )
    .orderBy(asc(auditEvents.seq))
    .all();
}

/** Verified contractors a new contract can go to, by name or credit code. */
export function findEligibleContractors(db: Db, actor: Actor, query: string) {
  requirePermission(actor, 'contract.draft');
  const q = `%${query.trim()}%`;
  return db
    .select({ id: contractors.id, nameZh: contractors.nameZh, nameEn: contractors.nameEn, creditCode: contractors.creditCode, kind: contractors.kind })
    .from(contractors)
    .where(and(eq(contractors.verificationStatus, 'verified'), query.trim() ? or(sql`${contractors.nameZh} like ${q}`, sql`${contractors.nameEn} like ${q}`, sql`${contractors.creditCode} like ${q}`) : undefined))
    .orderBy(asc(contractors.nameZh))
    .limit(2000)
    .all();
}

/** A matter the actor may contract for (their department's, listed). */
export function findMatterForDrafting(db: Db, actor: Actor, matterId: number) {
  requirePermission(actor, 'contract.draft');
  return db
    .select({ id: matters.id, code: matters.code, titleZh: matters.titleZh, titleEn: matters.titleEn, budgetFen: matters.annualBudgetFen, departmentId: matters.departmentId })
    .from(matters)
    .where(and(eq(matters.id, matterId), eq(matters.catalogueStatus, 'listed'), matterScope(actor)))
    .get();
}

/** The department's listed matters, to start a contract from. */
export function listDraftableMatters(db: Db, actor: Actor) {
  requirePermission(actor, 'contract.draft');
  return db
    .select({ id: matters.id, code: matters.code, titleZh: matters.titleZh, titleEn: matters.titleEn })
    .from(matters)
    .where(and(eq(matters.catalogueStatus, 'listed'), matterScope(actor)))
    .orderBy(asc(matters.code))
    .all();
}
