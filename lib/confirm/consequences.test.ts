import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { recordPayment } from '../contracts/service';
import { buildFixture, snapshot } from '../testing/fixture';
import { consequencesOf, previewConsequences } from './consequences';
import { takeConfirmedStep } from './service';
import { transitionContractInTx } from '../contracts/service';
import { changeMatterStatusInTx } from '../matters/service';
import { changeContractorVerificationInTx } from '../contractors/service';
import { setUserDisabledInTx } from '../users/service';

// The figures a confirmation shows, against a recount in plain SQL over the raw rows, and the rule that
// a step is taken only with the token of the figures as they are now.

const one = (db: Db, q: string, ...p: unknown[]) => Number(Object.values(db.$client.prepare(q).get(...p) as Record<string, unknown>)[0] ?? 0);

function recountContract(db: Db, id: number) {
  const value = one(db, 'select value_fen from contracts where id = ?', id);
  const paid = one(db, 'select coalesce(sum(amount_fen), 0) from payments where contract_id = ?', id);
  return {
    plannedMilestones: one(db, "select count(*) from milestones where contract_id = ? and status = 'scheduled'", id),
    valueFen: value,
    paidFen: paid,
    unpaidFen: Math.max(0, value - paid),
    awaitingReview: one(db, "select count(*) from deliverables where contract_id = ? and status = 'submitted'", id),
  };
}

describe('consequences of a confirmable step', () => {
  it('a contract: milestones planned, value / paid / unpaid and work awaiting review equal a recount', () => {
    const f = buildFixture();
    recordPayment(f.db, f.actors.officerA, { contractId: f.activeA.id, amountFen: 12_345_00, paidOn: '2026-03-01' });
    const c = consequencesOf(f.db, f.actors.officerA, 'contract', 'complete', f.activeA.id);
    expect(c.facts).toEqual(recountContract(f.db, f.activeA.id));
    expect(c.facts.unpaidFen).toBe(50_000_00 - 12_345_00);
    expect(c).toMatchObject({ label: f.activeA.reference, status: 'active', isPublic: true, needsReason: false });
    expect(consequencesOf(f.db, f.actors.officerA, 'contract', 'terminate', f.activeA.id).needsReason).toBe(true);
    // A cancelled draft never was public, and only its plan is dropped.
    const cancel = consequencesOf(f.db, f.actors.officerA, 'contract', 'cancel', f.pendingA.id);
    expect(cancel).toMatchObject({ isPublic: false, needsReason: true, facts: { plannedMilestones: 0 } });
    expect(Object.keys(cancel.facts)).toEqual(['plannedMilestones']);
  });

  it('a matter, a contractor, a user: running contracts, unpaid sums and open sessions equal a recount', () => {
    const f = buildFixture();
    const m = consequencesOf(f.db, f.actors.officerA, 'matter', 'withdraw', f.matterA.id);
    expect(m.facts.runningContracts).toBe(one(f.db, "select count(*) from contracts where matter_id = ? and status in ('active', 'suspended')", f.matterA.id));
    expect(m.facts.runningContracts).toBe(1);
    const k = consequencesOf(f.db, f.actors.admin, 'contractor', 'debar', f.contractorX.id);
    const running = f.db.$client.prepare("select id from contracts where contractor_id = ? and status in ('active', 'suspended')").all(f.contractorX.id) as { id: number }[];
    expect(k.facts).toEqual({
      runningContracts: running.length,
      unpaidFen: running.reduce((s, r) => s + recountContract(f.db, r.id).unpaidFen, 0),
      pendingContracts: one(f.db, "select count(*) from contracts where contractor_id = ? and status in ('draft', 'pending_approval')", f.contractorX.id),
    });
    expect(k.facts.pendingContracts).toBe(1);
    f.db.$client.prepare("insert into sessions (id, user_id, session_version, method, created_at, last_seen_at) values ('s1', ?, 1, 'password', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run(f.actors.officerB.id);
    const u = consequencesOf(f.db, f.actors.admin, 'user', 'disable', f.actors.officerB.id!);
    expect(u.facts.openSessions).toBe(one(f.db, 'select count(*) from sessions where user_id = ? and ended_at is null', f.actors.officerB.id));
    expect(u.facts.openSessions).toBe(1);
  });

  it('is refused out of scope (not found), for the wrong role, and for a step the status does not allow', () => {
    const f = buildFixture();
    expect(() => consequencesOf(f.db, f.actors.officerB, 'contract', 'complete', f.activeA.id)).toThrow(/not found/);
    expect(() => consequencesOf(f.db, f.actors.contractorX, 'contract', 'complete', f.activeA.id)).toThrow(/may not/);
    expect(() => consequencesOf(f.db, f.actors.officerA, 'contract', 'complete', f.pendingA.id)).toThrow(/cannot complete/);
    expect(() => consequencesOf(f.db, f.actors.officerA, 'contract', 'approve', f.pendingA.id)).toThrow(/needs no confirmation/);
    expect(() => consequencesOf(f.db, f.actors.officerA, 'contractor', 'debar', f.contractorX.id)).toThrow(/may not/);
    expect(() => consequencesOf(f.db, f.actors.admin, 'user', 'disable', f.actors.admin.id!)).toThrow(/themselves/);
    expect(previewConsequences(f.db, f.actors.officerB, 'matter', 'withdraw', f.matterA.id)).toBeNull();
  });
});

describe('takeConfirmedStep', () => {
  const complete = (f: ReturnType<typeof buildFixture>, confirmation?: string) =>
    takeConfirmedStep(f.db, f.actors.officerA, { subject: 'contract', step: 'complete', id: f.activeA.id, confirmation }, (tx) =>
      transitionContractInTx(tx, f.actors.officerA, { contractId: f.activeA.id, transition: 'complete' }),
    );

  it('without a confirmation, writes nothing and answers the consequences', () => {
    const f = buildFixture();
    const before = snapshot(f.db);
    const outcome = complete(f);
    expect(outcome).toMatchObject({ done: false, changed: false, consequences: { step: 'complete', facts: { unpaidFen: 50_000_00, plannedMilestones: 1 } } });
    expect(snapshot(f.db)).toBe(before);
    expect(complete(f, 'made-up').done).toBe(false);
    expect(snapshot(f.db)).toBe(before);
  });

  it('with the token of the figures shown, takes the step; with a token of figures since changed, refuses', () => {
    const f = buildFixture();
    const shown = consequencesOf(f.db, f.actors.officerA, 'contract', 'complete', f.activeA.id);
    recordPayment(f.db, f.actors.officerA, { contractId: f.activeA.id, amountFen: 100_00, paidOn: '2026-03-01' });
    const before = snapshot(f.db);
    const stale = complete(f, shown.token);
    expect(stale).toMatchObject({ done: false, changed: true, consequences: { facts: { paidFen: 100_00 } } });
    expect(snapshot(f.db)).toBe(before);
    if (stale.done) throw new Error('unreachable');
    expect(complete(f, stale.consequences.token)).toMatchObject({ done: true, result: { status: 'completed' } });
    expect(f.db.$client.prepare('select status from contracts where id = ?').pluck().get(f.activeA.id)).toBe('completed');
    expect(one(f.db, "select count(*) from audit_events where action = 'contract.completed'")).toBe(1);
  });

  it('each kind of step: refused without, taken with its token', () => {
    const f = buildFixture();
    const cases = [
      { actor: f.actors.officerA, subject: 'matter' as const, step: 'withdraw', id: f.matterA.id, run: (tx: Parameters<Parameters<typeof takeConfirmedStep>[3]>[0]) => changeMatterStatusInTx(tx, f.actors.officerA, { matterId: f.matterA.id, to: 'withdrawn', reason: '不再需要' }) },
      { actor: f.actors.admin, subject: 'contractor' as const, step: 'suspend', id: f.contractorY.id, run: (tx: Parameters<Parameters<typeof takeConfirmedStep>[3]>[0]) => changeContractorVerificationInTx(tx, f.actors.admin, { contractorId: f.contractorY.id, to: 'suspended', reason: '抽查' }) },
      { actor: f.actors.admin, subject: 'user' as const, step: 'disable', id: f.actors.evaluator.id!, run: (tx: Parameters<Parameters<typeof takeConfirmedStep>[3]>[0]) => setUserDisabledInTx(tx, f.actors.admin, { userId: f.actors.evaluator.id }, true) },
      { actor: f.actors.officerB, subject: 'contract' as const, step: 'terminate', id: f.activeB.id, run: (tx: Parameters<Parameters<typeof takeConfirmedStep>[3]>[0]) => transitionContractInTx(tx, f.actors.officerB, { contractId: f.activeB.id, transition: 'terminate', reason: '违约' }) },
    ];
    for (const c of cases) {
      const before = snapshot(f.db);
      const asked = takeConfirmedStep(f.db, c.actor, { subject: c.subject, step: c.step, id: c.id }, c.run);
      expect(asked.done, `${c.subject} ${c.step} without confirmation`).toBe(false);
      expect(snapshot(f.db)).toBe(before);
      if (asked.done) continue;
      expect(takeConfirmedStep(f.db, c.actor, { subject: c.subject, step: c.step, id: c.id, confirmation: asked.consequences.token }, c.run).done, `${c.subject} ${c.step} confirmed`).toBe(true);
      expect(snapshot(f.db)).not.toBe(before);
    }
  });
});
