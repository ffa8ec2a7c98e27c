import { eq } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { users } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { randomBytes } from 'node:crypto';
import { diffFields } from '../audit/events';
import { hashPassword } from '../auth/password';
import { endAllSessions } from '../auth/sessions';
import { AppError, ruleViolation } from '../errors';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { userIdInput, userInput, userUpdateInput } from './schema';

export function createUserInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'user.manage');
  const data = validate(userInput, input);
  if (tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)).get()) {
    throw new AppError('conflict', `user ${data.email} exists`, { fieldErrors: { email: ['duplicate'] } });
  }
  const now = nowIso();
  const scoped = {
    ...data,
    departmentId: ['officer', 'approver'].includes(data.role) ? data.departmentId : null,
    contractorId: data.role === 'contractor' ? data.contractorId : null,
  };
  const row = tx.insert(users).values({ ...scoped, createdAt: now, updatedAt: now }).returning().get();
  const { passwordHash, ...visible } = scoped;
  appendAuditEvent(tx, actor, {
    action: 'user.created',
    entityType: 'user',
    entityId: row.id,
    departmentId: scoped.departmentId,
    data: { after: { ...visible, hasPassword: passwordHash !== null } },
  });
  return row;
}

export const createUser = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => createUserInTx(tx, actor, input));

type UserRow = typeof users.$inferSelect;

function loadUser(tx: Tx, userId: number): UserRow {
  const user = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppError('not_found', 'user not found');
  return user;
}

function scopeOf(role: UserRow['role'], departmentId: number | null, contractorId: number | null) {
  return {
    departmentId: role === 'officer' || role === 'approver' ? departmentId : null,
    contractorId: role === 'contractor' ? contractorId : null,
  };
}

/** Name, role and scope. A change of role or scope ends the user's sessions at their next request. */
export function updateUserInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'user.manage');
  const data = validate(userUpdateInput, input);
  const user = loadUser(tx, data.userId);
  if (user.id === actor.id && data.role !== user.role) throw ruleViolation('own_role', 'admins do not change their own role');
  const next = { name: data.name, role: data.role, ...scopeOf(data.role, data.departmentId, data.contractorId) };
  const changes = diffFields({ name: user.name, role: user.role, departmentId: user.departmentId, contractorId: user.contractorId }, next);
  if (Object.keys(changes).length === 0) return user;
  const now = new Date();
  const accessChanged = 'role' in changes || 'departmentId' in changes || 'contractorId' in changes;
  tx.update(users)
    .set({ ...next, sessionVersion: accessChanged ? user.sessionVersion + 1 : user.sessionVersion, updatedAt: nowIso(now) })
    .where(eq(users.id, user.id))
    .run();
  if (accessChanged) endAllSessions(tx, user.id, 'role_changed', now);
  appendAuditEvent(tx, actor, { action: 'user.updated', entityType: 'user', entityId: user.id, departmentId: next.departmentId, data: { changes } });
  return loadUser(tx, user.id);
}

export function setUserDisabledInTx(tx: Tx, actor: Actor, input: unknown, disabled: boolean) {
  requirePermission(actor, 'user.manage');
  const { userId } = validate(userIdInput, input);
  const user = loadUser(tx, userId);
  if (user.id === actor.id) throw ruleViolation('own_account', 'admins do not disable themselves');
  if (user.disabled === disabled) return;
  const now = new Date();
  tx.update(users)
    .set({ disabled, sessionVersion: user.sessionVersion + 1, updatedAt: nowIso(now) })
    .where(eq(users.id, userId))
    .run();
  if (disabled) endAllSessions(tx, userId, 'disabled', now);
  appendAuditEvent(tx, actor, { action: disabled ? 'user.disabled' : 'user.enabled', entityType: 'user', entityId: userId, departmentId: user.departmentId, data: {} });
}

/** Sets a temporary password the user must change at next sign-in; their sessions end. */
export function resetPasswordInTx(tx: Tx, actor: Actor, input: unknown, temporaryHash: string) {
  requirePermission(actor, 'user.manage');
  const { userId } = validate(userIdInput, input);
  const user = loadUser(tx, userId);
  const now = new Date();
  tx.update(users)
    .set({ passwordHash: temporaryHash, mustChangePassword: true, sessionVersion: user.sessionVersion + 1, updatedAt: nowIso(now) })
    .where(eq(users.id, userId))
    .run();
  endAllSessions(tx, userId, 'password_reset', now);
  appendAuditEvent(tx, actor, { action: 'user.password_reset', entityType: 'user', entityId: userId, departmentId: user.departmentId, data: {} });
}

export const updateUser = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => updateUserInTx(tx, actor, input));
export const disableUser = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => setUserDisabledInTx(tx, actor, input, true));
export const enableUser = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => setUserDisabledInTx(tx, actor, input, false));

/** Generates a temporary password (shown once to the admin) and applies it. */
export async function resetPassword(db: Db, actor: Actor, input: unknown): Promise<string> {
  requirePermission(actor, 'user.manage');
  const temporary = randomBytes(12).toString('base64url');
  const hash = await hashPassword(temporary);
  writeTransaction(db, (tx) => resetPasswordInTx(tx, actor, input, hash));
  return temporary;
}

/** An admin creates a user with a temporary password, shown once, to be changed at first sign-in. */
export async function createUserWithTemporaryPassword(db: Db, actor: Actor, input: unknown): Promise<{ id: number; temporaryPassword: string }> {
  requirePermission(actor, 'user.manage');
  const temporaryPassword = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(temporaryPassword);
  const fields = typeof input === 'object' && input !== null ? input : {};
  const row = writeTransaction(db, (tx) => {
    const created = createUserInTx(tx, actor, { ...fields, passwordHash });
    tx.update(users).set({ mustChangePassword: true }).where(eq(users.id, created.id)).run();
    return created;
  });
  return { id: row.id, temporaryPassword };
}
