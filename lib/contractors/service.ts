import { and, eq } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { contractors } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import type { VerificationStatus } from '../domain/enums';
import { requireStepTo } from '../domain/transitions';
import { AppError, notFound } from '../errors';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { contractorInput, contractorUpdateInput, verificationChangeInput } from './schema';
import { diffFields } from '../audit/events';
import { verificationTransitions, type VerificationStep } from './rules';

/** The verification lifecycle is the table in ./rules; the staff page asks it which changes to offer. */
export { canChangeVerification } from './rules';

export function createContractorInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'contractor.edit');
  const data = validate(contractorInput, input);
  if (tx.select({ id: contractors.id }).from(contractors).where(eq(contractors.creditCode, data.creditCode)).get()) {
    throw new AppError('conflict', `credit code ${data.creditCode} is registered already`, { fieldErrors: { creditCode: ['duplicate'] } });
  }
  const now = nowIso();
  const needsReason = data.verificationStatus === 'suspended' || data.verificationStatus === 'debarred';
  const values = {
    ...data,
    contactPhone: data.contactPhone ?? null,
    contactEmail: data.contactEmail ?? null,
    statusReason: needsReason ? (data.statusReason ?? null) : null,
    statusChangedAt: data.verificationStatus === 'pending' ? null : now,
  };
  const row = tx.insert(contractors).values({ ...values, createdAt: now, updatedAt: now }).returning().get();
  // Contact details are personal data: the trail records that they were given, not what they are.
  const { contactPhone, contactEmail, ...publicValues } = values;
  appendAuditEvent(tx, actor, {
    action: 'contractor.created',
    entityType: 'contractor',
    entityId: row.id,
    data: { after: { ...publicValues, contactPhone: contactPhone ? '(given)' : null, contactEmail: contactEmail ? '(given)' : null } },
  });
  return row;
}

export function changeContractorVerificationInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'contractor.verify');
  const data = validate(verificationChangeInput, input);
  const current = tx.select().from(contractors).where(eq(contractors.id, data.contractorId)).get();
  if (!current) throw notFound('contractor');
  requireStepTo<VerificationStatus, VerificationStep>(verificationTransitions, current.verificationStatus, data.to, 'contractor verification', 'verification_transition');
  const needsReason = data.to === 'suspended' || data.to === 'debarred';
  if (needsReason && !data.reason) throw new AppError('validation', 'reason required', { fieldErrors: { reason: ['required'] } });
  const now = nowIso();
  const changed = tx
    .update(contractors)
    .set({ verificationStatus: data.to, statusReason: needsReason ? data.reason! : null, statusChangedAt: now, updatedAt: now })
    .where(and(eq(contractors.id, current.id), eq(contractors.verificationStatus, current.verificationStatus)))
    .run();
  if (changed.changes !== 1) throw new AppError('stale', 'the contractor was changed by someone else first');
  appendAuditEvent(tx, actor, {
    action: 'contractor.verification_changed',
    entityType: 'contractor',
    entityId: current.id,
    data: { from: current.verificationStatus, to: data.to, ...(data.reason ? { reason: data.reason } : {}) },
  });
}

export const createContractor = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => createContractorInTx(tx, actor, input));
export const changeContractorVerification = (db: Db, actor: Actor, input: unknown) =>
  writeTransaction(db, (tx) => changeContractorVerificationInTx(tx, actor, input));

export function updateContractorInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'contractor.edit');
  const data = validate(contractorUpdateInput, input);
  const current = tx.select().from(contractors).where(eq(contractors.id, data.contractorId)).get();
  if (!current) throw notFound('contractor');
  const { contractorId, ...fields } = data;
  const next = { ...fields, contactPhone: fields.contactPhone ?? null, contactEmail: fields.contactEmail ?? null };
  const { contactPhone, contactEmail, ...fieldChanges } = diffFields(current, next);
  // Contact details are personal: the trail says that they changed, not to what.
  const masked = { before: '(previous)', after: '(changed)' } as const;
  const changes = { ...fieldChanges, ...(contactPhone ? { contactPhone: masked } : {}), ...(contactEmail ? { contactEmail: masked } : {}) };
  if (Object.keys(changes).length === 0) return current;
  tx.update(contractors).set({ ...next, updatedAt: nowIso() }).where(eq(contractors.id, contractorId)).run();
  appendAuditEvent(tx, actor, { action: 'contractor.updated', entityType: 'contractor', entityId: contractorId, data: { changes } });
  return tx.select().from(contractors).where(eq(contractors.id, contractorId)).get()!;
}

export const updateContractor = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => updateContractorInTx(tx, actor, input));
