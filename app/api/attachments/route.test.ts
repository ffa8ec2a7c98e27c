// The route handlers themselves, with the session mocked as the authorization matrix does: the upload
// redirects a plain form back to the contract page, and the download answers only in scope.
import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { buildFixture } from '@/lib/testing/fixture';
import { samplePdf, temporaryUploadDir, uploadRequest as upload } from '@/lib/testing/uploads';

const { state, ...mocks } = await vi.hoisted(() => import('@/lib/testing/next-mocks'));
vi.mock('@/lib/auth/current', () => mocks.authCurrentMock());
vi.mock('@/db/client', (original) => mocks.dbClientMock(original));
vi.mock('@/lib/env', (original) => mocks.envMock(original));
vi.mock('next/headers', () => mocks.nextHeadersMock());

const pdf = samplePdf();
const uploadRequest = (deliverableId: number, name: string, bytes: Uint8Array, query = '') =>
  upload(`http://localhost/api/attachments${query}`, { name, bytes }, { deliverableId: String(deliverableId) });

describe('/api/attachments', () => {
  const f = buildFixture();
  state.db = f.db;
  state.dir = temporaryUploadDir('route-uploads-');

  it('redirects a plain form back to the contract page with the outcome', async () => {
    const { POST } = await import('./route');
    state.actor = f.actors.contractorX;
    const ok = await POST(uploadRequest(f.deliverableA.id, 'report.pdf', pdf, '?redirect=1&locale=en'));
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/en/desk/contracts/${f.activeA.id}?upload=ok#deliverables-heading`);
    const refused = await POST(uploadRequest(f.deliverableA.id, '../report.pdf', pdf, '?redirect=1&locale=zh-CN'));
    expect(refused.headers.get('location')).toBe(`/zh-CN/desk/contracts/${f.activeA.id}?upload=name_path#deliverables-heading`);
  });

  it('answers JSON without the redirect flag, and 404 to another contractor', async () => {
    const { POST } = await import('./route');
    state.actor = f.actors.contractorX;
    const created = await POST(uploadRequest(f.deliverableA.id, 'visits.csv', new TextEncoder().encode('a,b\n1,2\n')));
    expect(created.status).toBe(201);
    state.actor = f.actors.contractorY;
    const foreign = await POST(uploadRequest(f.deliverableA.id, 'visits.csv', new TextEncoder().encode('a,b\n1,2\n'), '?redirect=1'));
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: 'not_found' });
    state.actor = null;
    expect((await POST(uploadRequest(f.deliverableA.id, 'visits.csv', new TextEncoder().encode('a,b\n')))).status).toBe(401);
  });

  it('serves a file only in scope', async () => {
    const { GET } = await import('./[id]/route');
    const id = f.db.$client.prepare(`select id from attachments where file_name = 'report.pdf'`).pluck().get() as number;
    const get = (who: Actor | null) => {
      state.actor = who;
      return GET(new Request(`http://localhost/api/attachments/${id}`), { params: Promise.resolve({ id: String(id) }) });
    };
    const own = await get(f.actors.officerA);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    for (const who of [f.actors.contractorY, f.actors.officerB, f.actors.evaluator, null]) expect((await get(who)).status).toBe(404);
  });
});
