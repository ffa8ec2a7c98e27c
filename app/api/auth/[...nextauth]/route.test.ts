// next-auth's own endpoints, called as the route handler: its sign-out must end the database session behind
// the cookie (a copied cookie stops working), audited like the app's sign-out, and /api/auth/session must not
// hand the session id to page scripts.
import { createRequire } from 'node:module';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { resolveSession } from '@/lib/auth/sessions';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { getEnv } from '@/lib/env';
import { buildFixture, FIXTURE_PASSWORD, type Fixture } from '@/lib/testing/fixture';

const state = vi.hoisted(() => {
  process.env.NEXTAUTH_URL ??= 'http://localhost:3000';
  return { db: null as unknown, request: null as Request | null };
});
vi.mock('@/db/client', async (original) => ({ ...(await original<object>()), getDb: () => state.db }));
// next-auth's route handler reads the request's cookies and headers with require('next/headers'), which
// vi.mock does not reach: the CommonJS module cache gets the stand-in instead.
const cookiesOf = (r: Request | null) =>
  (r?.headers.get('cookie') ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => ({ name: c.slice(0, c.indexOf('=')), value: decodeURIComponent(c.slice(c.indexOf('=') + 1)) }));
const nextHeaders = {
  headers: async () => new Headers(state.request?.headers),
  cookies: async () => ({ getAll: () => cookiesOf(state.request), get: (name: string) => cookiesOf(state.request).find((c) => c.name === name) }),
};
const require = createRequire(import.meta.url);
const headersPath = require.resolve('next/headers');
require.cache[headersPath] = { id: headersPath, filename: headersPath, loaded: true, exports: nextHeaders } as NodeJS.Module;
vi.mock('next/headers', () => nextHeaders);

const base = 'http://localhost:3000/api/auth';
type Handler = (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

async function call(method: 'GET' | 'POST', action: string, cookies: Record<string, string>, body?: URLSearchParams): Promise<Response> {
  const { GET, POST } = (await import('./route')) as { GET: Handler; POST: Handler };
  const headers = new Headers({ cookie: Object.entries(cookies).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '), host: 'localhost:3000', origin: 'http://localhost:3000', 'user-agent': 'route-test/1.0' });
  if (body) headers.set('content-type', 'application/x-www-form-urlencoded');
  const req = new NextRequest(`${base}/${action}`, { method, headers, body: body?.toString() });
  state.request = req;
  return (method === 'GET' ? GET : POST)(req, { params: Promise.resolve({ nextauth: action.split('/') }) });
}

/** A signed-in user's session id and the cookie the app gives them (lib/auth/current.ts setSessionCookie). */
async function signedIn(f: Fixture, email: string) {
  const r = await signInWithPassword(f.db, { email, password: FIXTURE_PASSWORD, address: 'unknown' });
  if (!r.ok) throw new Error(r.error);
  const token = await encode({ token: { sub: String(r.userId), sid: r.sessionId }, secret: getEnv().AUTH_SECRET, maxAge: 3600 });
  return { sessionId: r.sessionId, userId: r.userId, cookie: { 'next-auth.session-token': token } };
}

/** next-auth's CSRF token and its cookie, as GET /api/auth/csrf hands them out. */
async function csrf(): Promise<{ token: string; cookie: Record<string, string> }> {
  const res = await call('GET', 'csrf', {});
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('next-auth.csrf-token='))!;
  return { token: csrfToken, cookie: { 'next-auth.csrf-token': decodeURIComponent(setCookie.split(';')[0]!.slice('next-auth.csrf-token='.length)) } };
}

const auditTail = (f: Fixture) =>
  f.db.$client.prepare(`select action, actor_id as actorId, entity_id as entityId, data from audit_events order by seq desc limit 1`).get() as { action: string; actorId: number; entityId: string; data: string };

describe("next-auth's POST /api/auth/signout", () => {
  it('ends the database session behind the cookie, so a copied cookie no longer works, and records the sign-out', async () => {
    const f = buildFixture();
    state.db = f.db;
    const s = await signedIn(f, 'officer.a@test.example');
    const other = await signedIn(f, 'officer.b@test.example');
    const c = await csrf();
    const res = await call('POST', 'signout', { ...s.cookie, ...c.cookie }, new URLSearchParams({ csrfToken: c.token, callbackUrl: '/', json: 'true' }));
    expect(res.status).toBe(200);
    // The cookie is cleared, as before…
    expect(res.headers.getSetCookie().some((v) => v.startsWith('next-auth.session-token=;') || /next-auth\.session-token=[^;]*;.*Max-Age=0/i.test(v))).toBe(true);
    // …and the session it named is over: a copy of the cookie resolves to nobody.
    expect(resolveSession(f.db, s.sessionId, new Date())).toEqual({ ended: 'signed_out' });
    expect(auditTail(f)).toEqual({ action: 'auth.signed_out', actorId: s.userId, entityId: String(s.userId), data: JSON.stringify({ reason: 'signed_out' }) });
    // With the request it came in, as the app's own sign-out records it.
    expect(JSON.parse(f.db.$client.prepare(`select request_meta from audit_events order by seq desc limit 1`).pluck().get() as string)).toMatchObject({ userAgent: 'route-test/1.0' });
    // Someone else's session is untouched.
    expect(resolveSession(f.db, other.sessionId, new Date())).toMatchObject({ id: other.userId });
  });

  it('without a valid CSRF token ends nothing', async () => {
    const f = buildFixture();
    state.db = f.db;
    const s = await signedIn(f, 'officer.a@test.example');
    const c = await csrf();
    await call('POST', 'signout', { ...s.cookie, ...c.cookie }, new URLSearchParams({ csrfToken: 'forged', callbackUrl: '/', json: 'true' }));
    expect(resolveSession(f.db, s.sessionId, new Date())).toMatchObject({ id: s.userId });
    expect(auditTail(f).action).toBe('auth.signed_in');
  });

  it('with a cookie whose session has already ended records nothing more', async () => {
    const f = buildFixture();
    state.db = f.db;
    const s = await signedIn(f, 'officer.a@test.example');
    for (let i = 0; i < 2; i++) {
      const c = await csrf();
      await call('POST', 'signout', { ...s.cookie, ...c.cookie }, new URLSearchParams({ csrfToken: c.token, callbackUrl: '/', json: 'true' }));
    }
    const signOuts = f.db.$client.prepare(`select count(*) from audit_events where action = 'auth.signed_out'`).pluck().get();
    expect(signOuts).toBe(1);
  });
});

describe('GET /api/auth/session', () => {
  it('hands page scripts no session id, no user id and nothing else from the token', async () => {
    const f = buildFixture();
    state.db = f.db;
    const s = await signedIn(f, 'officer.a@test.example');
    const res = await call('GET', 'session', s.cookie);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(s.sessionId);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['expires']);
    // The session itself goes on: reading the endpoint does not sign anyone out.
    expect(resolveSession(f.db, s.sessionId, new Date())).toMatchObject({ id: s.userId });
  });
});
