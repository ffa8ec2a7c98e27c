import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents, contracts, matters } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { contractScope } from '../auth/scope';
import { parseStoredAuditEvent } from '../audit/events';

/**
 * The approval loop as the trail tells it: a draft whose latest submission was sent back (contract.returned
 * after the last contract.submitted) is a returned draft, and the approver's comment goes with it until the
 * officer submits it again.
 */
const lastLoopEventSeq = sql`(select max(${auditEvents.seq}) from ${auditEvents} where ${auditEvents.entityType} = 'contract' and ${auditEvents.entityId} = cast(${contracts.id} as text) and ${auditEvents.action} in ('contract.submitted', 'contract.returned'))`;

const commentOf = (action: string, data: string) => {
  const parsed = parseStoredAuditEvent(action, data);
  return parsed?.action === 'contract.returned' ? (parsed.data.comment ?? '') : '';
};

export type ReturnedDraft = { contractId: number; reference: string; matterTitleZh: string; matterTitleEn: string; comment: string; returnedBy: string; returnedAt: string };

function returnedDrafts(db: Db, actor: Actor, where: ReturnType<typeof and>): ReturnedDraft[] {
  requirePermission(actor, 'contract.read');
  return db
    .select({ contractId: contracts.id, reference: contracts.reference, matterTitleZh: matters.titleZh, matterTitleEn: matters.titleEn, action: auditEvents.action, data: auditEvents.data, returnedBy: auditEvents.actorName, returnedAt: auditEvents.occurredAt })
    .from(contracts)
    .innerJoin(matters, eq(matters.id, contracts.matterId))
    .innerJoin(auditEvents, eq(auditEvents.seq, lastLoopEventSeq))
    .where(and(eq(contracts.status, 'draft'), eq(auditEvents.action, 'contract.returned'), contractScope(actor), where))
    .orderBy(asc(auditEvents.seq))
    .all()
    .map(({ action, data, ...r }) => ({ ...r, comment: commentOf(action, data) }));
}

/** The contract's return, when it is a returned draft; undefined otherwise (or out of scope). */
export const findReturn = (db: Db, actor: Actor, contractId: number): ReturnedDraft | undefined => returnedDrafts(db, actor, eq(contracts.id, contractId))[0];

/** The department's returned drafts, oldest return first, for the officer's desk. */
export const listReturnedDrafts = (db: Db, actor: Actor): ReturnedDraft[] => returnedDrafts(db, actor, undefined);
