import fc from 'fast-check';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { systemActor, type Actor } from '../auth/actor';
import { createUser } from '../users/service';
import { can } from '../auth/permissions';
import { verifyAuditChain } from '../audit/verify';
import type { ContractStatus } from '../domain/enums';
import { isAppError } from '../errors';
import { buildFixture } from '../testing/fixture';
import { decideAmendment, requestAmendment } from './amendments';
import { contractTransitionNames, contractTransitions, nextContractStatus, type ContractTransition } from './rules';
import { draftContract, recordPayment, transitionContract } from './service';

const period = { startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true as const };

describe('contract use cases', () => {
  it('an approver cannot approve their own draft (four eyes)', () => {
    const f = buildFixture();
    const { contract } = draftContract(f.db, f.actors.approverA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 100, ...period });
    transitionContract(f.db, f.actors.approverA, { contractId: contract.id, transition: 'submit' });
    expect(() => transitionContract(f.db, f.actors.approverA, { contractId: contract.id, transition: 'approve' })).toThrow(/drafted/);
  });

  it('an officer of another department gets not-found, and nothing changes', () => {
    const f = buildFixture();
    const before = f.db.$client.prepare('select count(*) from audit_events').pluck().get();
    expect(() => transitionContract(f.db, f.actors.officerB, { contractId: f.activeA.id, transition: 'suspend', reason: 'x' })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(f.db.$client.prepare('select count(*) from audit_events').pluck().get()).toBe(before);
  });

  it('refuses terms over a year without justification and over three years at all', () => {
    const f = buildFixture();
    const base = { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 100, noSubcontractDeclared: true as const };
    expect(() => draftContract(f.db, f.actors.officerA, { ...base, startDate: '2026-01-01', endDate: '2027-06-30' })).toThrow(expect.objectContaining({ details: expect.objectContaining({ rule: 'justification_required' }) }));
    expect(draftContract(f.db, f.actors.officerA, { ...base, startDate: '2026-01-01', endDate: '2027-06-30', justification: '稳定持续服务，三年预算已落实' }).contract.status).toBe('draft');
    expect(() => draftContract(f.db, f.actors.officerA, { ...base, startDate: '2026-01-01', endDate: '2029-06-30', justification: 'x' })).toThrow(expect.objectContaining({ details: expect.objectContaining({ rule: 'term_too_long' }) }));
  });

  it('requires the no-subcontracting declaration and a positive value', () => {
    const f = buildFixture();
    expect(() => draftContract(f.db, f.actors.officerA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 100, startDate: '2026-01-01', endDate: '2026-12-31' })).toThrow(/noSubcontractDeclared/);
    expect(() => draftContract(f.db, f.actors.officerA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 0, ...period })).toThrow(/valueFen/);
  });

  it('warns, without refusing, about budget overruns and overlapping contracts', () => {
    const f = buildFixture();
    const { warnings } = draftContract(f.db, f.actors.officerA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 200_000_00, ...period });
    expect(warnings).toEqual(['over_annual_budget', 'overlapping_contract']);
  });

  it('numbers contracts readably and uniquely per year', () => {
    const f = buildFixture();
    const refs = [0, 1, 2].map(() => draftContract(f.db, f.actors.officerA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 1, ...period }).contract.reference);
    expect(refs).toEqual(['LG-2026-0004', 'LG-2026-0005', 'LG-2026-0006']);
  });

  it('never lets payments exceed the contract value; a paid payment milestone becomes met', () => {
    const f = buildFixture();
    const milestoneId = f.db.$client.prepare('select id from milestones where contract_id = ?').pluck().get(f.activeA.id) as number;
    recordPayment(f.db, f.actors.officerA, { contractId: f.activeA.id, amountFen: 40_000_00, paidOn: '2026-07-01', milestoneId });
    expect(f.db.$client.prepare('select status from milestones where id = ?').pluck().get(milestoneId)).toBe('met');
    expect(() => recordPayment(f.db, f.actors.officerA, { contractId: f.activeA.id, amountFen: 10_000_01, paidOn: '2026-07-02' })).toThrow(expect.objectContaining({ details: expect.objectContaining({ rule: 'overpayment' }) }));
    recordPayment(f.db, f.actors.officerA, { contractId: f.activeA.id, amountFen: 10_000_00, paidOn: '2026-07-02' });
  });

  it('applies an approved amendment and keeps the previous values; the requester cannot approve it', () => {
    const f = buildFixture();
    const a = requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, newValueFen: 60_000_00, rationale: '服务范围扩大' });
    expect(() => decideAmendment(f.db, f.actors.officerA, { amendmentId: a.id, decision: 'approve' })).toThrow();
    decideAmendment(f.db, f.actors.approverA, { amendmentId: a.id, decision: 'approve' });
    expect(f.db.$client.prepare('select value_fen from contracts where id = ?').pluck().get(f.activeA.id)).toBe(60_000_00);
    expect(f.db.$client.prepare('select previous_value_fen, status from amendments where id = ?').get(a.id)).toEqual({ previous_value_fen: 50_000_00, status: 'approved' });
    expect(verifyAuditChain(f.db.$client).ok).toBe(true);
  });
});

describe('two approvals racing', () => {
  it('exactly one of two approvers approves; the other is told someone else was first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'race-'));
    const file = path.join(dir, 'race.db');
    const f = buildFixture(openDatabase(file));
    const second = createUser(f.db, systemActor('test'), { email: 'approver2.a@test.example', name: 'approver2', role: 'approver', departmentId: f.deptA.id });
    const approvers: Actor[] = [f.actors.approverA, { ...f.actors.approverA, id: second.id, name: 'approver2' }];
    f.db.$client.close();
    // Two processes, each with its own connection, released at the same instant.
    const startAt = Date.now() + 2500;
    const results = await Promise.all(
      approvers.map(
        (actor) =>
          new Promise<string>((resolve, reject) => {
            execFile(
              path.join(process.cwd(), 'node_modules', '.bin', 'tsx'),
              [path.join(process.cwd(), 'lib', 'contracts', 'race-worker.ts'), file, JSON.stringify(actor), String(f.pendingA.id), String(startAt)],
              { env: { ...process.env, CONTRACT_PREFIX: 'LG' } },
              (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
            );
          }),
      ),
    );
    expect(results.sort()).toEqual(['stale', 'won']);
    const db = openDatabase(file, { migrate: false });
    expect(db.$client.prepare('select status from contracts where id = ?').pluck().get(f.pendingA.id)).toBe('active');
    expect(db.$client.prepare(`select count(*) from audit_events where action = 'contract.approved' and entity_id = ?`).pluck().get(String(f.pendingA.id))).toBe(1);
    expect(verifyAuditChain(db.$client).ok).toBe(true);
  }, 30_000);
});

describe('the lifecycle against a reference model', () => {
  it('accepts every legal step and refuses every illegal one over 10,000 random steps', () => {
    const f = buildFixture();
    const actorNames = Object.keys(f.actors) as (keyof typeof f.actors)[];
    const model = new Map<number, { status: ContractStatus; departmentId: number; draftedBy: number }>();
    const track = (id: number) => {
      const r = f.db.$client.prepare('select status, department_id as departmentId, drafted_by as draftedBy from contracts where id = ?').get(id) as { status: ContractStatus; departmentId: number; draftedBy: number };
      model.set(id, r);
    };
    for (const id of [f.activeA.id, f.pendingA.id, f.activeB.id]) track(id);
    let steps = 0;
    let accepted = 0;

    const step = fc.record({
      who: fc.constantFrom(...actorNames),
      transition: fc.constantFrom(...contractTransitionNames),
      pick: fc.nat(),
      withReason: fc.boolean(),
      draftNew: fc.integer({ min: 0, max: 9 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 100, maxLength: 100 }), (batch) => {
        for (const s of batch) {
          const actor = f.actors[s.who];
          if (s.draftNew === 0) {
            const matter = actor.departmentId === f.deptB.id ? f.matterB : f.matterA;
            if (can(actor, 'contract.draft', { departmentId: matter.departmentId })) {
              const { contract } = draftContract(f.db, actor, { matterId: matter.id, contractorId: matter === f.matterB ? f.contractorY.id : f.contractorX.id, valueFen: 100, ...period });
              track(contract.id);
            }
            continue;
          }
          const ids = [...model.keys()];
          const id = ids[s.pick % ids.length]!;
          const c = model.get(id)!;
          const t = s.transition as ContractTransition;
          const rule = contractTransitions[t];
          const to = nextContractStatus(c.status, t);
          const legal =
            to !== null &&
            can(actor, rule.permission, { departmentId: c.departmentId }) &&
            (rule.needs === null || s.withReason) &&
            !(t === 'approve' && actor.id === c.draftedBy);
          let ok = true;
          try {
            transitionContract(f.db, actor, { contractId: id, transition: t, ...(s.withReason ? { reason: '理由' } : {}) });
          } catch (e) {
            if (!isAppError(e)) throw e;
            ok = false;
          }
          steps++;
          if (ok) accepted++;
          if (ok !== legal) throw new Error(`${s.who} ${t} on ${c.status}: model says ${legal}, service said ${ok}`);
          if (ok) c.status = to!;
          const stored = f.db.$client.prepare('select status from contracts where id = ?').pluck().get(id);
          if (stored !== c.status) throw new Error(`status drifted: ${stored} vs ${c.status}`);
        }
      }),
      { numRuns: 120 },
    );
    expect(steps).toBeGreaterThanOrEqual(9_000);
    expect(accepted).toBeGreaterThan(100);
    expect(verifyAuditChain(f.db.$client).ok).toBe(true);
    console.log(`contract lifecycle property: ${steps} steps, ${accepted} accepted, 0 disagreements with the model`);
  }, 120_000);
});
