import 'server-only';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { attachments, contracts, deliverables, evaluatorAssignments } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { can } from '../auth/permissions';

/**
 * Who may read a deliverable's files, in the WHERE clause: the contractor's own users, the department's
 * officers and approvers, evaluators assigned to the contract, auditors and admins. Everyone else: nothing.
 */
function deliverableScope(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case 'contractor':
      return eq(deliverables.contractorId, actor.contractorId ?? -1);
    case 'officer':
    case 'approver':
      return eq(contracts.departmentId, actor.departmentId ?? -1);
    case 'evaluator':
      return inArray(contracts.id, sql`(select ${evaluatorAssignments.contractId} from ${evaluatorAssignments} where ${evaluatorAssignments.userId} = ${actor.id ?? -1})`);
    case 'admin':
    case 'auditor':
    case 'system':
      return undefined;
    default:
      return sql`0`;
  }
}

/** One attachment for download, or undefined when it does not exist or is outside the actor's scope. */
export function findAttachmentForDownload(db: Db, actor: Actor, attachmentId: number) {
  if (!can(actor, 'deliverable.read')) return undefined;
  return db
    .select({ id: attachments.id, fileName: attachments.fileName, mediaType: attachments.mediaType, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256 })
    .from(attachments)
    .innerJoin(deliverables, eq(deliverables.id, attachments.deliverableId))
    .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
    .where(and(eq(attachments.id, attachmentId), eq(attachments.ownerType, 'deliverable'), deliverableScope(actor)))
    .get();
}

/** The files of deliverables the caller already may see (the page has checked the contract's scope). */
export function listDeliverableAttachments(db: Db, deliverableIds: number[]) {
  if (deliverableIds.length === 0) return [];
  return db
    .select({ id: attachments.id, deliverableId: attachments.deliverableId, fileName: attachments.fileName, mediaType: attachments.mediaType, sizeBytes: attachments.sizeBytes })
    .from(attachments)
    .where(and(eq(attachments.ownerType, 'deliverable'), inArray(attachments.deliverableId, deliverableIds)))
    .orderBy(asc(attachments.id))
    .all();
}
