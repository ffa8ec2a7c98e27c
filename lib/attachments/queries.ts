import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { attachments, contractors, contracts, deliverables } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { can } from '../auth/permissions';
import { contractorScope, deliverableScope } from '../auth/scope';

const fileFields = { id: attachments.id, fileName: attachments.fileName, mediaType: attachments.mediaType, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256 };

/**
 * One attachment for download, or undefined when it does not exist or is outside the actor's scope. A file
 * follows its owner (lib/auth/scope.ts): a deliverable's file whoever sees the deliverable, a qualification
 * document whoever sees the contractor in the register.
 */
export function findAttachmentForDownload(db: Db, actor: Actor, attachmentId: number) {
  const owner = db.select({ ownerType: attachments.ownerType }).from(attachments).where(eq(attachments.id, attachmentId)).get();
  if (!owner) return undefined;
  if (owner.ownerType === 'contractor') {
    return db
      .select(fileFields)
      .from(attachments)
      .innerJoin(contractors, eq(contractors.id, attachments.contractorId))
      .where(and(eq(attachments.id, attachmentId), eq(attachments.ownerType, 'contractor'), contractorScope(actor)))
      .get();
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
