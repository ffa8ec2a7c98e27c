import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { contractors, departments, sessions, users } from '../../db/schema';
import type { Role } from '../domain/enums';
import { getEnv } from '../env';

/** Limits from SESSION_IDLE_MINUTES and SESSION_MAX_HOURS (lib/env.ts: whole numbers, or the server does not start). */
export const sessionPolicy = {
  get idleMs(): number {
    return getEnv().SESSION_IDLE_MINUTES * 60_000;
  },
  get absoluteMs(): number {
    return getEnv().SESSION_MAX_HOURS * 3_600_000;
  },
  /** last_seen_at is written at most this often, so reading pages does not turn into a write each time. */
  touchEveryMs: 60_000,
};

export type SessionUser = {
  sessionId: string;
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentId: number | null;
  contractorId: number | null;
  /** The organization's name in Chinese (what the audit trail records) and in English (for English pages). */
  orgName: string | null;
  orgNameEn: string | null;
  mustChangePassword: boolean;
};

export type EndReason = 'signed_out' | 'idle' | 'expired' | 'disabled' | 'password_changed' | 'role_changed' | 'password_reset';

export function createSession(tx: Tx, userId: number, sessionVersion: number, method: string, now: Date): string {
  const id = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  tx.insert(sessions).values({ id, userId, sessionVersion, method, createdAt: at, lastSeenAt: at }).run();
  return id;
}

/** The signed-in user behind a session id, or why there is none. Ends idle and expired sessions. */
export function resolveSession(db: Db, sessionId: string, now: Date): SessionUser | { ended: EndReason | 'unknown' } {
  const row = db
    .select({
      session: sessions,
      user: users,
      deptName: departments.nameZh,
      deptNameEn: departments.nameEn,
      contractorName: contractors.nameZh,
      contractorNameEn: contractors.nameEn,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(contractors, eq(contractors.id, users.contractorId))
    .where(eq(sessions.id, sessionId))
    .get();
  if (!row) return { ended: 'unknown' };
  const { session, user } = row;
  if (session.endedAt) return { ended: (session.endReason as EndReason) ?? 'signed_out' };

  let reason: EndReason | null = null;
  if (user.disabled) reason = 'disabled';
  else if (user.sessionVersion !== session.sessionVersion) reason = 'password_changed';
  else if (now.getTime() - new Date(session.createdAt).getTime() > sessionPolicy.absoluteMs) reason = 'expired';
  else if (now.getTime() - new Date(session.lastSeenAt).getTime() > sessionPolicy.idleMs) reason = 'idle';
  if (reason) {
    db.update(sessions).set({ endedAt: now.toISOString(), endReason: reason }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt))).run();
    return { ended: reason };
  }
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > sessionPolicy.touchEveryMs) {
    db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, sessionId)).run();
  }
  return {
    sessionId,
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    departmentId: user.departmentId,
    contractorId: user.contractorId,
    orgName: row.deptName ?? row.contractorName ?? null,
    orgNameEn: row.deptNameEn ?? row.contractorNameEn ?? null,
    mustChangePassword: user.mustChangePassword,
  };
}

export function endSession(tx: Tx | Db, sessionId: string, reason: EndReason, now: Date): boolean {
  const r = tx.update(sessions).set({ endedAt: now.toISOString(), endReason: reason }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt))).run();
  return r.changes === 1;
}

export function endAllSessions(tx: Tx, userId: number, reason: EndReason, now: Date): void {
  tx.update(sessions).set({ endedAt: now.toISOString(), endReason: reason }).where(and(eq(sessions.userId, userId), isNull(sessions.endedAt))).run();
}
