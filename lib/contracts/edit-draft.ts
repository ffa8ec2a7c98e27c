import { and, eq } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { contracts, milestones } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import { diffFields } from '../audit/events';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { AppError, notFound, ruleViolation } from '../errors';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { termProblem } from './rules';
import { contractEditInput } from './schema';
import { recordProcurementInTx } from '../procurement/service';
import { contractWarnings, requireEligibleContractor } from './service';
import { setDraftTargetsInTx } from '../results/service';

type MilestoneRow = { title: string; type: 'delivery' | 'reporting' | 'payment'; dueDate: string };
const milestoneKey = (m: MilestoneRow) => JSON.stringify([m.title, m.type, m.dueDate]);
const byDue = (a: MilestoneRow, b: MilestoneRow) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title);

/**
 * Its department's officer edits a draft — never submitted, or sent back by the approver (status `draft`
 * either way) — with the drafting form's fields and checks. The matter and the renewal link stay as drafted.
 * Milestones that stay the same keep their rows; the others are removed or created. One
 * `contract.draft_edited` event records what changed (nothing changed: nothing written).
 */
export function editDraftContractInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'contract.draft');
  const data = validate(contractEditInput, input);
  const contract = tx.select().from(contracts).where(eq(contracts.id, data.contractId)).get();
  if (!contract) throw notFound('contract');
  requirePermission(actor, 'contract.draft', { departmentId: contract.departmentId });
  if (contract.status !== 'draft') throw ruleViolation('edit_only_drafts', `a ${contract.status} contract is not edited; only drafts are`, { status: contract.status });
  if (data.matterId !== contract.matterId || (data.renewalOfId ?? null) !== contract.renewalOfId) {
    throw ruleViolation('draft_matter_fixed', 'an edit keeps the matter and the renewal link of the draft');
  }
  if (data.contractorId !== contract.contractorId) requireEligibleContractor(tx, data.contractorId);
  const term = termProblem(data.startDate, data.endDate, data.justification);
  if (term) throw ruleViolation(term, `contract term: ${term}`);

  // How the contractor was chosen, checked for the edited contractor and value; stored (with its own
  // `contract.procurement_recorded` event in the history) only when it differs from what is recorded.
  const procurement =
    data.procurement === undefined
      ? null
      : recordProcurementInTx(tx, actor, { id: contract.id, departmentId: contract.departmentId, contractorId: data.contractorId, valueFen: data.valueFen }, data.procurement, { onlyIfChanged: true });

  const before = tx.select().from(milestones).where(eq(milestones.contractId, contract.id)).all();
  const beforeRows: MilestoneRow[] = before.map((m) => ({ title: m.title, type: m.type, dueDate: m.dueDate })).sort(byDue);
  const afterRows: MilestoneRow[] = data.milestones.map((m) => ({ title: m.title, type: m.type, dueDate: m.dueDate })).sort(byDue);

  const fields = {
    contractorId: data.contractorId,
    valueFen: data.valueFen,
    startDate: data.startDate,
    endDate: data.endDate,
    justification: data.justification || null,
    terms: data.terms,
    noSubcontractDeclared: data.noSubcontractDeclared,
  };
  const changes = diffFields(contract, fields);
  const milestonesChanged = JSON.stringify(beforeRows.map(milestoneKey)) !== JSON.stringify(afterRows.map(milestoneKey));
  const targetsChanged = setDraftTargetsInTx(tx, actor, contract, data.targets);
  if (Object.keys(changes).length === 0 && !milestonesChanged) return { contract, changed: targetsChanged || (procurement?.changed ?? false), warnings: contractWarnings(tx, contract), procurementWarnings: procurement?.warnings ?? [] };

  const now = nowIso();
  const updated = tx
    .update(contracts)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(contracts.id, contract.id), eq(contracts.status, 'draft')))
    .returning()
    .get();
  if (!updated) throw new AppError('stale', 'someone else changed this contract first; reload and try again');
  appendAuditEvent(tx, actor, {
    action: 'contract.draft_edited',
    entityType: 'contract',
    entityId: contract.id,
    departmentId: contract.departmentId,
    data: { changes: { ...changes, ...(milestonesChanged ? { milestones: { before: beforeRows, after: afterRows } } : {}) } },
  });

  if (milestonesChanged) {
    // Rows that stay keep their ids; a draft's milestones have no deliverables or payments yet.
    const remaining = new Map<string, number>();
    for (const m of afterRows) remaining.set(milestoneKey(m), (remaining.get(milestoneKey(m)) ?? 0) + 1);
    for (const m of before) {
      const key = milestoneKey(m);
      const left = remaining.get(key) ?? 0;
      if (left > 0) remaining.set(key, left - 1);
      else tx.delete(milestones).where(eq(milestones.id, m.id)).run();
    }
    for (const m of afterRows) {
      const key = milestoneKey(m);
      const left = remaining.get(key) ?? 0;
      if (left === 0) continue;
      remaining.set(key, left - 1);
      const row = tx.insert(milestones).values({ contractId: contract.id, ...m, createdAt: now, updatedAt: now }).returning().get();
      appendAuditEvent(tx, actor, { action: 'milestone.created', entityType: 'milestone', entityId: row.id, departmentId: contract.departmentId, data: { after: { contractId: contract.id, ...m } } });
    }
  }
  return { contract: updated, changed: true, warnings: contractWarnings(tx, updated), procurementWarnings: procurement?.warnings ?? [] };
}

export const editDraftContract = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => editDraftContractInTx(tx, actor, input));

