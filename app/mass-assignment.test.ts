// Extra fields sent to an action (role, scope, status, flags) are ignored: actions read only the fields
// their form has, and the use cases validate with schemas that strip the rest.
import { describe, expect, it, vi } from 'vitest';
import { buildFixture, FIXTURE_PASSWORD } from '@/lib/testing/fixture';

const { state, ...mocks } = await vi.hoisted(() => import('@/lib/testing/next-mocks'));
vi.mock('@/lib/auth/current', () => mocks.authCurrentMock());
vi.mock('@/db/client', (original) => mocks.dbClientMock(original));
vi.mock('next/cache', () => mocks.nextCacheMock());
vi.mock('next/headers', () => mocks.nextHeadersMock());

const hostile = { role: 'admin', departmentId: '999', contractorId: '999', status: 'active', disabled: 'true', passwordHash: 'x', mustChangePassword: 'false', sessionVersion: '0', id: '1', userId: '1' };

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe('mass assignment', () => {
  it('createUserAction ignores flags and hashes it was not asked for', async () => {
    const f = buildFixture();
    state.db = f.db;
    state.actor = f.actors.admin;
    const { createUserAction } = await import('./[locale]/(staff)/admin/users/actions');
    const result = await createUserAction({ status: 'idle' }, form({ ...hostile, email: 'fresh@test.example', name: 'Fresh', role: 'auditor', departmentId: '', contractorId: '' }));
    expect(result.status).toBe('ok');
    const row = f.db.$client.prepare(`select role, department_id, contractor_id, disabled, password_hash, must_change_password, session_version from users where email = 'fresh@test.example'`).get() as Record<string, unknown>;
    expect(row).toMatchObject({ role: 'auditor', department_id: null, contractor_id: null, disabled: 0, must_change_password: 1, session_version: 0 });
    expect(row.password_hash).not.toBe('x');
  });

  it('changePasswordAction changes only the caller, whatever ids and roles are sent', async () => {
    const f = buildFixture();
    state.db = f.db;
    state.actor = f.actors.contractorX;
    const before = f.db.$client.prepare(`select id, role, password_hash, contractor_id from users order by id`).all() as { id: number; role: string; password_hash: string; contractor_id: number | null }[];
    const { changePasswordAction } = await import('./[locale]/(auth)/actions');
    await changePasswordAction({ status: 'idle' }, form({ ...hostile, userId: String(f.actors.admin.id), currentPassword: FIXTURE_PASSWORD, newPassword: 'a fresh passphrase here' })).catch(() => undefined);
    const after = f.db.$client.prepare(`select id, role, password_hash, contractor_id from users order by id`).all() as typeof before;
    const changed = after.filter((u, i) => u.password_hash !== before[i]!.password_hash).map((u) => u.id);
    expect(changed).toEqual([f.actors.contractorX.id]);
    expect(after.map((u) => [u.role, u.contractor_id])).toEqual(before.map((u) => [u.role, u.contractor_id]));
  });

  it('submitDeliverableAction takes contractor, status and reviewer from the record and the session, never the form', async () => {
    const f = buildFixture();
    state.db = f.db;
    state.actor = f.actors.contractorX;
    const { submitDeliverableAction } = await import('./[locale]/(staff)/desk/deliverables/actions');
    const result = await submitDeliverableAction(
      { status: 'idle' },
      form({ ...hostile, contractorId: String(f.contractorY.id), status: 'accepted', submittedBy: String(f.actors.admin.id), reviewedBy: String(f.actors.officerA.id), reviewComment: 'ok', contractId: String(f.activeA.id), title: '三季度', periodStart: '2026-07-01', periodEnd: '2026-09-30' }),
    );
    expect(result.status).toBe('ok');
    const row = f.db.$client.prepare(`select contractor_id, status, submitted_by, reviewed_by, review_comment from deliverables where title = '三季度'`).get();
    expect(row).toEqual({ contractor_id: f.contractorX.id, status: 'submitted', submitted_by: f.actors.contractorX.id, reviewed_by: null, review_comment: null });
  });
});
