import { describe, expect, it } from 'vitest';
import { listContracts } from '../contracts/queries';
import { buildFixture } from '../testing/fixture';
import { assignEvaluator, unassignEvaluator } from './assignments';
import { recordEvaluation } from './service';

const scores = { timeliness: 92, quality: 85 };
const period = { periodStart: '2026-01-01', periodEnd: '2026-06-30' };

describe('third-party evaluators see and evaluate only assigned contracts', () => {
  it('an unassigned evaluator sees nothing and may evaluate nothing', () => {
    const f = buildFixture();
    expect(listContracts(f.db, f.actors.evaluator)).toEqual([]);
    expect(() => recordEvaluation(f.db, f.actors.evaluator, { contractId: f.activeA.id, evaluatorKind: 'third_party', ...period, scores })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('after an admin assigns one contract, the evaluator sees and evaluates that one only, as third party', () => {
    const f = buildFixture();
    assignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.evaluator.id });
    expect(listContracts(f.db, f.actors.evaluator).map((c) => c.id)).toEqual([f.activeA.id]);
    const row = recordEvaluation(f.db, f.actors.evaluator, { contractId: f.activeA.id, evaluatorKind: 'third_party', ...period, scores });
    expect(row).toMatchObject({ overallScore: 89, grade: 'good', evaluatorKind: 'third_party' });
    expect(() => recordEvaluation(f.db, f.actors.evaluator, { contractId: f.activeB.id, evaluatorKind: 'third_party', ...period, scores })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => recordEvaluation(f.db, f.actors.evaluator, { contractId: f.activeA.id, evaluatorKind: 'department', ...period, scores })).toThrow(expect.objectContaining({ code: 'validation' }));
    const events = f.db.$client.prepare(`select action from audit_events where action in ('evaluator.assigned', 'evaluation.recorded') order by seq`).pluck().all();
    expect(events).toEqual(['evaluator.assigned', 'evaluation.recorded']);
  });

  it('only admins assign, only users with the evaluator role, once per contract', () => {
    const f = buildFixture();
    for (const who of [f.actors.officerA, f.actors.approverA, f.actors.auditor, f.actors.contractorX, f.actors.evaluator]) {
      expect(() => assignEvaluator(f.db, who, { contractId: f.activeA.id, userId: f.actors.evaluator.id }), who.name).toThrow(expect.objectContaining({ code: 'forbidden' }));
    }
    expect(() => assignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.officerA.id })).toThrow(expect.objectContaining({ code: 'validation' }));
    assignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.evaluator.id });
    expect(() => assignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.evaluator.id })).toThrow(
      expect.objectContaining({ code: 'rule', details: expect.objectContaining({ rule: 'transition_not_allowed' }) }),
    );
  });

  it('an admin withdraws an assignment: the evaluator no longer sees the contract, the evaluation already made stays, the trail says so', () => {
    const f = buildFixture();
    assignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.evaluator.id });
    recordEvaluation(f.db, f.actors.evaluator, { contractId: f.activeA.id, evaluatorKind: 'third_party', ...period, scores });
    for (const who of [f.actors.officerA, f.actors.approverA, f.actors.auditor, f.actors.evaluator]) {
      expect(() => unassignEvaluator(f.db, who, { contractId: f.activeA.id, userId: f.actors.evaluator.id })).toThrow(expect.objectContaining({ code: 'forbidden' }));
    }
    unassignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.evaluator.id });
    expect(listContracts(f.db, f.actors.evaluator)).toEqual([]);
    expect(() => recordEvaluation(f.db, f.actors.evaluator, { contractId: f.activeA.id, evaluatorKind: 'third_party', ...period, scores })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(f.db.$client.prepare('select count(*) from evaluations where contract_id = ?').pluck().get(f.activeA.id)).toBe(1);
    expect(() => unassignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.evaluator.id })).toThrow(expect.objectContaining({ code: 'not_found' }));
    const last = f.db.$client.prepare(`select action, entity_type, entity_id, data from audit_events order by seq desc limit 1`).get();
    expect(last).toEqual({ action: 'evaluator.unassigned', entity_type: 'contract', entity_id: String(f.activeA.id), data: JSON.stringify({ before: { contractId: f.activeA.id, userId: f.actors.evaluator.id } }) });
  });
});
