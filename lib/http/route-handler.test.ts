import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';

const logged = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock('../log', () => ({ log: { error: (o: Record<string, unknown>) => logged.push(o), info: () => undefined, warn: () => undefined } }));

const { routeHandler } = await import('./route-handler');
const req = () => new Request('http://localhost/api/x?y=1');

describe('routeHandler', () => {
  it('passes responses through', async () => {
    const res = await routeHandler<[Request]>(() => new Response('ok'))(req());
    expect(await res.text()).toBe('ok');
  });

  it('answers expected errors with their status and code only', async () => {
    const res = await routeHandler<[Request]>((): Response => {
      throw new AppError('validation', 'secret detail /work/app/x.ts', { fieldErrors: { amount: ['negative'] } });
    })(req());
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'validation', fields: ['amount'] });
    const forbidden = await routeHandler<[Request]>((): Response => {
      throw new AppError('forbidden', 'no');
    })(req());
    expect([forbidden.status, await forbidden.json()]).toEqual([404, { error: 'not_found' }]);
    const zod = await routeHandler<[Request]>(() => Response.json(z.object({ n: z.number() }).parse({ n: 'x' })))(req());
    expect([zod.status, await zod.json()]).toEqual([400, { error: 'invalid_request', fields: ['n'] }]);
  });

  it('answers an unexpected error with an id that is in the log, and nothing else', async () => {
    const res = await routeHandler<[Request]>((): Response => {
      throw new Error('SQLITE_ERROR: near "select * from users": syntax error at /work/wt/lib/x.ts:12');
    })(req());
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; errorId: string };
    expect(Object.keys(body).sort()).toEqual(['error', 'errorId']);
    expect(body.error).toBe('unexpected');
    expect(logged.at(-1)).toMatchObject({ errorId: body.errorId, path: '/api/x' });
  });
});
