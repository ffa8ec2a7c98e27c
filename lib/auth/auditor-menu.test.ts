import { describe, expect, it } from 'vitest';
import { roleNav } from './homes';
import { can } from './permissions';
import { buildActor } from './actor';

/** The permission each staff list needs; the menu offers a role only pages it may open. */
const needs: Record<string, Parameters<typeof can>[1]> = {
  '/audit': 'audit.read',
  '/desk/contracts': 'contract.read',
  '/desk/contractors': 'contractor.read',
  '/desk/matters': 'matter.read',
};

describe('the auditor’s menu', () => {
  const auditor = buildActor({ id: 1, name: 'a', role: 'auditor', departmentId: null, contractorId: null, orgName: null });
  it('lists the audit trail, the contracts of every department, the matters and the contractor register', () => {
    expect(roleNav.auditor.map((i) => i.href)).toEqual(expect.arrayContaining(['/audit', '/desk/contracts', '/desk/matters', '/desk/contractors']));
  });
  it('offers only pages the auditor may read', () => {
    for (const item of roleNav.auditor) expect(can(auditor, needs[item.href] ?? 'user.manage'), item.href).toBe(true);
  });
});
