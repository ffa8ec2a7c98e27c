// Request metadata on the audit trail (DESIGN: "request metadata" on every event): a server action gets its
// actor from lib/auth/current.ts with the request's address (as lib/auth/request.ts trusts it) and user agent,
// and every event it writes records them; the system (seed, scripts) writes none.
import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import { systemActor } from '@/lib/auth/actor';
import { sessionCookieName } from '@/lib/auth/config';
import { UNKNOWN_ADDRESS, USER_AGENT_MAX } from '@/lib/auth/request';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { getEnv } from '@/lib/env';
import { createMatter } from '@/lib/matters/service';
import { consequencesOf } from '@/lib/confirm/consequences';
import { buildFixture, FIXTURE_PASSWORD } from '@/lib/testing/fixture';

const state = vi.hoisted(() => ({ db: null as unknown, headers: new Headers(), cookie: undefined as string | undefined }));
vi.mock('@/db/client', async (original) => ({ ...(await original<object>()), getDb: () => state.db }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined }));
vi.mock('next/headers', () => ({
  headers: async () => state.headers,
  cookies: async () => ({ get: (name: string) => (name === sessionCookieName() && state.cookie ? { name, value: state.cookie } : undefined), set: () => undefined, delete: () => undefined }),
}));

const lastEvent = (db: ReturnType<typeof buildFixture>['db']) =>
  db.$client.prepare(`select action, actor_role as role, request_meta as requestMeta from audit_events order by seq desc limit 1`).get() as { action: string; role: string; requestMeta: string | null };

describe('request metadata on audit events', () => {
  const f = buildFixture();
  state.db = f.db;
  const userAgent = `Mozilla/5.0 (Linux; Android 14)\u0007 ${'x'.repeat(400)}`;

  it('an action records the request it came through on its events, without the use case doing anything', async () => {
    const r = await signInWithPassword(f.db, { email: 'officer.a@test.example', password: FIXTURE_PASSWORD, address: UNKNOWN_ADDRESS });
    if (!r.ok) throw new Error(r.error);
    state.cookie = await encode({ token: { sub: String(r.userId), sid: r.sessionId }, secret: getEnv().AUTH_SECRET, maxAge: 3600 });
    // Without TRUST_PROXY=1 a client's X-Forwarded-For is its own say-so: the address stays unknown.
    state.headers = new Headers({ 'user-agent': userAgent, 'x-forwarded-for': '203.0.113.9' });

    const { changeMatterStatusAction } = await import('./[locale]/(staff)/desk/matters/actions');
    const fd = new FormData();
    fd.set('matterId', String(f.matterA.id));
    fd.set('to', 'withdrawn');
    fd.set('reason', '职能调整');
    fd.set('confirmation', consequencesOf(f.db, systemActor('test'), 'matter', 'withdraw', f.matterA.id).token);
    expect(await changeMatterStatusAction({ status: 'idle' }, fd)).toMatchObject({ status: 'ok' });

    const event = lastEvent(f.db);
    expect(event).toMatchObject({ action: 'matter.status_changed', role: 'officer' });
    const meta = JSON.parse(event.requestMeta!) as { address: string; userAgent: string };
    expect(meta.address).toBe(UNKNOWN_ADDRESS);
    expect(meta.userAgent.startsWith('Mozilla/5.0 (Linux; Android 14) x')).toBe(true);
    expect([...meta.userAgent].length).toBe(USER_AGENT_MAX);
    expect(meta.userAgent).not.toMatch(/[\u0000-\u001f]/);
  });

  it('route handlers and pages get the same actor: the signed-in user, or the public, through this request', async () => {
    const { getActor } = await import('@/lib/auth/current');
    state.headers = new Headers({ 'user-agent': 'curl/8.5' });
    expect((await getActor()).request).toEqual({ address: UNKNOWN_ADDRESS, userAgent: 'curl/8.5' });
    state.cookie = undefined;
    state.headers = new Headers();
    const visitor = await getActor();
    expect(visitor.role).toBe('public');
    expect(visitor.request).toEqual({ address: UNKNOWN_ADDRESS });
  });

  it('records nothing for the system', () => {
    createMatter(f.db, systemActor('test'), { code: 'LG-ENV-099', titleZh: '测试', titleEn: 'Test', category: 'environment', departmentId: f.deptA.id, annualBudgetFen: 1 });
    expect(lastEvent(f.db)).toEqual({ action: 'matter.created', role: 'system', requestMeta: null });
  });
});
