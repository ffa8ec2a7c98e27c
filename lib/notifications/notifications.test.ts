import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { draftContract, transitionContract } from '../contracts/service';
import { reviewDeliverable, submitDeliverable } from '../deliverables/service';
import { buildFixture, snapshot, type Fixture } from '../testing/fixture';
import { listNotifications, type NotificationKind } from './queries';
import { markNotificationsRead } from './service';

const kinds = (f: Fixture, who: Actor, today?: string) => listNotifications(f.db, who, { today }).items.map((n) => `${n.kind} ${n.reference}`);
const ref = (f: Fixture, id: number) => f.db.$client.prepare('select reference from contracts where id = ?').pluck().get(id) as string;
const has = (kind: NotificationKind, reference: string) => `${kind} ${reference}`;

describe('notifications', () => {
  it('submitted for your approval: the department\'s other approvers, never the drafter, never another department', () => {
    const f = buildFixture();
    const pending = has('submitted_for_approval', ref(f, f.pendingA.id));
    expect(kinds(f, f.actors.approverA)).toContain(pending);
    for (const who of [f.actors.officerA, f.actors.approverB, f.actors.officerB, f.actors.contractorX]) expect(kinds(f, who)).not.toContain(pending);
    // The approver's own draft, submitted: not "for your approval" (four eyes).
    const own = draftContract(f.db, f.actors.approverA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 100, startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true }).contract;
    transitionContract(f.db, f.actors.approverA, { contractId: own.id, transition: 'submit' });
    expect(kinds(f, f.actors.approverA)).not.toContain(has('submitted_for_approval', own.reference));
  });

  it('returned to you: the drafter, with the approver\'s comment; the contractor is not told about a draft', () => {
    const f = buildFixture();
    transitionContract(f.db, f.actors.approverA, { contractId: f.pendingA.id, transition: 'return', reason: 'Lower the value' });
    const mine = listNotifications(f.db, f.actors.officerA).items;
    expect(mine[0]).toMatchObject({ kind: 'returned', contractId: f.pendingA.id, comment: 'Lower the value', actorName: 'approver.a', read: false });
    for (const who of [f.actors.approverA, f.actors.officerB, f.actors.contractorX]) expect(kinds(f, who)).not.toContain(has('returned', ref(f, f.pendingA.id)));
  });

  it('approved: the drafter and the contractor\'s users, not the other contractor or department', () => {
    const f = buildFixture();
    const approved = has('approved', ref(f, f.activeA.id));
    expect(kinds(f, f.actors.officerA)).toContain(approved);
    expect(kinds(f, f.actors.contractorX)).toContain(approved);
    for (const who of [f.actors.approverA, f.actors.contractorY, f.actors.officerB, f.actors.approverB]) expect(kinds(f, who)).not.toContain(approved);
  });

  it('deliverable returned or accepted: the contractor\'s users only, with the reviewer\'s comment', () => {
    const f = buildFixture();
    reviewDeliverable(f.db, f.actors.officerA, { deliverableId: f.deliverableA.id, decision: 'return', comment: 'Add the photos' });
    reviewDeliverable(f.db, f.actors.officerB, { deliverableId: f.deliverableB.id, decision: 'accept' });
    expect(listNotifications(f.db, f.actors.contractorX).items[0]).toMatchObject({ kind: 'deliverable_returned', title: '一季度报告', comment: 'Add the photos' });
    expect(listNotifications(f.db, f.actors.contractorY).items[0]).toMatchObject({ kind: 'deliverable_accepted', title: 'Q1' });
    expect(kinds(f, f.actors.contractorX)).not.toContain(has('deliverable_accepted', ref(f, f.activeB.id)));
    expect(kinds(f, f.actors.contractorY)).not.toContain(has('deliverable_returned', ref(f, f.activeA.id)));
    for (const who of [f.actors.officerA, f.actors.approverA]) expect(kinds(f, who).some((k) => k.startsWith('deliverable_'))).toBe(false);
  });

  it('milestone due within 7 days: the department\'s staff and the contractor\'s users of a running contract', () => {
    const f = buildFixture();
    // activeA has a payment milestone due 2026-06-30.
    const due = has('milestone_due', ref(f, f.activeA.id));
    for (const who of [f.actors.officerA, f.actors.approverA, f.actors.contractorX]) {
      expect(kinds(f, who, '2026-06-23')).toContain(due);
      expect(kinds(f, who, '2026-06-30')).toContain(due);
      expect(kinds(f, who, '2026-06-22')).not.toContain(due);
      expect(kinds(f, who, '2026-07-01')).not.toContain(due);
    }
    for (const who of [f.actors.officerB, f.actors.contractorY, f.actors.admin, f.actors.auditor, f.actors.evaluator]) expect(kinds(f, who, '2026-06-25')).not.toContain(due);
    transitionContract(f.db, f.actors.officerA, { contractId: f.activeA.id, transition: 'terminate', reason: 'x' });
    expect(kinds(f, f.actors.officerA, '2026-06-25')).not.toContain(due);
  });

  it('newest first', () => {
    const f = buildFixture();
    transitionContract(f.db, f.actors.approverA, { contractId: f.pendingA.id, transition: 'return', reason: 'again' });
    const items = listNotifications(f.db, f.actors.officerA).items;
    expect(items.map((n) => n.kind)).toEqual(['returned', 'approved']);
    expect([...items].sort((a, b) => b.at.localeCompare(a.at))).toEqual(items);
  });

  it('read and unread: marking read is per person, recorded in the trail, and ignores what the person is not shown', () => {
    const f = buildFixture();
    const d = submitDeliverable(f.db, f.actors.contractorX, { contractId: f.activeA.id, title: 'Q2', periodStart: '2026-04-01', periodEnd: '2026-06-30' });
    reviewDeliverable(f.db, f.actors.officerA, { deliverableId: d.id, decision: 'accept' });
    const x = listNotifications(f.db, f.actors.contractorX);
    expect(x.unread).toBe(2);
    const first = x.items[0]!;
    // Someone else's key (officerB's list) and an unknown one change nothing.
    const other = listNotifications(f.db, f.actors.officerB).items[0]!;
    const before = snapshot(f.db);
    expect(markNotificationsRead(f.db, f.actors.contractorX, { keys: [other.key, 'event:999999'] })).toBe(0);
    expect(snapshot(f.db)).toBe(before);

    expect(markNotificationsRead(f.db, f.actors.contractorX, { keys: [first.key] })).toBe(1);
    const after = listNotifications(f.db, f.actors.contractorX);
    expect(after.unread).toBe(1);
    expect(after.items.find((n) => n.key === first.key)?.read).toBe(true);
    // The other user of the same organization still has it unread.
    expect(listNotifications(f.db, f.actors.officerA).items.every((n) => !n.read)).toBe(true);
    const event = f.db.$client.prepare(`select actor_id as actorId, entity_type as type, data from audit_events where action = 'notification.read' order by seq desc limit 1`).get() as { actorId: number; type: string; data: string };
    expect(event).toEqual({ actorId: f.actors.contractorX.id, type: 'user', data: JSON.stringify({ keys: [first.key] }) });

    expect(markNotificationsRead(f.db, f.actors.contractorX, { all: true })).toBe(1);
    expect(listNotifications(f.db, f.actors.contractorX).unread).toBe(0);
    // The contract's approval is the same event in the officer's list: still unread for them.
    const approvedKey = listNotifications(f.db, f.actors.contractorX).items.find((n) => n.kind === 'approved')!.key;
    expect(listNotifications(f.db, f.actors.officerA).items.find((n) => n.key === approvedKey)?.read).toBe(false);
    // Nothing left to mark: nothing written.
    const settled = snapshot(f.db);
    expect(markNotificationsRead(f.db, f.actors.contractorX, { all: true })).toBe(0);
    expect(snapshot(f.db)).toBe(settled);
  });

  it('refuses the signed-out and malformed keys', () => {
    const f = buildFixture();
    const publicActor = { ...f.actors.officerA, id: null, role: 'public' } as Actor;
    expect(() => markNotificationsRead(f.db, publicActor, { all: true })).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
    expect(() => markNotificationsRead(f.db, f.actors.officerA, { keys: ["event:1' or 1=1"] })).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
