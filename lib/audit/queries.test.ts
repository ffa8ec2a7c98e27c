import { describe, expect, it } from 'vitest';
import { buildFixture } from '../testing/fixture';
import { auditFilterQuery, iterateAuditEvents, listAuditEvents } from './queries';

describe('the auditor\'s view of the trail', () => {
  const f = buildFixture();
  const all = f.db.$client.prepare('select count(*) from audit_events').pluck().get() as number;

  it('pages newest first by sequence number, through every event exactly once', () => {
    const seen: number[] = [];
    let before: number | undefined;
    do {
      const page = listAuditEvents(f.db, f.actors.auditor, auditFilterQuery.parse({ before }), 7);
      seen.push(...page.items.map((e) => e.seq));
      before = page.nextBefore ?? undefined;
    } while (before);
    expect(seen).toHaveLength(all);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('filters by action, record, role, department and date', () => {
    const approved = listAuditEvents(f.db, f.actors.auditor, auditFilterQuery.parse({ action: 'contract.approved' })).items;
    expect(approved.map((e) => e.entityId).sort()).toEqual([String(f.activeA.id), String(f.activeB.id)].sort());
    const one = listAuditEvents(f.db, f.actors.auditor, auditFilterQuery.parse({ entityType: 'contract', entityId: String(f.activeA.id) })).items;
    // The fixture drafts activeA with a target for matter A's indicator: its own event after the draft's.
    expect(one.map((e) => e.action).reverse()).toEqual(['contract.drafted', 'contract.targets_set', 'contract.submitted', 'contract.approved']);
    expect(listAuditEvents(f.db, f.actors.auditor, auditFilterQuery.parse({ role: 'approver' })).items.every((e) => e.actorRole === 'approver')).toBe(true);
    expect(listAuditEvents(f.db, f.actors.auditor, auditFilterQuery.parse({ department: f.deptB.id })).items.every((e) => e.departmentId === f.deptB.id)).toBe(true);
    expect(listAuditEvents(f.db, f.actors.auditor, auditFilterQuery.parse({ to: '2000-01-01' })).items).toEqual([]);
  });

  it('ignores malformed filters instead of failing', () => {
    expect(auditFilterQuery.parse({ role: 'king', from: 'yesterday', department: 'x', before: '-3' })).toEqual({});
  });

  it('streams the same events it lists', () => {
    const filter = auditFilterQuery.parse({ entityType: 'contract' });
    const streamed = [...iterateAuditEvents(f.db, f.actors.admin, filter)];
    expect(streamed.map((e) => e.seq)).toEqual(listAuditEvents(f.db, f.actors.admin, filter, 1000).items.map((e) => e.seq));
    expect(streamed[0]).toHaveProperty('actorName');
  });

  it('is refused to everyone but auditors and admins', () => {
    for (const who of [f.actors.officerA, f.actors.approverA, f.actors.contractorX, f.actors.evaluator]) {
      expect(() => listAuditEvents(f.db, who, {})).toThrow();
    }
  });
});

// Found by fuzzing /api/audit/export: a date of the right shape that does not exist made an Invalid Date,
// and the export answered 500. Such a filter is dropped like any other malformed one.
describe('audit filter dates', () => {
  it('drops dates that do not exist, and the trail still lists', () => {
    const f = buildFixture();
    for (const bad of ['0000-00-00', '2026-02-30', '2026-13-01', '9999-99-99']) {
      const filter = auditFilterQuery.parse({ from: bad, to: bad });
      expect([filter.from, filter.to]).toEqual([undefined, undefined]);
      expect([...iterateAuditEvents(f.db, f.actors.auditor, filter)].length).toBeGreaterThan(0);
    }
    expect(auditFilterQuery.parse({ from: '2026-02-28' }).from).toBe('2026-02-28');
  });
});
