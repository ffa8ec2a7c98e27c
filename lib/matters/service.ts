import { and, eq } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { departments, matters } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { diffFields } from '../audit/events';
import { AppError } from '../errors';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { matterInput, matterStatusInput, matterUpdateInput } from './schema';
import { catalogueTransitions, type CatalogueStep } from './rules';
import type { CatalogueStatus } from '../domain/enums';
import { requireStepTo } from '../domain/transitions';

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

function loadMatterInScope(tx: Tx, actor: Actor, matterId: number) {
  const matter = tx.select().from(matters).where(eq(matters.id, matterId)).get();
  if (!matter) throw new AppError('not_found', 'matter not found');
  requirePermission(actor, 'matter.edit', { departmentId: matter.departmentId });
  return matter;
}

export function updateMatterInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'matter.edit');
  const data = validate(matterUpdateInput, input);
  const matter = loadMatterInScope(tx, actor, data.matterId);
  const { matterId, ...next } = data;
  const changes = diffFields(matter, next);
  if (Object.keys(changes).length === 0) return matter;
  tx.update(matters).set({ ...next, updatedAt: nowIso() }).where(eq(matters.id, matterId)).run();
  appendAuditEvent(tx, actor, { action: 'matter.updated', entityType: 'matter', entityId: matterId, departmentId: matter.departmentId, data: { changes } });
  return tx.select().from(matters).where(eq(matters.id, matterId)).get()!;
}

export function changeMatterStatusInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'matter.edit');
  const data = validate(matterStatusInput, input);
  const matter = loadMatterInScope(tx, actor, data.matterId);
  requireStepTo<CatalogueStatus, CatalogueStep>(catalogueTransitions, matter.catalogueStatus, data.to, 'matter', 'matter_status_step');
  const changed = tx
    .update(matters)
    .set({ catalogueStatus: data.to, withdrawalReason: data.to === 'withdrawn' ? data.reason! : matter.withdrawalReason, updatedAt: nowIso() })
    .where(and(eq(matters.id, matter.id), eq(matters.catalogueStatus, matter.catalogueStatus)))
    .run();
  if (changed.changes !== 1) throw new AppError('stale', 'someone else changed this matter first');
  appendAuditEvent(tx, actor, {
    action: 'matter.status_changed',
    entityType: 'matter',
    entityId: matter.id,
    departmentId: matter.departmentId,
    data: { from: matter.catalogueStatus, to: data.to, ...(data.reason ? { reason: data.reason } : {}) },
  });
}

export const updateMatter = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => updateMatterInTx(tx, actor, input));
export const changeMatterStatus = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => changeMatterStatusInTx(tx, actor, input));
