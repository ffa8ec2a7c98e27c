import { writeTransaction, type Db, type Tx } from '../../db/client';
import { departments } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { AppError } from '../errors';
import { validate } from '../shared/validate';
import { nowIso } from '../shared/time';
import { departmentInput } from './schema';
import { eq } from 'drizzle-orm';

export function createDepartmentInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'department.manage');
  const data = validate(departmentInput, input);
  if (tx.select({ id: departments.id }).from(departments).where(eq(departments.code, data.code)).get()) {
    throw new AppError('conflict', `department ${data.code} exists`, { fieldErrors: { code: ['duplicate'] } });
  }
  const now = nowIso();
  const row = tx.insert(departments).values({ ...data, createdAt: now, updatedAt: now }).returning().get();
  appendAuditEvent(tx, actor, { action: 'department.created', entityType: 'department', entityId: row.id, departmentId: row.id, data: { after: data } });
  return row;
}

export const createDepartment = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => createDepartmentInTx(tx, actor, input));
