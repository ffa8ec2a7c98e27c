// Qualification documents: only those who may edit the register upload; staff who read the register and
// the contractor's own users download; everyone else gets 404, as if the file did not exist.
import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { buildFixture } from '@/lib/testing/fixture';
import { samplePdf, temporaryUploadDir, uploadRequest } from '@/lib/testing/uploads';

const { state, ...mocks } = await vi.hoisted(() => import('@/lib/testing/next-mocks'));
vi.mock('@/lib/auth/current', () => mocks.authCurrentMock());
vi.mock('@/db/client', (original) => mocks.dbClientMock(original));
vi.mock('@/lib/env', (original) => mocks.envMock(original));
vi.mock('next/headers', () => mocks.nextHeadersMock());

const pdf = samplePdf();
const upload = (contractorId: number | string, name: string, bytes: Uint8Array, query = '') =>
  [uploadRequest(`http://localhost/api/contractors/${contractorId}/documents${query}`, { name, bytes }), { params: Promise.resolve({ id: String(contractorId) }) }] as const;

describe('/api/contractors/[id]/documents', () => {
  const f = buildFixture();
  state.db = f.db;
  state.dir = temporaryUploadDir('contractor-docs-');

  it('lets an admin attach a document, recorded with its audit event on the contractor', async () => {
    const { POST } = await import('./route');
    state.actor = f.actors.admin;
    const res = await POST(...upload(f.contractorX.id, '营业执照.pdf', pdf));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const row = f.db.$client.prepare(`select owner_type, contractor_id, deliverable_id, media_type from attachments where id = ?`).get(id);
    expect(row).toEqual({ owner_type: 'contractor', contractor_id: f.contractorX.id, deliverable_id: null, media_type: 'application/pdf' });
    const event = f.db.$client.prepare(`select entity_type, entity_id from audit_events where action = 'attachment.added' order by seq desc limit 1`).get();
    expect(event).toEqual({ entity_type: 'contractor', entity_id: String(f.contractorX.id) });
  });

  it('sends a plain form back to the contractor page with the outcome', async () => {
    const { POST } = await import('./route');
    state.actor = f.actors.admin;
    const ok = await POST(...upload(f.contractorY.id, 'licence.pdf', pdf, '?redirect=1&locale=en'));
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/en/desk/contractors/${f.contractorY.id}?upload=ok#documents-heading`);
    const refused = await POST(...upload(f.contractorY.id, 'licence.exe', new TextEncoder().encode('MZ\x90\x00'), '?redirect=1&locale=zh-CN'));
    expect(refused.headers.get('location')).toBe(`/zh-CN/desk/contractors/${f.contractorY.id}?upload=type_not_allowed#documents-heading`);
  });

  it('refuses everyone who may not edit the register (404, as everywhere out of scope), and unknown contractors, leaving no file behind', async () => {
    const { POST } = await import('./route');
    const files = () => readdirSync(state.dir).filter((n) => n !== '.tmp').length;
    const before = files();
    for (const [who, status] of [[null, 401], [f.actors.officerA, 404], [f.actors.approverA, 404], [f.actors.auditor, 404], [f.actors.contractorX, 404], [f.actors.evaluator, 404]] as const) {
      state.actor = who;
      const res = await POST(...upload(f.contractorX.id, 'other.pdf', new TextEncoder().encode('%PDF-1.4\nother\n%%EOF\n')));
      expect(res.status, who?.name ?? 'signed out').toBe(status);
      if (status === 404) expect(await res.json()).toEqual({ error: 'not_found' });
    }
    state.actor = f.actors.admin;
    expect((await POST(...upload(999_999, 'x.pdf', pdf))).status).toBe(404);
    expect((await POST(...upload('1;drop', 'x.pdf', pdf))).status).toBe(404);
    expect(files()).toBe(before);
  });

  it('serves a document to register staff and the contractor itself, and 404 to anyone else', async () => {
    const { GET } = await import('../../../attachments/[id]/route');
    const id = f.db.$client.prepare(`select id from attachments where file_name = '营业执照.pdf'`).pluck().get() as number;
    const get = (who: Actor | null) => {
      state.actor = who;
      return GET(new Request(`http://localhost/api/attachments/${id}`), { params: Promise.resolve({ id: String(id) }) });
    };
    for (const who of [f.actors.admin, f.actors.officerB, f.actors.approverA, f.actors.auditor, f.actors.contractorX]) expect((await get(who)).status).toBe(200);
    for (const who of [f.actors.contractorY, f.actors.evaluator, null]) expect((await get(who)).status).toBe(404);
  });
});
