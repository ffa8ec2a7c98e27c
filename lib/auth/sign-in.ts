import { eq } from 'drizzle-orm';
import { writeTransaction, type Db } from '../../db/client';
import { contractors, departments, users } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import type { RequestMeta } from '../audit/events';
import type { Role } from '../domain/enums';
import { buildActor, publicActorFor, type Actor } from './actor';
import { verifyPassword } from './password';
import { UNKNOWN_ADDRESS } from './request';
import { createSession, endSession, type SessionUser } from './sessions';
import { clearThrottle, lockedUntil, noteRefusal, recordFailure, type ThrottleKey } from './throttle';
import { toWellFormed } from '../shared/text';

export type SignInResult =
  | { ok: true; sessionId: string; userId: number; role: Role; mustChangePassword: boolean }
  | { ok: false; error: 'invalid_credentials' | 'throttled' | 'disabled' | 'unknown_identity' | 'email_not_verified'; retryAfterSeconds?: number };

/** A sign-in attempt: the address it is throttled and recorded under, and the request its audit events record. */
type Attempt = { email: string; address: string; request?: RequestMeta };

/**
 * The typed email as the audit trail and the throttle keep it: anyone can type anything, so at most 254
 * characters (the longest an address can be), well-formed, without control characters.
 */
export function recordedEmail(typed: string): string {
  return [...toWellFormed(typed.trim().toLowerCase()).replace(/[\u0000-\u001f\u007f-\u009f]/g, '')].slice(0, 254).join('');
}

/** Who tries to sign in, before anyone is signed in. */
const anonymous = (attempt: Attempt): Actor => publicActorFor(attempt.request, 'anonymous');

/** The user who just signed in, with their organization's name, acting through the sign-in's request. */
function signedInActor(db: Db, user: typeof users.$inferSelect, attempt: Attempt): Actor {
  const org = user.departmentId
    ? db.select({ name: departments.nameZh }).from(departments).where(eq(departments.id, user.departmentId)).get()?.name
    : user.contractorId
      ? db.select({ name: contractors.nameZh }).from(contractors).where(eq(contractors.id, user.contractorId)).get()?.name
      : null;
  return buildActor({ ...user, orgName: org ?? null }, attempt.request);
}

/** Email and password: throttled per account and per address; every outcome lands in the audit trail. */
export async function signInWithPassword(db: Db, attempt: Attempt & { password: string }, now = new Date()): Promise<SignInResult> {
  const typed = attempt.email.trim().toLowerCase();
  const email = recordedEmail(typed);
  // An unknown address (no trusted proxy: lib/auth/request.ts) is everyone's; throttling it would lock everyone out.
  const keys: ThrottleKey[] = [{ kind: 'account', value: email }, ...(attempt.address === UNKNOWN_ADDRESS ? [] : [{ kind: 'address' as const, value: attempt.address }])];
  const locked = lockedUntil(db, keys, now);
  if (locked) {
    // One refusal per lock window in the trail, not one per attempt (lib/auth/throttle.ts).
    writeTransaction(db, (tx) => {
      if (noteRefusal(tx, keys, now)) {
        appendAuditEvent(tx, anonymous(attempt), { action: 'auth.sign_in_refused', entityType: 'user', entityId: email, data: { email, method: 'password', reason: 'throttled', address: attempt.address } });
      }
    });
    return { ok: false, error: 'throttled', retryAfterSeconds: Math.ceil((locked.getTime() - now.getTime()) / 1000) };
  }

  const user = db.select().from(users).where(eq(users.email, typed)).get();
  const matches = await verifyPassword(user?.passwordHash ?? null, attempt.password);
  if (!user || !matches) {
    writeTransaction(db, (tx) => {
      recordFailure(tx, keys, now);
      appendAuditEvent(tx, anonymous(attempt), {
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? email,
        data: { email, method: 'password', reason: user ? 'wrong_password' : 'unknown_account', address: attempt.address },
      });
    });
    return { ok: false, error: 'invalid_credentials' };
  }
  if (user.disabled) {
    writeTransaction(db, (tx) =>
      appendAuditEvent(tx, anonymous(attempt), { action: 'auth.sign_in_refused', entityType: 'user', entityId: user.id, data: { email, method: 'password', reason: 'disabled', address: attempt.address } }),
    );
    return { ok: false, error: 'disabled' };
  }
  const sessionId = writeTransaction(db, (tx) => {
    clearThrottle(tx, keys[0]!);
    const id = createSession(tx, user.id, user.sessionVersion, 'password', now);
    appendAuditEvent(tx, signedInActor(db, user, attempt), { action: 'auth.signed_in', entityType: 'user', entityId: user.id, data: { email, method: 'password', address: attempt.address } });
    return id;
  });
  return { ok: true, sessionId, userId: user.id, role: user.role, mustChangePassword: user.mustChangePassword };
}

/**
 * Single sign-on: the identity provider vouches for the email; it must be verified and belong to an
 * existing, enabled user. Nobody gets an account by signing in.
 */
export function signInWithVerifiedEmail(db: Db, attempt: Attempt & { emailVerified: boolean; subject: string }, now = new Date()): SignInResult {
  const typed = attempt.email.trim().toLowerCase();
  const email = recordedEmail(typed);
  const refuse = (reason: 'unknown_identity' | 'email_not_verified' | 'disabled', entityId: string | number): SignInResult => {
    writeTransaction(db, (tx) =>
      appendAuditEvent(tx, anonymous(attempt), { action: 'auth.sign_in_refused', entityType: 'user', entityId, data: { email, method: 'oidc', reason, address: attempt.address } }),
    );
    return { ok: false, error: reason };
  };
  if (!attempt.emailVerified) return refuse('email_not_verified', email);
  const user = db.select().from(users).where(eq(users.email, typed)).get();
  if (!user) return refuse('unknown_identity', email);
  if (user.disabled) return refuse('disabled', user.id);
  const sessionId = writeTransaction(db, (tx) => {
    if (user.externalSubject !== attempt.subject) tx.update(users).set({ externalSubject: attempt.subject }).where(eq(users.id, user.id)).run();
    const id = createSession(tx, user.id, user.sessionVersion, 'oidc', now);
    appendAuditEvent(tx, signedInActor(db, user, attempt), { action: 'auth.signed_in', entityType: 'user', entityId: user.id, data: { email, method: 'oidc', address: attempt.address } });
    return id;
  });
  return { ok: true, sessionId, userId: user.id, role: user.role, mustChangePassword: false };
}

export function signOut(db: Db, user: SessionUser, now = new Date(), request?: RequestMeta): void {
  writeTransaction(db, (tx) => {
    if (endSession(tx, user.sessionId, 'signed_out', now)) {
      appendAuditEvent(tx, buildActor(user, request), { action: 'auth.signed_out', entityType: 'user', entityId: user.id, data: { reason: 'signed_out' } });
    }
  });
}
