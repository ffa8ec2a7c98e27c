import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { attachments, contractors, contracts, deliverables } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import { requireUserId, type Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { notFound, ruleViolation } from '../errors';
import { nowIso } from '../shared/time';

/** The deliverable an upload is for, if the actor may add files to it (its contractor's users, while it awaits review). */
export function findDeliverableForUpload(tx: Tx | Db, actor: Actor, deliverableId: number) {
  requirePermission(actor, 'deliverable.submit');
  const found = tx
    .select({ id: deliverables.id, status: deliverables.status, contractorId: deliverables.contractorId, contractId: deliverables.contractId, departmentId: contracts.departmentId })
    .from(deliverables)
    .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
    .where(eq(deliverables.id, deliverableId))
    .get();
  if (!found) throw notFound('deliverable');
  requirePermission(actor, 'deliverable.submit', { contractorId: found.contractorId });
  if (found.status !== 'submitted') throw ruleViolation('deliverable_reviewed', `the deliverable is ${found.status}`);
  return found;
}

export type StoredFile = { fileName: string; mediaType: string; sizeBytes: number; sha256: string };

/** The attachment row and its `attachment.added` event on the record it belongs to. */
function insertAttachment(tx: Tx, actor: Actor, values: Omit<typeof attachments.$inferInsert, 'id' | 'uploadedBy' | 'createdAt'>, on: { entityType: 'deliverable' | 'contractor'; entityId: number; departmentId: number | null }) {
  const row = tx
    .insert(attachments)
    .values({ ...values, uploadedBy: requireUserId(actor), createdAt: nowIso() })
    .returning({ id: attachments.id })
    .get();
  appendAuditEvent(tx, actor, { action: 'attachment.added', ...on, data: { after: { attachmentId: row.id, ...values } } });
  return row.id;
}

/** Records a stored file against a deliverable, with its audit event; runs inside a write transaction. */
export function addAttachmentInTx(tx: Tx, actor: Actor, deliverableId: number, file: StoredFile) {
  const deliverable = findDeliverableForUpload(tx, actor, deliverableId);
  const attachmentId = insertAttachment(tx, actor, { ownerType: 'deliverable', deliverableId: deliverable.id, ...file }, { entityType: 'deliverable', entityId: deliverable.id, departmentId: deliverable.departmentId });
  return { attachmentId, deliverableId: deliverable.id, contractId: deliverable.contractId };
}

/** The contractor a qualification document is for, if the actor may edit the register. */
export function findContractorForDocument(tx: Tx | Db, actor: Actor, contractorId: number) {
  requirePermission(actor, 'contractor.edit');
  const found = tx.select({ id: contractors.id }).from(contractors).where(eq(contractors.id, contractorId)).get();
  if (!found) throw notFound('contractor');
  return found;
}

/** Records a stored file as one of a contractor's qualification documents, with its audit event. */
export function addContractorDocumentInTx(tx: Tx, actor: Actor, contractorId: number, file: StoredFile) {
  const contractor = findContractorForDocument(tx, actor, contractorId);
  const attachmentId = insertAttachment(tx, actor, { ownerType: 'contractor', contractorId: contractor.id, ...file }, { entityType: 'contractor', entityId: contractor.id, departmentId: null });
  return { attachmentId, contractorId: contractor.id };
}

/** Whether any attachment row still names this content hash (so the stored file must stay). */
export function isHashReferenced(tx: Tx | Db, sha256: string): boolean {
  return tx.select({ id: attachments.id }).from(attachments).where(eq(attachments.sha256, sha256)).limit(1).get() !== undefined;
}

