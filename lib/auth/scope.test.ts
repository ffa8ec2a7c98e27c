import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contractors, contracts, deliverables, matters } from '../../db/schema';
import { assignEvaluator } from '../evaluations/assignments';
import { buildFixture } from '../testing/fixture';
import { publicActor, systemActor } from './actor';
import { contractorScope, contractScope, deliverableScope, isFourEyesViolation, isInScope, matterScope } from './scope';

describe('scope: one home for who sees which records', () => {
  const f = buildFixture();
  const { actors } = f;
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  const contractIds = (actor: typeof actors.admin) => ids(f.db.select({ id: contracts.id }).from(contracts).where(contractScope(actor)).all());
  const all = ids([f.activeA, f.pendingA, f.activeB]);

  it('contracts: officers their department, contractors their own approved ones, evaluators their assigned approved ones, readers all', () => {
    expect(contractIds(actors.officerA)).toEqual(ids([f.activeA, f.pendingA]));
    expect(contractIds(actors.approverB)).toEqual(ids([f.activeB]));
    expect(contractIds(actors.contractorX)).toEqual(ids([f.activeA]));
    expect(contractIds(actors.evaluator)).toEqual([]);
    for (const reader of [actors.admin, actors.auditor, systemActor()]) expect(contractIds(reader)).toEqual(all);
    expect(contractIds(publicActor)).toEqual([]);
  });

  it('matters: officers their department; contractors, evaluators and the public none', () => {
    const matterIds = (actor: typeof actors.admin) => ids(f.db.select({ id: matters.id }).from(matters).where(matterScope(actor)).all());
    expect(matterIds(actors.officerA)).toEqual([f.matterA.id]);
    expect(matterIds(actors.auditor)).toEqual(ids([f.matterA, f.matterB]));
    for (const outsider of [actors.contractorX, actors.evaluator, publicActor]) expect(matterIds(outsider)).toEqual([]);
  });

  it('the register: staff readers see every contractor, a contractor only itself', () => {
    const contractorIds = (actor: typeof actors.admin) => ids(f.db.select({ id: contractors.id }).from(contractors).where(contractorScope(actor)).all());
    expect(contractorIds(actors.officerB)).toEqual(ids([f.contractorX, f.contractorY]));
    expect(contractorIds(actors.contractorY)).toEqual([f.contractorY.id]);
    expect(contractorIds(actors.evaluator)).toEqual([]);
  });

  it('deliverables: the contractor’s own, the department’s, an assigned evaluator’s', () => {
    const deliverableIds = (actor: typeof actors.admin) =>
      ids(f.db.select({ id: deliverables.id }).from(deliverables).innerJoin(contracts, eq(contracts.id, deliverables.contractId)).where(deliverableScope(actor)).all());
    expect(deliverableIds(actors.contractorX)).toEqual([f.deliverableA.id]);
    expect(deliverableIds(actors.officerB)).toEqual([f.deliverableB.id]);
    expect(deliverableIds(actors.evaluator)).toEqual([]);
    expect(deliverableIds(actors.auditor)).toEqual(ids([f.deliverableA, f.deliverableB]));
  });

  it('deliverables follow their contract: whoever no longer sees the contract no longer sees its deliverables or their files', () => {
    const g = buildFixture();
    const deliverableIds = (actor: typeof actors.admin) =>
      ids(g.db.select({ id: deliverables.id }).from(deliverables).innerJoin(contracts, eq(contracts.id, deliverables.contractId)).where(deliverableScope(actor)).all());
    assignEvaluator(g.db, g.actors.admin, { contractId: g.activeA.id, userId: g.actors.evaluator.id });
    expect(deliverableIds(g.actors.evaluator)).toEqual([g.deliverableA.id]);
    // A state no use case reaches (a contract back in the office with a deliverable on it): the stricter rule holds.
    g.db.$client.prepare(`update contracts set status = 'draft' where id = ?`).run(g.activeA.id);
    expect(deliverableIds(g.actors.contractorX)).toEqual([]);
    expect(deliverableIds(g.actors.evaluator)).toEqual([]);
    expect(deliverableIds(g.actors.officerA)).toEqual([g.deliverableA.id]);
  });

  it('a record read by a use case: in scope by department, organization or assignment', () => {
    expect(isInScope(actors.officerA, { departmentId: f.deptA.id })).toBe(true);
    expect(isInScope(actors.officerA, { departmentId: f.deptB.id })).toBe(false);
    expect(isInScope(actors.contractorX, { contractorId: f.contractorY.id })).toBe(false);
    expect(isInScope(actors.evaluator, { departmentId: f.deptA.id })).toBe(false);
    expect(isInScope(actors.evaluator, { evaluatorIds: [actors.evaluator.id!] })).toBe(true);
    expect(isInScope(actors.admin, { departmentId: f.deptB.id })).toBe(true);
  });

  it('four eyes: nobody approves what they drafted; the system is nobody', () => {
    expect(isFourEyesViolation(actors.approverA, actors.approverA.id)).toBe(true);
    expect(isFourEyesViolation(actors.approverA, actors.officerA.id)).toBe(false);
    expect(isFourEyesViolation(systemActor(), null)).toBe(false);
  });
});
