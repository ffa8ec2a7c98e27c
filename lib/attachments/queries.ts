import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
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

const fileFields = { id: attachments.id, fileName: attachments.fileName, mediaType: attachments.mediaType, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256 };

/**
 * Who may read a contractor's qualification documents: staff who may read the register (admins,
 * officers, approvers, auditors) and the contractor's own users. Not the public: licences and
 * certificates carry personal data of the legal representative.
 */
function mayReadContractorDocuments(actor: Actor, contractorId: number | null): boolean {
  if (can(actor, 'contractor.read')) return true;
  return actor.role === 'contractor' && contractorId !== null && actor.contractorId === contractorId;
}

/** One attachment for download, or undefined when it does not exist or is outside the actor's scope. */
export function findAttachmentForDownload(db: Db, actor: Actor, attachmentId: number) {
  const owner = db.select({ ownerType: attachments.ownerType, contractorId: attachments.contractorId }).from(attachments).where(eq(attachments.id, attachmentId)).get();
  if (!owner) return undefined;
  if (owner.ownerType === 'contractor') {
    if (!mayReadContractorDocuments(actor, owner.contractorId)) return undefined;
    return db.select(fileFields).from(attachments).where(eq(attachments.id, attachmentId)).get();
  }
  if (!can(actor, 'deliverable.read')) return undefined;
  return db
    .select(fileFields)
    .from(attachments)
    .innerJoin(deliverables, eq(deliverables.id, attachments.deliverableId))
    .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
    .where(and(eq(attachments.id, attachmentId), eq(attachments.ownerType, 'deliverable'), deliverableScope(actor)))
    .get();
}

/** A contractor's qualification documents, newest first (the caller has checked the contractor's scope). */
export function listContractorDocuments(db: Db, contractorId: number) {
  return db
    .select({ id: attachments.id, fileName: attachments.fileName, mediaType: attachments.mediaType, sizeBytes: attachments.sizeBytes, createdAt: attachments.createdAt })
    .from(attachments)
    .where(and(eq(attachments.ownerType, 'contractor'), eq(attachments.contractorId, contractorId)))
    .orderBy(desc(attachments.id))
    .all();
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
