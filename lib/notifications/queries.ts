import { and, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { auditEvents, contracts, deliverables, matters, milestones, notificationReads } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { contractScope, deliverableScope } from '../auth/scope';
import { parseStoredAuditEvent } from '../audit/events';
import { runningContractStatuses } from '../domain/predicates';
import { todayInShanghai } from '../shared/time';

/**
 * What concerns a person, newest first, built from the audit trail (and, for milestones coming due, from
 * the milestones themselves), never stored: only whether it was read is (notification_reads).
 *
 *   submitted_for_approval   approvers: a contract of their department submitted, drafted by someone else
 *   returned                 the drafter: the approver sent their contract back (with the comment)
 *   approved                 the drafter, and the contractor's users: the contract was approved
 *   deliverable_returned     the contractor's users: their work was returned (with the comment)
 *   deliverable_accepted     the contractor's users: their work was accepted
 *   milestone_due            the department's officers and approvers, and the contractor's users: a
 *                            milestone of a running contract falls due within 7 days
 *
 * Every kind is also held to the viewer's scope (lib/auth/scope.ts): nobody is told about a record they may
 * not see. Admins, auditors and evaluators get none of these.
 */
export const notificationKinds = ['submitted_for_approval', 'returned', 'approved', 'deliverable_returned', 'deliverable_accepted', 'milestone_due'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type Notification = {
  /** `event:<seq>` or `milestone:<id>:<due date>`: what notification_reads stores. */
  key: string;
  kind: NotificationKind;
  /** When it arose (UTC ISO 8601): the event's time, or the start (Beijing) of the 7 days before the due date. */
  at: string;
  contractId: number;
  reference: string;
  matterTitleZh: string;
  matterTitleEn: string;
  /** The deliverable's or the milestone's title. */
  title: string | null;
  dueDate: string | null;
  /** The approver's or reviewer's comment. */
  comment: string | null;
  actorName: string | null;
  read: boolean;
};

/** How far back the trail is read, and how many notifications a list holds. */
export const NOTIFICATION_DAYS = 90;
export const NOTIFICATION_LIMIT = 50;
const DUE_WITHIN_DAYS = 7;

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** Midnight in Beijing of a calendar day, as a UTC instant. */
const beijingMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();

const contractEventKinds = { 'contract.submitted': 'submitted_for_approval', 'contract.returned': 'returned', 'contract.approved': 'approved' } as const;
const deliverableEventKinds = { 'deliverable.returned': 'deliverable_returned', 'deliverable.accepted': 'deliverable_accepted' } as const;

type Row = { seq: number; occurredAt: string; action: string; data: string; actorName: string; contractId: number; reference: string; matterTitleZh: string; matterTitleEn: string; title?: string | null };

/**
 * Events are found from the records in the viewer's scope (a department's or a contractor's contracts, a
 * contractor's deliverables) through the entity index; the action and the time are kept off their indexes
 * (unary plus), which would walk every event of these actions across the registry (400 ms at province scale).
 */
const eventOf = (type: string, id: SQL | typeof contracts.id | typeof deliverables.id) =>
  and(eq(auditEvents.entityType, type), eq(auditEvents.entityId, sql`cast(${id} as text)`));
const actionIn = (actions: string[]) => sql`+${auditEvents.action} in (${sql.join(actions.map((a) => sql`${a}`), sql`, `)})`;
const occurredSince = (since: string) => sql`+${auditEvents.occurredAt} >= ${since}`;

const isStaffOfDepartment = (actor: Actor) => actor.role === 'officer' || actor.role === 'approver';

/** Who is told about which contract event: a condition on the joined contract, or null for nobody. */
function contractEventAudience(actor: Actor, me: number): SQL | null {
  const conditions: (SQL | undefined)[] = [];
  if (actor.role === 'approver') {
    conditions.push(and(eq(auditEvents.action, 'contract.submitted'), ne(contracts.draftedBy, me)));
  }
  if (isStaffOfDepartment(actor)) {
    conditions.push(and(inArray(auditEvents.action, ['contract.returned', 'contract.approved']), eq(contracts.draftedBy, me)));
  }
  if (actor.role === 'contractor' && actor.contractorId !== null) {
    conditions.push(and(eq(auditEvents.action, 'contract.approved'), eq(contracts.contractorId, actor.contractorId)));
  }
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? conditions[0]! : sql`(${sql.join(conditions.map((c) => sql`(${c})`), sql` or `)})`;
}

function readKeys(db: Db | Tx, userId: number, keys: string[]): Set<string> {
  if (keys.length === 0) return new Set();
  const rows = db
    .select({ key: notificationReads.notificationKey })
    .from(notificationReads)
    .where(and(eq(notificationReads.userId, userId), inArray(notificationReads.notificationKey, keys)))
    .all();
  return new Set(rows.map((r) => r.key));
}

/** The viewer's notifications, newest first, each marked read or unread, with the count of unread ones. */
export function listNotifications(db: Db | Tx, actor: Actor, options: { today?: string; limit?: number } = {}): { items: Notification[]; unread: number } {
  const me = actor.id;
  if (me === null || !['officer', 'approver', 'contractor'].includes(actor.role)) return { items: [], unread: 0 };
  const today = options.today ?? todayInShanghai();
  const limit = options.limit ?? NOTIFICATION_LIMIT;
  const since = beijingMidnight(addDays(today, -NOTIFICATION_DAYS));
  const items: Omit<Notification, 'read'>[] = [];

  const eventColumns = {
    seq: auditEvents.seq,
    occurredAt: auditEvents.occurredAt,
    action: auditEvents.action,
    data: auditEvents.data,
    actorName: auditEvents.actorName,
    contractId: contracts.id,
    reference: contracts.reference,
    matterTitleZh: matters.titleZh,
    matterTitleEn: matters.titleEn,
  };

  const audience = contractEventAudience(actor, me);
  if (audience) {
    const rows: Row[] = db
      .select(eventColumns)
      .from(contracts)
      .innerJoin(auditEvents, eventOf('contract', contracts.id))
      .innerJoin(matters, eq(matters.id, contracts.matterId))
      .where(and(actionIn(Object.keys(contractEventKinds)), occurredSince(since), sql`coalesce(${auditEvents.actorId}, -1) <> ${me}`, audience, contractScope(actor)))
      .orderBy(desc(auditEvents.seq))
      .limit(limit)
      .all();
    for (const r of rows) items.push(fromEvent(r, contractEventKinds[r.action as keyof typeof contractEventKinds]));
  }

  if (actor.role === 'contractor' && actor.contractorId !== null) {
    const rows: Row[] = db
      .select({ ...eventColumns, title: deliverables.title })
      .from(deliverables)
      .innerJoin(auditEvents, eventOf('deliverable', deliverables.id))
      .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
      .innerJoin(matters, eq(matters.id, contracts.matterId))
      .where(
        and(
          actionIn(Object.keys(deliverableEventKinds)),
          occurredSince(since),
          eq(deliverables.contractorId, actor.contractorId),
          deliverableScope(actor),
          contractScope(actor),
        ),
      )
      .orderBy(desc(auditEvents.seq))
      .limit(limit)
      .all();
    for (const r of rows) items.push(fromEvent(r, deliverableEventKinds[r.action as keyof typeof deliverableEventKinds]));
  }

  // Milestones of running contracts in scope falling due from today to 7 days ahead.
  const due = db
    .select({ id: milestones.id, title: milestones.title, dueDate: milestones.dueDate, contractId: contracts.id, reference: contracts.reference, matterTitleZh: matters.titleZh, matterTitleEn: matters.titleEn })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .innerJoin(matters, eq(matters.id, contracts.matterId))
    .where(and(contractScope(actor), inArray(contracts.status, runningContractStatuses), eq(milestones.status, 'scheduled'), gte(milestones.dueDate, today), lte(milestones.dueDate, addDays(today, DUE_WITHIN_DAYS))))
    .orderBy(desc(milestones.dueDate))
    .limit(limit)
    .all();
  for (const m of due) {
    items.push({
      key: `milestone:${m.id}:${m.dueDate}`,
      kind: 'milestone_due',
      at: beijingMidnight(addDays(m.dueDate, -DUE_WITHIN_DAYS)),
      contractId: m.contractId,
      reference: m.reference,
      matterTitleZh: m.matterTitleZh,
      matterTitleEn: m.matterTitleEn,
      title: m.title,
      dueDate: m.dueDate,
      comment: null,
      actorName: null,
    });
  }

  const newest = items.sort((a, b) => b.at.localeCompare(a.at) || b.key.localeCompare(a.key)).slice(0, limit);
  const read = readKeys(db, me, newest.map((n) => n.key));
  const list = newest.map((n) => ({ ...n, read: read.has(n.key) }));
  return { items: list, unread: list.filter((n) => !n.read).length };
}

function fromEvent(r: Row, kind: NotificationKind): Omit<Notification, 'read'> {
  const parsed = parseStoredAuditEvent(r.action, r.data);
  const comment = parsed && 'comment' in parsed.data && typeof parsed.data.comment === 'string' ? parsed.data.comment : null;
  return {
    key: `event:${r.seq}`,
    kind,
    at: r.occurredAt,
    contractId: r.contractId,
    reference: r.reference,
    matterTitleZh: r.matterTitleZh,
    matterTitleEn: r.matterTitleEn,
    title: r.title ?? null,
    dueDate: null,
    comment,
    actorName: r.actorName,
    read: false,
  } as Omit<Notification, 'read'>;
}
