import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { writeTransaction, type Db } from '../../db/client';
import { users } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import { requireUserId, type Actor } from '../auth/actor';
import { hashPassword, passwordSchema, verifyPassword } from '../auth/password';
import { createSession, endAllSessions } from '../auth/sessions';
import { AppError } from '../errors';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';

const changePasswordInput = z
  .object({ currentPassword: z.string({ error: 'required' }).min(1, 'required').max(1024), newPassword: passwordSchema })
  .refine((p) => p.currentPassword !== p.newPassword, { path: ['newPassword'], message: 'password_unchanged' });

/** A user changes their own password: every other session ends, this one continues under a new id. */
export async function changeOwnPassword(db: Db, actor: Actor, input: unknown): Promise<{ sessionId: string; userId: number }> {
  const userId = requireUserId(actor);
  const data = validate(changePasswordInput, input);
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppError('not_found', 'user not found');
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new AppError('validation', 'current password is wrong', { fieldErrors: { currentPassword: ['password_wrong'] } });
  }
  const passwordHash = await hashPassword(data.newPassword);
  const now = new Date();
  return writeTransaction(db, (tx) => {
    const version = user.sessionVersion + 1;
    const changed = tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: version, updatedAt: nowIso(now) })
      .where(eq(users.id, userId))
      .run();
    if (changed.changes !== 1) throw new AppError('stale', 'user changed meanwhile');
    endAllSessions(tx, userId, 'password_changed', now);
    appendAuditEvent(tx, actor, { action: 'user.password_changed', entityType: 'user', entityId: userId, data: {} });
    return { sessionId: createSession(tx, userId, version, 'password', now), userId };
  });
}
