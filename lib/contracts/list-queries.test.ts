import { describe, expect, it } from 'vitest';
import { buildFixture } from '../testing/fixture';
import { contractListQuery, listContractsForStaff } from './list-queries';

describe('the staff contract list', () => {
  const f = buildFixture();
  const ids = (actor: Parameters<typeof listContractsForStaff>[1], q: Record<string, unknown> = {}) => listContractsForStaff(f.db, actor, contractListQuery.parse(q)).items.map((c) => c.id).sort();

  it('shows the auditor every department’s contracts, an officer only their own', () => {
    expect(ids(f.actors.auditor)).toEqual([f.activeA.id, f.pendingA.id, f.activeB.id].sort());
    expect(ids(f.actors.officerA)).toEqual([f.activeA.id, f.pendingA.id].sort());
    expect(ids(f.actors.officerA, { department: f.deptB.id })).toEqual([]);
  });

  it('filters by words, status and department', () => {
    expect(ids(f.actors.auditor, { q: 'Y Assoc' })).toEqual([f.activeB.id]);
    expect(ids(f.actors.auditor, { q: '污染源' })).toEqual([f.activeA.id, f.pendingA.id].sort());
    expect(ids(f.actors.auditor, { status: 'pending_approval' })).toEqual([f.pendingA.id]);
    expect(ids(f.actors.auditor, { department: f.deptB.id })).toEqual([f.activeB.id]);
    expect(contractListQuery.parse({ status: 'king', department: 'x', page: '-1' })).toEqual({ q: '', page: 1 });
  });

  it('is refused to those who may not read contracts', () => {
    expect(() => listContractsForStaff(f.db, { ...f.actors.auditor, role: 'public' }, contractListQuery.parse({}))).toThrow();
  });
});
