import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { parseStoredAuditEvent } from '../audit/events';
import { buildFixture, snapshot } from '../testing/fixture';
import { editDraftContract } from './edit-draft';
import { draftContract, transitionContract } from './service';

const period = { startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true as const };

function draftOf(f: ReturnType<typeof buildFixture>) {
  return draftContract(f.db, f.actors.officerA, {
    matterId: f.matterA.id,
    contractorId: f.contractorX.id,
    valueFen: 30_000_00,
    ...period,
    terms: 'first terms',
    milestones: [
      { title: 'Q1 report', type: 'reporting', dueDate: '2026-03-31' },
      { title: 'Payment', type: 'payment', dueDate: '2026-06-30' },
    ],
  }).contract;
}

const edit = (f: ReturnType<typeof buildFixture>, contractId: number, over: Record<string, unknown> = {}) => ({
  contractId,
  matterId: f.matterA.id,
  contractorId: f.contractorY.id,
  valueFen: 25_000_00,
  ...period,
  terms: 'second terms',
  milestones: [
    { title: 'Q1 report', type: 'reporting', dueDate: '2026-03-31' },
    { title: 'Final payment', type: 'payment', dueDate: '2026-12-01' },
  ],
  ...over,
});

const editEvents = (f: ReturnType<typeof buildFixture>, contractId: number) =>
  f.db.$client.prepare(`select actor_id as actorId, data from audit_events where action = 'contract.draft_edited' and entity_id = ? order by seq`).all(String(contractId)) as { actorId: number; data: string }[];

describe('editing a draft', () => {
  it('changes the draft and writes one contract.draft_edited event with the changed fields before → after', () => {
    const f = buildFixture();
    const draft = draftOf(f);
    const keptMilestone = f.db.$client.prepare(`select id from milestones where contract_id = ? and title = 'Q1 report'`).pluck().get(draft.id);
    const result = editDraftContract(f.db, f.actors.officerA, edit(f, draft.id));
    expect(result.changed).toBe(true);
    expect(result.contract).toMatchObject({ contractorId: f.contractorY.id, valueFen: 25_000_00, terms: 'second terms', status: 'draft' });
    const events = editEvents(f, draft.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(f.actors.officerA.id);
    const parsed = parseStoredAuditEvent('contract.draft_edited', events[0]!.data);
    expect(parsed?.action).toBe('contract.draft_edited');
    const changes = (parsed!.data as { changes: Record<string, { before: unknown; after: unknown }> }).changes;
    expect(Object.keys(changes).sort()).toEqual(['contractorId', 'milestones', 'terms', 'valueFen']);
    expect(changes.valueFen).toEqual({ before: 30_000_00, after: 25_000_00 });
    expect(changes.milestones!.after).toEqual([
      { title: 'Q1 report', type: 'reporting', dueDate: '2026-03-31' },
      { title: 'Final payment', type: 'payment', dueDate: '2026-12-01' },
    ]);
    // The milestone that stayed kept its row; the changed one was replaced.
    const rows = f.db.$client.prepare(`select id, title from milestones where contract_id = ? order by due_date`).all(draft.id) as { id: number; title: string }[];
    expect(rows.map((r) => r.title)).toEqual(['Q1 report', 'Final payment']);
    expect(rows[0]!.id).toBe(keptMilestone);
    expect(verifyAuditChain(f.db.$client).ok).toBe(true);
  });

  it('writes nothing when nothing changed', () => {
    const f = buildFixture();
    const draft = draftOf(f);
    const body = edit(f, draft.id, { contractorId: f.contractorX.id, valueFen: 30_000_00, terms: 'first terms', milestones: [{ title: 'Payment', type: 'payment', dueDate: '2026-06-30' }, { title: 'Q1 report', type: 'reporting', dueDate: '2026-03-31' }] });
    const before = snapshot(f.db);
    expect(editDraftContract(f.db, f.actors.officerA, body).changed).toBe(false);
    expect(snapshot(f.db)).toBe(before);
  });

  it('edits a draft the approver sent back, which then goes back to approval by resubmitting', () => {
    const f = buildFixture();
    transitionContract(f.db, f.actors.approverA, { contractId: f.pendingA.id, transition: 'return', reason: 'Lower the value' });
    editDraftContract(f.db, f.actors.officerA, edit(f, f.pendingA.id, { contractorId: f.contractorX.id, milestones: [] }));
    expect(transitionContract(f.db, f.actors.officerA, { contractId: f.pendingA.id, transition: 'submit' }).status).toBe('pending_approval');
    expect(transitionContract(f.db, f.actors.approverA, { contractId: f.pendingA.id, transition: 'approve' }).status).toBe('active');
  });

  it('only drafts: a contract awaiting approval or active is refused, and nothing changes', () => {
    const f = buildFixture();
    const before = snapshot(f.db);
    for (const c of [f.pendingA, f.activeA]) {
      expect(() => editDraftContract(f.db, f.actors.officerA, edit(f, c.id))).toThrow(expect.objectContaining({ code: 'rule', details: expect.objectContaining({ rule: 'edit_only_drafts' }) }));
    }
    expect(snapshot(f.db)).toBe(before);
  });

  it('only the own department: another department\'s officer gets not-found; contractors, auditors and evaluators are forbidden', () => {
    const f = buildFixture();
    const draft = draftOf(f);
    const before = snapshot(f.db);
    expect(() => editDraftContract(f.db, f.actors.officerB, edit(f, draft.id))).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => editDraftContract(f.db, f.actors.approverB, edit(f, draft.id))).toThrow(expect.objectContaining({ code: 'not_found' }));
    for (const a of [f.actors.contractorX, f.actors.auditor, f.actors.evaluator, f.actors.admin]) {
      expect(() => editDraftContract(f.db, a, edit(f, draft.id))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    }
    expect(snapshot(f.db)).toBe(before);
  });

  it('keeps the drafting checks: the term, milestones inside the period, an eligible contractor, the same matter', () => {
    const f = buildFixture();
    const draft = draftOf(f);
    expect(() => editDraftContract(f.db, f.actors.officerA, edit(f, draft.id, { endDate: '2027-06-30' }))).toThrow(expect.objectContaining({ details: expect.objectContaining({ rule: 'justification_required' }) }));
    expect(() => editDraftContract(f.db, f.actors.officerA, edit(f, draft.id, { milestones: [{ title: 'x', type: 'delivery', dueDate: '2027-02-01' }] }))).toThrow(/milestones\.0\.dueDate/);
    expect(() => editDraftContract(f.db, f.actors.officerA, edit(f, draft.id, { matterId: f.matterB.id }))).toThrow(expect.objectContaining({ details: expect.objectContaining({ rule: 'draft_matter_fixed' }) }));
    expect(() => editDraftContract(f.db, f.actors.officerA, edit(f, draft.id, { contractorId: 999_999 }))).toThrow(/unknown contractor/);
    expect(editEvents(f, draft.id)).toHaveLength(0);
  });

  it('an approver who edited a draft does not approve it (four eyes)', () => {
    const f = buildFixture();
    const draft = draftOf(f);
    editDraftContract(f.db, f.actors.approverA, edit(f, draft.id));
    transitionContract(f.db, f.actors.officerA, { contractId: draft.id, transition: 'submit' });
    expect(() => transitionContract(f.db, f.actors.approverA, { contractId: draft.id, transition: 'approve' })).toThrow(expect.objectContaining({ details: expect.objectContaining({ rule: 'four_eyes' }) }));
  });
});

describe('returned drafts', async () => {
  const { findReturn, listReturnedDrafts } = await import('./approval-loop');
  it('a returned draft carries the approver\'s comment until it is submitted again; other departments do not see it', () => {
    const f = buildFixture();
    expect(findReturn(f.db, f.actors.officerA, f.pendingA.id)).toBeUndefined();
    transitionContract(f.db, f.actors.approverA, { contractId: f.pendingA.id, transition: 'return', reason: 'Lower the value' });
    expect(findReturn(f.db, f.actors.officerA, f.pendingA.id)).toMatchObject({ comment: 'Lower the value', returnedBy: 'approver.a' });
    expect(listReturnedDrafts(f.db, f.actors.officerA).map((r) => r.contractId)).toEqual([f.pendingA.id]);
    expect(listReturnedDrafts(f.db, f.actors.officerB)).toEqual([]);
    expect(findReturn(f.db, f.actors.officerB, f.pendingA.id)).toBeUndefined();
    editDraftContract(f.db, f.actors.officerA, edit(f, f.pendingA.id, { contractorId: f.contractorX.id, milestones: [] }));
    expect(findReturn(f.db, f.actors.officerA, f.pendingA.id)?.comment).toBe('Lower the value');
    transitionContract(f.db, f.actors.officerA, { contractId: f.pendingA.id, transition: 'submit' });
    expect(findReturn(f.db, f.actors.officerA, f.pendingA.id)).toBeUndefined();
    expect(listReturnedDrafts(f.db, f.actors.officerA)).toEqual([]);
  });

  it('changes how the contractor was chosen with the same checks: a changed record is stored with its own event in the history, the same one writes nothing', () => {
    const f = buildFixture();
    const draft = draftOf(f);
    const procurementEvents = () => f.db.$client.prepare(`select data from audit_events where action = 'contract.procurement_recorded' and entity_id = ? order by seq`).pluck().all(String(draft.id)) as string[];
    const tender = { method: 'competitive_consultation', noticeDate: '2025-11-03', bidDeadline: '2025-11-10', evaluationMethod: 'comprehensive_scoring', numberOfTenderers: '2', tenderers: [{ contractorId: String(f.contractorY.id), awarded: true, bidFen: '2400000' }, { name: '外地某公司', awarded: false }] };
    const result = editDraftContract(f.db, f.actors.officerA, edit(f, draft.id, { procurement: tender }));
    expect(result.procurementWarnings.map((w) => w.code).sort()).toEqual(['few_tenderers', 'short_period']);
    expect(procurementEvents()).toHaveLength(1);
    expect(parseStoredAuditEvent('contract.procurement_recorded', procurementEvents()[0]!)?.data).toMatchObject({ after: { method: 'competitive_consultation', numberOfTenderers: 2, warnings: ['short_period', 'few_tenderers'] } });
    expect(f.db.$client.prepare('select name, awarded from contract_tenderers where contract_id = ? order by position').all(draft.id)).toEqual([{ name: f.contractorY.nameZh, awarded: 1 }, { name: '外地某公司', awarded: 0 }]);
    // The same record again: nothing written.
    const before = snapshot(f.db);
    expect(editDraftContract(f.db, f.actors.officerA, edit(f, draft.id, { procurement: tender })).changed).toBe(false);
    expect(snapshot(f.db)).toEqual(before);
    // The rules still refuse: a single source without its ground; nothing changes.
    expect(() => editDraftContract(f.db, f.actors.officerA, edit(f, draft.id, { procurement: { method: 'single_source' } }))).toThrow(/procurement\.singleSourceGround/);
    expect(snapshot(f.db)).toEqual(before);
    editDraftContract(f.db, f.actors.officerA, edit(f, draft.id, { procurement: { ...tender, bidDeadline: '2025-11-20', numberOfTenderers: '3' } }));
    expect(procurementEvents()).toHaveLength(2);
    expect(f.db.$client.prepare('select bid_deadline from contract_procurements where contract_id = ?').pluck().get(draft.id)).toBe('2025-11-20');
  });
});
