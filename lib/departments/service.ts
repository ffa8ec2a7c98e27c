import { and, eq, ne } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { departments } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import { diffFields } from '../audit/events';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { AppError, notFound } from '../errors';
import { validate } from '../shared/validate';
import { nowIso } from '../shared/time';
import { departmentInput, departmentUpdateInput } from './schema';

/** A credit code held by another department answers a field error (not the unique index's 500). */
function refuseTakenCreditCode(tx: Tx, creditCode: string | null, exceptId: number | null) {
  if (creditCode === null) return;
  const taken = tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.creditCode, creditCode), exceptId === null ? undefined : ne(departments.id, exceptId)))
    .get();
  if (taken) throw new AppError('conflict', `credit code ${creditCode} is registered already`, { fieldErrors: { creditCode: ['duplicate'] } });
}

export function createDepartmentInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'department.manage');
  const data = validate(departmentInput, input);
  if (tx.select({ id: departments.id }).from(departments).where(eq(departments.code, data.code)).get()) {
    throw new AppError('conflict', `department ${data.code} exists`, { fieldErrors: { code: ['duplicate'] } });
  }
  const values = { ...data, creditCode: data.creditCode ?? null };
  refuseTakenCreditCode(tx, values.creditCode, null);
  const now = nowIso();
  const row = tx.insert(departments).values({ ...values, createdAt: now, updatedAt: now }).returning().get();
  appendAuditEvent(tx, actor, { action: 'department.created', entityType: 'department', entityId: row.id, departmentId: row.id, data: { after: values } });
  return row;
}

export const createDepartment = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => createDepartmentInTx(tx, actor, input));

/**
 * Names, kind and credit code. A credit code, once recorded, can be corrected but not removed: it is how
 * the department is identified outside the registry.
 */
export function updateDepartmentInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'department.manage');
  const data = validate(departmentUpdateInput, input);
  const current = tx.select().from(departments).where(eq(departments.id, data.departmentId)).get();
  if (!current) throw notFound('department');
  if (current.creditCode !== null && data.creditCode === undefined) {
    throw new AppError('validation', 'a recorded credit code cannot be removed', { fieldErrors: { creditCode: ['required'] } });
  }
  const next = { nameZh: data.nameZh, nameEn: data.nameEn, kind: data.kind, creditCode: data.creditCode ?? null };
  const changes = diffFields(current, next);
  if (Object.keys(changes).length === 0) return current;
  if (changes.creditCode) refuseTakenCreditCode(tx, next.creditCode, current.id);
  tx.update(departments).set({ ...next, updatedAt: nowIso() }).where(eq(departments.id, current.id)).run();
  appendAuditEvent(tx, actor, { action: 'department.updated', entityType: 'department', entityId: current.id, departmentId: current.id, data: { changes } });
  return tx.select().from(departments).where(eq(departments.id, current.id)).get()!;
}

export const updateDepartment = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => updateDepartmentInTx(tx, actor, input));
