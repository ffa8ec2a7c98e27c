import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor';
import { buildFixture } from '../testing/fixture';
import { validate } from '../shared/validate';
import { matterInput } from '../matters/schema';
import { listUsers, userListQuery, USERS_PER_PAGE } from './queries';
import { userRoleFieldsForm } from './schema';
import { createUser } from './service';

describe('the admin\'s user list', () => {
  it('finds by words in name, email or organization, filters by role and department, and pages on the server', () => {
    const f = buildFixture();
    const q = (params: Record<string, string>) => listUsers(f.db, f.actors.admin, userListQuery.parse(params));
    expect(q({ q: 'approver' }).items.map((u) => u.email)).toEqual(['approver.a@test.example', 'approver.b@test.example']);
    expect(q({ q: '乙局' }).items.map((u) => u.email).sort()).toEqual(['approver.b@test.example', 'officer.b@test.example']);
    expect(q({ q: 'Y Assoc' }).items.map((u) => u.email)).toEqual(['y@test.example']);
    expect(q({ role: 'officer' }).items.map((u) => u.email)).toEqual(['officer.a@test.example', 'officer.b@test.example']);
    expect(q({ department: String(f.deptA.id) }).items.map((u) => u.email).sort()).toEqual(['approver.a@test.example', 'officer.a@test.example']);
    expect(q({ role: 'approver', department: String(f.deptB.id) }).items.map((u) => u.email)).toEqual(['approver.b@test.example']);
    // Wildcards are found as typed, not as wildcards.
    expect(q({ q: '%' }).total).toBe(0);
    // Bad parameters fall back instead of failing.
    expect(q({ role: 'emperor', department: 'x', page: '-3' }).total).toBe(9);

    for (let i = 0; i < USERS_PER_PAGE + 5; i++) createUser(f.db, systemActor('test'), { email: `many${String(i).padStart(2, '0')}@test.example`, name: `Many ${i}`, role: 'auditor' });
    const first = q({ role: 'auditor' });
    const second = q({ role: 'auditor', page: '2' });
    expect(first.total).toBe(USERS_PER_PAGE + 6);
    expect(first.items).toHaveLength(USERS_PER_PAGE);
    expect(first.hasNext).toBe(true);
    expect(second.items).toHaveLength(6);
    expect(second.hasNext).toBe(false);
    expect(new Set([...first.items, ...second.items].map((u) => u.id)).size).toBe(USERS_PER_PAGE + 6);
  });

  it('is for admins only', () => {
    const f = buildFixture();
    expect(() => listUsers(f.db, f.actors.auditor, userListQuery.parse({}))).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});

describe('role fields of the user forms', () => {
  it('refuses a department or organization for a role that has none, with a message naming it', () => {
    expect(() => validate(userRoleFieldsForm, { role: 'auditor', departmentId: '3', contractorId: '' })).toThrow(expect.objectContaining({ details: { fieldErrors: { departmentId: ['department_not_for_role'] } } }));
    expect(() => validate(userRoleFieldsForm, { role: 'officer', departmentId: '3', contractorId: '4' })).toThrow(expect.objectContaining({ details: { fieldErrors: { contractorId: ['contractor_not_for_role'] } } }));
    expect(validate(userRoleFieldsForm, { role: 'contractor', departmentId: '', contractorId: '4' })).toEqual({ role: 'contractor', departmentId: null, contractorId: 4 });
    expect(validate(userRoleFieldsForm, { role: 'admin', departmentId: null, contractorId: null }).role).toBe('admin');
  });

  it('a new matter needs its department chosen explicitly', () => {
    const base = { code: 'LG-ENV-099', titleZh: '甲', titleEn: 'A', category: 'environment', annualBudgetFen: 1 };
    for (const departmentId of ['', undefined, '0']) {
      expect(() => validate(matterInput, { ...base, departmentId })).toThrow(expect.objectContaining({ details: { fieldErrors: { departmentId: ['department_required'] } } }));
    }
    expect(validate(matterInput, { ...base, departmentId: '2' }).departmentId).toBe(2);
  });
});
