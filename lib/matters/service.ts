import { eq } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { departments, matters } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { AppError } from '../errors';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { matterInput } from './schema';

export function createMatterInTx(tx: Tx, actor: Actor, input: unknown) {
  const data = validate(matterInput, input);
  requirePermission(actor, 'matter.edit', { departmentId: data.departmentId });
  if (!tx.select({ id: departments.id }).from(departments).where(eq(departments.id, data.departmentId)).get()) {
    throw new AppError('validation', 'unknown department', { fieldErrors: { departmentId: ['unknown_department'] } });
  }
  if (tx.select({ id: matters.id }).from(matters).where(eq(matters.code, data.code)).get()) {
    throw new AppError('conflict', `matter ${data.code} exists`, { fieldErrors: { code: ['duplicate'] } });
  }
  const now = nowIso();
  const values = { ...data, withdrawalReason: data.withdrawalReason || null };
  const row = tx.insert(matters).values({ ...values, createdAt: now, updatedAt: now }).returning().get();
  appendAuditEvent(tx, actor, { action: 'matter.created', entityType: 'matter', entityId: row.id, departmentId: row.departmentId, data: { after: values } });
  return row;
}

export const createMatter = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => createMatterInTx(tx, actor, input));
