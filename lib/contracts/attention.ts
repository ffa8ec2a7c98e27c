import 'server-only';
import { and, asc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contracts, matters, milestones } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { todayInShanghai } from '../shared/time';
import { contractScope } from './queries';

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const columns = { id: contracts.id, reference: contracts.reference, endDate: contracts.endDate, status: contracts.status, matterTitleZh: matters.titleZh, matterTitleEn: matters.titleEn, updatedAt: contracts.updatedAt };

/** What needs the department's attention now; "today" is the date in Asia/Shanghai. */
export function contractsNeedingAttention(db: Db, actor: Actor, today = todayInShanghai()) {
  requirePermission(actor, 'contract.read');
  const scope = contractScope(actor);
  const base = () => db.select(columns).from(contracts).innerJoin(matters, eq(matters.id, contracts.matterId));
  return {
    awaitingApproval: base().where(and(scope, eq(contracts.status, 'pending_approval'))).orderBy(asc(contracts.updatedAt)).limit(50).all(),
    endingSoon: base().where(and(scope, eq(contracts.status, 'active'), gte(contracts.endDate, today), lte(contracts.endDate, addDays(today, 30)))).orderBy(asc(contracts.endDate)).limit(50).all(),
    pastEnd: base().where(and(scope, inArray(contracts.status, ['active', 'suspended']), lt(contracts.endDate, today))).orderBy(asc(contracts.endDate)).limit(50).all(),
    overdueMilestones: db
      .select({ id: milestones.id, title: milestones.title, dueDate: milestones.dueDate, contractId: contracts.id, reference: contracts.reference })
      .from(milestones)
      .innerJoin(contracts, eq(contracts.id, milestones.contractId))
      // With a scope, start from its contracts (unary plus keeps the planner off the milestone status index,
      // which would walk every overdue milestone in the country).
      .where(and(scope, scope === undefined ? eq(milestones.status, 'scheduled') : sql`+${milestones.status} = 'scheduled'`, lt(milestones.dueDate, today), inArray(contracts.status, ['active', 'suspended'])))
      .orderBy(asc(milestones.dueDate))
      .limit(50)
      .all(),
  };
}
