// The header's island asks /api/me who is signed in, on pages any visitor may be shown: the answer names the
// person, their role and their home, and nothing else, and no cache may keep it.
import { describe, expect, it, vi } from 'vitest';
import { roleHome } from '@/lib/auth/homes';
import { meOf } from '@/lib/auth/me';
import { buildFixture } from '@/lib/testing/fixture';

const { state, ...mocks } = await vi.hoisted(() => import('@/lib/testing/next-mocks'));
vi.mock('@/lib/auth/current', () => mocks.authCurrentMock());
vi.mock('@/db/client', (original) => mocks.dbClientMock(original));

const noStore = (res: Response) => (res.headers.get('cache-control') ?? '').split(',').map((s) => s.trim());

describe('/api/me', () => {
  const f = buildFixture();
  state.db = f.db;

  it('answers signed out with only that, never stored', async () => {
    const { GET } = await import('./route');
    state.actor = null;
    const res = await GET();
    expect(res.status).toBe(200);
    expect(noStore(res)).toContain('no-store');
    expect(await res.json()).toEqual({ signedIn: false });
  });

  for (const [key, actor] of Object.entries(f.actors)) {
    it(`answers ${key} with name, role and home only: no id, organization, email or session`, async () => {
      const { GET } = await import('./route');
      state.actor = actor;
      const res = await GET();
      expect(res.status).toBe(200);
      expect(noStore(res)).toContain('no-store');
      const text = await res.text();
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(body).toEqual({ signedIn: true, name: actor.name, role: actor.role, home: roleHome[actor.role as keyof typeof roleHome] });
      // The mocked session carries session id 'test' and email 'x'; the actor its ids and organization.
      expect(text).not.toMatch(/"(id|sessionId|email|departmentId|contractorId|orgName)"/);
      if (actor.orgName) expect(text).not.toContain(actor.orgName);
      expect(text).not.toContain('"test"');
      expect(Object.values(body)).not.toContain(actor.id);
    });
  }

  it('sends a person who must change their password to that page first', () => {
    expect(meOf({ name: '王五', role: 'officer', mustChangePassword: true })).toEqual({ signedIn: true, name: '王五', role: 'officer', home: '/change-password' });
    expect(meOf({ name: '王五', role: 'officer', mustChangePassword: false })).toMatchObject({ home: '/desk' });
  });
});
