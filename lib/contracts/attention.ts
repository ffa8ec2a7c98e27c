import 'server-only';
import { and, asc, count, eq, gte, inArray, lt, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { capped } from '../shared/capped';
import type { Db } from '../../db/client';
import { contracts, matters, milestones } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { runningContractStatuses } from '../domain/predicates';
import { todayInShanghai } from '../shared/time';
import { contractScope } from '../auth/scope';

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const columns = { id: contracts.id, reference: contracts.reference, endDate: contracts.endDate, status: contracts.status, matterTitleZh: matters.titleZh, matterTitleEn: matters.titleEn, updatedAt: contracts.updatedAt };

export const ATTENTION_LIMIT = 50;

/** What needs the department's attention now, each list with its full count; "today" is the date in Asia/Shanghai. */
export function contractsNeedingAttention(db: Db, actor: Actor, today = todayInShanghai()) {
  requirePermission(actor, 'contract.read');
  const scope = contractScope(actor);
  const list = (where: SQL | undefined, order: SQL | AnyColumn) =>
    capped(
      db.select(columns).from(contracts).innerJoin(matters, eq(matters.id, contracts.matterId)).where(where).orderBy(asc(order)).limit(ATTENTION_LIMIT).all(),
      ATTENTION_LIMIT,
      () => db.select({ n: count() }).from(contracts).where(where).get()?.n ?? 0,
    );
  // With a scope, start from its contracts (unary plus keeps the planner off the milestone status index,
  // which would walk every overdue milestone in the country).
  const overdue = and(scope, scope === undefined ? eq(milestones.status, 'scheduled') : sql`+${milestones.status} = 'scheduled'`, lt(milestones.dueDate, today), inArray(contracts.status, runningContractStatuses));
  return {
    awaitingApproval: list(and(scope, eq(contracts.status, 'pending_approval')), contracts.updatedAt),
    endingSoon: list(and(scope, eq(contracts.status, 'active'), gte(contracts.endDate, today), lte(contracts.endDate, addDays(today, 30))), contracts.endDate),
    pastEnd: list(and(scope, inArray(contracts.status, runningContractStatuses), lt(contracts.endDate, today)), contracts.endDate),
    overdueMilestones: capped(
      db
        .select({ id: milestones.id, title: milestones.title, dueDate: milestones.dueDate, contractId: contracts.id, reference: contracts.reference })
        .from(milestones)
        .innerJoin(contracts, eq(contracts.id, milestones.contractId))
        .where(overdue)
        .orderBy(asc(milestones.dueDate))
        .limit(ATTENTION_LIMIT)
        .all(),
      ATTENTION_LIMIT,
      () => db.select({ n: count() }).from(milestones).innerJoin(contracts, eq(contracts.id, milestones.contractId)).where(overdue).get()?.n ?? 0,
    ),
  };
}
