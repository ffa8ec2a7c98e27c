import { eq } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { users } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { AppError } from '../errors';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { userInput } from './schema';

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
