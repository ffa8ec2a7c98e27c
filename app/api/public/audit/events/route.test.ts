// The public audit feed's query: junk `after` and `limit` are refused with 400, as the other endpoints refuse
// theirs (lib/public/api.ts readPageParams), instead of being read as the defaults.
import { describe, expect, it, vi } from 'vitest';
import { buildFixture } from '@/lib/testing/fixture';

const { state, ...mocks } = await vi.hoisted(() => import('@/lib/testing/next-mocks'));
vi.mock('@/db/client', (original) => mocks.dbClientMock(original));

const get = async (query: string) => {
  const { GET } = await import('./route');
  return GET(new Request(`http://localhost/api/public/audit/events${query}`));
};

describe('GET /api/public/audit/events', () => {
  state.db = buildFixture().db;

  it('answers a page for valid or absent parameters', async () => {
    for (const query of ['', '?after=0&limit=1', '?after=3&limit=500', '?limit=2']) {
      const res = await get(query);
      expect(res.status, query).toBe(200);
      expect(Array.isArray(((await res.json()) as { items: unknown[] }).items)).toBe(true);
    }
    const page = (await (await get('?after=2&limit=3')).json()) as { items: { seq: number }[] };
    expect(page.items.map((i) => i.seq)).toEqual([3, 4, 5]);
  });

  it('refuses junk after and limit with 400, naming the field', async () => {
    const cases: [string, string][] = [
      ['?limit=abc', 'limit'],
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?limit=1e2', 'limit'],
      ['?limit=%205', 'limit'],
      ['?limit=0x10', 'limit'],
      ['?limit=-1', 'limit'],
      ['?limit=', 'limit'],
      ['?limit=2.5', 'limit'],
      ['?after=-1', 'after'],
      ['?after=x', 'after'],
      ['?after=1.5', 'after'],
      ['?after=99999999999999999999', 'after'],
    ];
    for (const [query, field] of cases) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { fields?: string[] }).fields, query).toEqual([field]);
    }
  });
});
