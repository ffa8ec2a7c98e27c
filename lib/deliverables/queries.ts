import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { contractors, contracts, deliverables, matters, milestones, users } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { contractScope } from '../auth/scope';
import type { DeliverableStatus } from '../domain/enums';
import { PAGE_SIZE, readCountedPage, type PageRequest } from '../shared/paging';

const submitter = alias(users, 'submitter');
const reviewer = alias(users, 'reviewer');
const successor = alias(deliverables, 'successor');

/** The deliverables of a contract the caller may already see (the page checked the contract's scope), newest first. */
export function listContractDeliverables(db: Db, contractId: number) {
  return db
    .select({
      id: deliverables.id,
      title: deliverables.title,
      status: deliverables.status,
      periodStart: deliverables.periodStart,
      periodEnd: deliverables.periodEnd,
      description: deliverables.description,
      indicators: deliverables.indicators,
      milestoneId: deliverables.milestoneId,
      supersedesId: deliverables.supersedesId,
      supersededById: successor.id,
      submittedAt: deliverables.submittedAt,
      submitterName: submitter.name,
      reviewedAt: deliverables.reviewedAt,
      reviewerName: reviewer.name,
      reviewComment: deliverables.reviewComment,
    })
    .from(deliverables)
    .innerJoin(submitter, eq(submitter.id, deliverables.submittedBy))
    .leftJoin(reviewer, eq(reviewer.id, deliverables.reviewedBy))
    .leftJoin(successor, eq(successor.supersedesId, deliverables.id))
    .where(eq(deliverables.contractId, contractId))
    .orderBy(desc(deliverables.submittedAt), desc(deliverables.id))
    .all()
    .map((d) => ({ ...d, indicators: parseIndicators(d.indicators) }));
}
export type ContractDeliverable = ReturnType<typeof listContractDeliverables>[number];

function parseIndicators(json: string): Record<string, number> {
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number'));
    }
  } catch {
    // fall through: an unreadable value shows as no indicators
  }
  return {};
}

const attentionColumns = {
  id: deliverables.id,
  title: deliverables.title,
  periodStart: deliverables.periodStart,
  periodEnd: deliverables.periodEnd,
  submittedAt: deliverables.submittedAt,
  reviewedAt: deliverables.reviewedAt,
  reviewComment: deliverables.reviewComment,
  contractId: contracts.id,
  reference: contracts.reference,
  contractorNameZh: contractors.nameZh,
  contractorNameEn: contractors.nameEn,
  matterTitleZh: matters.titleZh,
  matterTitleEn: matters.titleEn,
};

/** The officer's queue: deliverables of the department's contracts waiting for review, oldest first, and how many wait in all. */
export function listDeliverablesAwaitingReview(db: Db, actor: Actor, { page = 1, size = PAGE_SIZE }: PageRequest = {}) {
  requirePermission(actor, 'deliverable.review');
  const where = and(scopedStatus(actor, 'submitted'), contractScope(actor));
  return readCountedPage(
    page,
    (limit, offset) =>
      db
        .select(attentionColumns)
        .from(deliverables)
        .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
        .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
        .innerJoin(matters, eq(matters.id, contracts.matterId))
        .where(where)
        .orderBy(asc(deliverables.submittedAt), asc(deliverables.id))
        .limit(limit)
        .offset(offset)
        .all(),
    () => db.select({ n: count() }).from(deliverables).innerJoin(contracts, eq(contracts.id, deliverables.contractId)).where(where).get()?.n ?? 0,
    size,
  );
}

/**
 * `deliverables.status = ?`, with a unary plus when the actor's scope narrows the contracts: the planner
 * then starts from the department's (or contractor's) contracts and their deliverables, a few dozen rows,
 * instead of walking every submitted deliverable in the country and dropping the ones out of scope.
 */
function scopedStatus(actor: Actor, status: DeliverableStatus): SQL {
  return contractScope(actor) === undefined ? eq(deliverables.status, status) : sql`+${deliverables.status} = ${status}`;
}

/** The contractor's returned work that has not been resubmitted yet, most recently returned first. */
export function listReturnedWork(db: Db, actor: Actor) {
  requirePermission(actor, 'deliverable.submit');
  return db
    .select(attentionColumns)
    .from(deliverables)
    .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
    .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
    .innerJoin(matters, eq(matters.id, contracts.matterId))
    .leftJoin(successor, eq(successor.supersedesId, deliverables.id))
    .where(and(eq(deliverables.status, 'returned'), isNull(successor.id), eq(deliverables.contractorId, actor.contractorId ?? -1), contractScope(actor)))
    .orderBy(desc(deliverables.reviewedAt))
    .all();
}

/** Scheduled milestones of the contractor's active contracts due by `until` (overdue ones included), soonest first. */
export function listUpcomingMilestones(db: Db, actor: Actor, until: string) {
  requirePermission(actor, 'contract.read');
  return db
    .select({
      id: milestones.id,
      title: milestones.title,
      type: milestones.type,
      dueDate: milestones.dueDate,
      contractId: contracts.id,
      reference: contracts.reference,
      matterTitleZh: matters.titleZh,
      matterTitleEn: matters.titleEn,
    })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .innerJoin(matters, eq(matters.id, contracts.matterId))
    .where(and(eq(milestones.status, 'scheduled'), eq(contracts.status, 'active'), lte(milestones.dueDate, until), contractScope(actor)))
    .orderBy(asc(milestones.dueDate), asc(milestones.id))
    .limit(50)
    .all();
}

/**
 * Milestones whose work is done: at least one accepted deliverable and none waiting for review. The
 * officer may then mark them met, partially met or not met.
 */
export function milestonesReadyToMark(db: Db, contractId: number): Set<number> {
  const rows = db
    .select({ milestoneId: deliverables.milestoneId, accepted: sql<number>`sum(${deliverables.status} = 'accepted')`, waiting: sql<number>`sum(${deliverables.status} = 'submitted')` })
    .from(deliverables)
    .where(and(eq(deliverables.contractId, contractId), inArray(deliverables.status, ['accepted', 'submitted'])))
    .groupBy(deliverables.milestoneId)
    .all();
  return new Set(rows.filter((r) => r.milestoneId !== null && r.accepted > 0 && r.waiting === 0).map((r) => r.milestoneId!));
}
