import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { signInThrottle } from '../../db/schema';

/**
 * Failed sign-ins per account and per address within a window lock further attempts for a while.
 * An attempt refused because of a lock is not counted again, so guessing one locked account from an
 * address does not lock that address for everyone else.
 */
export const throttlePolicy = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { maxFailures: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

export type ThrottleKey = { kind: keyof typeof throttlePolicy; value: string };

const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;

/** The time until which any of the keys is locked, or null. */
export function lockedUntil(db: Db | Tx, keys: ThrottleKey[], now: Date): Date | null {
  let until: Date | null = null;
  for (const k of keys) {
    const row = db.select().from(signInThrottle).where(eq(signInThrottle.key, keyOf(k))).get();
    if (row?.lockedUntil && new Date(row.lockedUntil) > now && (!until || new Date(row.lockedUntil) > until)) until = new Date(row.lockedUntil);
  }
  return until;
}

export function recordFailure(tx: Tx, keys: ThrottleKey[], now: Date): void {
  for (const k of keys) {
    const policy = throttlePolicy[k.kind];
    const key = keyOf(k);
    const row = tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
    const fresh = !row || now.getTime() - new Date(row.windowStartedAt).getTime() > policy.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const values = {
      failures,
      windowStartedAt: fresh ? now.toISOString() : row.windowStartedAt,
      lockedUntil: failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs).toISOString() : null,
    };
    tx.insert(signInThrottle).values({ key, ...values }).onConflictDoUpdate({ target: signInThrottle.key, set: values }).run();
  }
}

/** The row that says a lock's refusal is in the audit trail: its `lockedUntil` is the lock's. */
const notedKeyOf = (k: ThrottleKey) => `noted:${keyOf(k)}`;

/**
 * For an attempt refused by a lock: notes each locked key's lock as recorded, and says whether one of them
 * was not yet, so that the audit trail gets one refusal per lock window per account or address, not one
 * per attempt.
 */
export function noteRefusal(tx: Tx, keys: ThrottleKey[], now: Date): boolean {
  let isNew = false;
  for (const k of keys) {
    const lock = tx.select({ lockedUntil: signInThrottle.lockedUntil }).from(signInThrottle).where(eq(signInThrottle.key, keyOf(k))).get()?.lockedUntil;
    if (!lock || new Date(lock) <= now) continue;
    const key = notedKeyOf(k);
    if (tx.select({ lockedUntil: signInThrottle.lockedUntil }).from(signInThrottle).where(eq(signInThrottle.key, key)).get()?.lockedUntil === lock) continue;
    isNew = true;
    const values = { failures: 0, windowStartedAt: now.toISOString(), lockedUntil: lock };
    tx.insert(signInThrottle).values({ key, ...values }).onConflictDoUpdate({ target: signInThrottle.key, set: values }).run();
  }
  return isNew;
}

export function clearThrottle(tx: Tx, key: ThrottleKey): void {
  tx.delete(signInThrottle).where(eq(signInThrottle.key, keyOf(key))).run();
  tx.delete(signInThrottle).where(eq(signInThrottle.key, notedKeyOf(key))).run();
}
