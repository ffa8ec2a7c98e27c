import { describe, expect, it } from 'vitest';
import { listContracts } from '../contracts/queries';
import { buildFixture } from '../testing/fixture';
import { assignEvaluator } from './assignments';
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
    expect(() => assignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.evaluator.id })).toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});
