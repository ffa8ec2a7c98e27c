import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { buildFixture, FIXTURE_PASSWORD } from '../testing/fixture';
import { changeOwnPassword } from '../users/account';
import { disableUser, resetPassword, updateUser, enableUser } from '../users/service';
import { resolveSession, sessionPolicy } from './sessions';
import { signInWithPassword, signInWithVerifiedEmail, signOut } from './sign-in';
import { throttlePolicy } from './throttle';
import { UNKNOWN_ADDRESS } from './request';

async function signedIn(f: ReturnType<typeof buildFixture>, email: string, address = '10.0.0.1') {
  const r = await signInWithPassword(f.db, { email, password: FIXTURE_PASSWORD, address });
  if (!r.ok) throw new Error(`sign-in failed: ${r.error}`);
  return r.sessionId;
}

const user = (r: ReturnType<typeof resolveSession>) => ('ended' in r ? null : r);
const actionsOf = (f: ReturnType<typeof buildFixture>) => f.db.$client.prepare(`select action from audit_events order by seq`).pluck().all() as string[];

describe('password sign-in', () => {
  it('signs in with the right password and records it', async () => {
    const f = buildFixture();
    const sid = await signedIn(f, 'OFFICER.A@test.example');
    expect(user(resolveSession(f.db, sid, new Date()))).toMatchObject({ email: 'officer.a@test.example', role: 'officer', departmentId: f.deptA.id });
    expect(actionsOf(f).at(-1)).toBe('auth.signed_in');
  });

  it('refuses a wrong password or an unknown account with the same answer, and records both', async () => {
    const f = buildFixture();
    expect(await signInWithPassword(f.db, { email: 'officer.a@test.example', password: 'wrong password', address: 'a' })).toEqual({ ok: false, error: 'invalid_credentials' });
    expect(await signInWithPassword(f.db, { email: 'nobody@test.example', password: 'wrong password', address: 'a' })).toEqual({ ok: false, error: 'invalid_credentials' });
    expect(actionsOf(f).slice(-2)).toEqual(['auth.sign_in_failed', 'auth.sign_in_failed']);
  });

  it('locks an account after repeated failures, even for the right password, while others still sign in from the same address', async () => {
    const f = buildFixture();
    for (let i = 0; i < throttlePolicy.account.maxFailures; i++) {
      await signInWithPassword(f.db, { email: 'officer.a@test.example', password: `guess ${i}`, address: 'attacker' });
    }
    const locked = await signInWithPassword(f.db, { email: 'officer.a@test.example', password: FIXTURE_PASSWORD, address: 'attacker' });
    expect(locked).toMatchObject({ ok: false, error: 'throttled' });
    expect(actionsOf(f).at(-1)).toBe('auth.sign_in_refused');
    // Further guesses against the locked account do not count against the address.
    for (let i = 0; i < 100; i++) await signInWithPassword(f.db, { email: 'officer.a@test.example', password: `guess ${i}`, address: 'attacker' });
    expect((await signInWithPassword(f.db, { email: 'officer.b@test.example', password: FIXTURE_PASSWORD, address: 'attacker' })).ok).toBe(true);
  });

  it('holds against 1,000 guesses for one account, the right password among them, while other users sign in', async () => {
    const f = buildFixture();
    const others = ['officer.b@test.example', 'approver.a@test.example', 'auditor@test.example', 'x@test.example'];
    let accepted = 0;
    let othersIn = 0;
    for (let i = 0; i < 1000; i++) {
      // Guesses from a botnet (a new address each time) and from one office address shared with colleagues.
      const address = i % 2 === 0 ? `203.0.113.${i % 250}-${i}` : 'shared-office';
      const password = i === 500 ? FIXTURE_PASSWORD : `guess ${i}`;
      if ((await signInWithPassword(f.db, { email: 'officer.a@test.example', password, address })).ok) accepted++;
      if (i % 50 === 0) {
        const email = others[(i / 50) % others.length]!;
        if ((await signInWithPassword(f.db, { email, password: FIXTURE_PASSWORD, address: i % 100 === 0 ? 'shared-office' : `198.51.100.${i % 250}` })).ok) othersIn++;
      }
    }
    console.log(`throttle: 1000 guesses, ${accepted} accepted, ${othersIn} of 20 other sign-ins succeeded`);
    expect(accepted).toBe(0);
    expect(othersIn).toBe(20);
    const failures = f.db.$client.prepare(`select count(*) from audit_events where action = 'auth.sign_in_failed'`).pluck().get();
    expect(failures).toBe(throttlePolicy.account.maxFailures);
  });

  it('locks an address that guesses across many accounts', async () => {
    const f = buildFixture();
    for (let i = 0; i < throttlePolicy.address.maxFailures; i++) {
      await signInWithPassword(f.db, { email: `nobody${i}@test.example`, password: 'x', address: 'sprayer' });
    }
    expect(await signInWithPassword(f.db, { email: 'officer.b@test.example', password: FIXTURE_PASSWORD, address: 'sprayer' })).toMatchObject({ error: 'throttled' });
    expect((await signInWithPassword(f.db, { email: 'officer.b@test.example', password: FIXTURE_PASSWORD, address: 'elsewhere' })).ok).toBe(true);
  });

  it('does not throttle per address when the address is unknown (no trusted proxy): one sprayer cannot lock everyone out', async () => {
    const f = buildFixture();
    for (let i = 0; i < throttlePolicy.address.maxFailures + 5; i++) {
      await signInWithPassword(f.db, { email: `nobody${i}@test.example`, password: 'x', address: UNKNOWN_ADDRESS });
    }
    expect((await signInWithPassword(f.db, { email: 'officer.b@test.example', password: FIXTURE_PASSWORD, address: UNKNOWN_ADDRESS })).ok).toBe(true);
    expect(f.db.$client.prepare(`select count(*) from sign_in_throttle where key like 'address:%'`).pluck().get()).toBe(0);
  });
});

describe('what anonymous sign-in attempts leave in the audit trail', () => {
  const refusals = (f: ReturnType<typeof buildFixture>) => f.db.$client.prepare(`select count(*) from audit_events where action = 'auth.sign_in_refused'`).pluck().get() as number;

  it('a locked account or address appends one refusal per lock window, not one per attempt', async () => {
    const f = buildFixture();
    const now = new Date('2026-03-01T08:00:00Z');
    for (let i = 0; i < throttlePolicy.account.maxFailures; i++) await signInWithPassword(f.db, { email: 'officer.a@test.example', password: `guess ${i}`, address: `198.51.100.${i}` }, now);
    for (let i = 0; i < 100; i++) {
      expect(await signInWithPassword(f.db, { email: 'officer.a@test.example', password: 'x', address: `203.0.113.${i}` }, now)).toMatchObject({ error: 'throttled' });
    }
    expect(refusals(f)).toBe(1);

    for (let i = 0; i < throttlePolicy.address.maxFailures; i++) await signInWithPassword(f.db, { email: `nobody${i}@test.example`, password: 'x', address: 'sprayer' }, now);
    for (let i = 0; i < 100; i++) {
      expect(await signInWithPassword(f.db, { email: `other${i}@test.example`, password: 'x', address: 'sprayer' }, now)).toMatchObject({ error: 'throttled' });
    }
    expect(refusals(f)).toBe(2);

    // A new lock window may be recorded again.
    const later = new Date(now.getTime() + throttlePolicy.account.lockMs + 60_000);
    for (let i = 0; i < throttlePolicy.account.maxFailures; i++) await signInWithPassword(f.db, { email: 'officer.a@test.example', password: `guess ${i}`, address: `192.0.2.${i}` }, later);
    await signInWithPassword(f.db, { email: 'officer.a@test.example', password: 'x', address: '192.0.2.99' }, later);
    await signInWithPassword(f.db, { email: 'officer.a@test.example', password: 'x', address: '192.0.2.98' }, later);
    expect(refusals(f)).toBe(3);
  });

  it('records at most 254 characters of the typed email, well-formed and without control characters', async () => {
    const f = buildFixture();
    for (const email of [`${'a'.repeat(400)}@test.example`, `${'字'.repeat(300)}\ud800`, `x\u0000y${'z'.repeat(300)}`]) {
      await signInWithPassword(f.db, { email, password: 'x', address: '10.0.0.9' });
    }
    const rows = f.db.$client.prepare(`select entity_id as entityId, json_extract(data, '$.email') as email from audit_events where action = 'auth.sign_in_failed'`).all() as { entityId: string; email: string }[];
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      for (const text of [r.email, r.entityId]) {
        expect([...text].length).toBeLessThanOrEqual(254);
        expect(text.isWellFormed()).toBe(true);
        expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }
    }
  });
});

describe('sessions that end', () => {
  it('sign-out ends the session for good', async () => {
    const f = buildFixture();
    const sid = await signedIn(f, 'officer.a@test.example');
    signOut(f.db, user(resolveSession(f.db, sid, new Date()))!);
    expect(resolveSession(f.db, sid, new Date())).toEqual({ ended: 'signed_out' });
    expect(actionsOf(f).at(-1)).toBe('auth.signed_out');
  });

  it('disabling a user ends their sessions; enabling does not revive them', async () => {
    const f = buildFixture();
    const sid = await signedIn(f, 'officer.a@test.example');
    disableUser(f.db, f.actors.admin, { userId: f.actors.officerA.id });
    expect(resolveSession(f.db, sid, new Date())).toHaveProperty('ended');
    enableUser(f.db, f.actors.admin, { userId: f.actors.officerA.id });
    expect(resolveSession(f.db, sid, new Date())).toHaveProperty('ended');
    expect(await signInWithPassword(f.db, { email: 'officer.a@test.example', password: FIXTURE_PASSWORD, address: 'x' })).toMatchObject({ ok: true });
  });

  it('a disabled user cannot sign in', async () => {
    const f = buildFixture();
    disableUser(f.db, f.actors.admin, { userId: f.actors.officerA.id });
    expect(await signInWithPassword(f.db, { email: 'officer.a@test.example', password: FIXTURE_PASSWORD, address: 'x' })).toEqual({ ok: false, error: 'disabled' });
  });

  it('a changed role ends the sessions', async () => {
    const f = buildFixture();
    const sid = await signedIn(f, 'officer.a@test.example');
    updateUser(f.db, f.actors.admin, { userId: f.actors.officerA.id, name: 'officer.a', role: 'approver', departmentId: f.deptA.id });
    expect(resolveSession(f.db, sid, new Date())).toHaveProperty('ended');
  });

  it('a renamed user keeps their session', async () => {
    const f = buildFixture();
    const sid = await signedIn(f, 'officer.a@test.example');
    updateUser(f.db, f.actors.admin, { userId: f.actors.officerA.id, name: '新名字', role: 'officer', departmentId: f.deptA.id });
    expect(user(resolveSession(f.db, sid, new Date()))?.name).toBe('新名字');
  });

  it('changing one\'s password ends the other sessions and keeps working with the new one', async () => {
    const f = buildFixture();
    const other = await signedIn(f, 'officer.a@test.example');
    const result = await changeOwnPassword(f.db, f.actors.officerA, { currentPassword: FIXTURE_PASSWORD, newPassword: 'a brand new passphrase' });
    expect(resolveSession(f.db, other, new Date())).toHaveProperty('ended');
    expect(user(resolveSession(f.db, result.sessionId, new Date()))?.id).toBe(f.actors.officerA.id);
    expect((await signInWithPassword(f.db, { email: 'officer.a@test.example', password: FIXTURE_PASSWORD, address: 'y' })).ok).toBe(false);
    expect((await signInWithPassword(f.db, { email: 'officer.a@test.example', password: 'a brand new passphrase', address: 'y' })).ok).toBe(true);
  });

  it('a password reset ends the sessions and forces a change at next sign-in', async () => {
    const f = buildFixture();
    const sid = await signedIn(f, 'officer.b@test.example');
    const temporary = await resetPassword(f.db, f.actors.admin, { userId: f.actors.officerB.id });
    expect(resolveSession(f.db, sid, new Date())).toHaveProperty('ended');
    expect(await signInWithPassword(f.db, { email: 'officer.b@test.example', password: temporary, address: 'z' })).toMatchObject({ ok: true, mustChangePassword: true });
    expect(f.db.select().from(users).where(eq(users.id, f.actors.officerB.id!)).get()?.mustChangePassword).toBe(true);
  });

  it('ends a session after the idle time-out and after the absolute time-out', async () => {
    const f = buildFixture();
    const idle = await signedIn(f, 'officer.a@test.example');
    expect(resolveSession(f.db, idle, new Date(Date.now() + sessionPolicy.idleMs + 1000))).toEqual({ ended: 'idle' });
    const busy = await signedIn(f, 'officer.b@test.example');
    let t = Date.now();
    // Active every 10 minutes: never idle, but ended at the absolute limit.
    while (t < Date.now() + sessionPolicy.absoluteMs - 20 * 60_000) {
      t += 10 * 60_000;
      expect(user(resolveSession(f.db, busy, new Date(t)))).not.toBeNull();
    }
    expect(resolveSession(f.db, busy, new Date(Date.now() + sessionPolicy.absoluteMs + 1000))).toEqual({ ended: 'expired' });
  });
});

describe('single sign-on', () => {
  it('matches an existing user by verified email and refuses everyone else', () => {
    const f = buildFixture();
    expect(signInWithVerifiedEmail(f.db, { email: 'Auditor@test.example', emailVerified: true, subject: 's1', address: 'x' })).toMatchObject({ ok: true });
    expect(signInWithVerifiedEmail(f.db, { email: 'auditor@test.example', emailVerified: false, subject: 's1', address: 'x' })).toEqual({ ok: false, error: 'email_not_verified' });
    expect(signInWithVerifiedEmail(f.db, { email: 'stranger@test.example', emailVerified: true, subject: 's2', address: 'x' })).toEqual({ ok: false, error: 'unknown_identity' });
    expect(f.db.$client.prepare(`select count(*) from users where email = 'stranger@test.example'`).pluck().get()).toBe(0);
  });
});
