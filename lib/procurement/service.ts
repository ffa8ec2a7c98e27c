import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { contractors, contractProcurements, contractTenderers } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { validate } from '../shared/validate';
import { regionRules } from './regions';
import { checkProcurement, type Procurement, type ProcurementCheck } from './rules';
import { procurementInput } from './schema';

type DraftedContract = { id: number; departmentId: number; contractorId: number; valueFen: number };

/**
 * Records how a draft's contractor was chosen, inside the draft's transaction (lib/contracts/service.ts):
 * refused with field errors (`procurement.<field>`) when the rules say so, otherwise stored with its bidders
 * and the warnings it drew, in one audit event. Registered bidders are named and coded from the register,
 * whatever the form said; the awarded bidder must be the contract's contractor.
 */
export function recordProcurementInTx(tx: Tx, actor: Actor, contract: DraftedContract, input: unknown): ProcurementCheck {
  requirePermission(actor, 'contract.draft', { departmentId: contract.departmentId });
  const data = validate(procurementInput, input);
  const registeredIds = [...new Set([contract.contractorId, ...data.tenderers.flatMap((t) => (t.contractorId ? [t.contractorId] : []))])];
  const register = new Map(tx.select({ id: contractors.id, name: contractors.nameZh, creditCode: contractors.creditCode }).from(contractors).where(inArray(contractors.id, registeredIds)).all().map((c) => [c.id, c]));
  const fieldErrors: Record<string, string[]> = {};
  const tenderers = data.tenderers.map((t, i) => {
    const known = t.contractorId ? register.get(t.contractorId) : undefined;
    if (t.contractorId && !known) (fieldErrors[`procurement.tenderers.${i}.contractorId`] ??= []).push('unknown_contractor');
    return { contractorId: known?.id ?? null, name: known?.name ?? t.name ?? '', creditCode: known?.creditCode ?? t.creditCode ?? null, bidFen: t.bidFen ?? null, awarded: t.awarded };
  });
  const supplier = register.get(contract.contractorId);
  tenderers.forEach((t, i) => {
    const isContractor = t.contractorId === contract.contractorId || (t.creditCode !== null && t.creditCode === supplier?.creditCode);
    if (t.awarded && !isContractor) (fieldErrors[`procurement.tenderers.${i}.awarded`] ??= []).push('procurement_awarded_not_contractor');
  });
  const procurement: Procurement = {
    method: data.method,
    noticeDate: data.noticeDate ?? null,
    bidDeadline: data.bidDeadline ?? null,
    evaluationMethod: data.evaluationMethod ?? null,
    numberOfTenderers: data.method === 'single_source' ? (data.numberOfTenderers ?? 1) : (data.numberOfTenderers ?? null),
    singleSourceGround: data.singleSourceGround ?? null,
    justification: data.justification ?? null,
    tenderers,
  };
  const check = checkProcurement(procurement, contract.valueFen, regionRules(getEnv().PROCUREMENT_REGION));
  for (const e of check.errors) (fieldErrors[`procurement.${e.field}`] ??= []).push(`procurement_${e.code}`);
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError('validation', `procurement: ${Object.entries(fieldErrors).map(([f, m]) => `${f} (${m.join(', ')})`).join('; ')}`, { fieldErrors });
  }
  const row = {
    contractId: contract.id,
    method: procurement.method,
    noticeDate: procurement.noticeDate,
    bidDeadline: procurement.bidDeadline,
    evaluationMethod: procurement.evaluationMethod,
    numberOfTenderers: procurement.numberOfTenderers,
    singleSourceGround: procurement.singleSourceGround,
    justification: procurement.justification,
    procurementNoticeUrl: data.procurementNoticeUrl ?? null,
    awardNoticeUrl: data.awardNoticeUrl ?? null,
  };
  tx.delete(contractTenderers).where(eq(contractTenderers.contractId, contract.id)).run();
  tx.insert(contractProcurements).values(row).onConflictDoUpdate({ target: contractProcurements.contractId, set: row }).run();
  tenderers.forEach((t, position) => tx.insert(contractTenderers).values({ contractId: contract.id, position, ...t }).run());
  appendAuditEvent(tx, actor, {
    action: 'contract.procurement_recorded',
    entityType: 'contract',
    entityId: contract.id,
    departmentId: contract.departmentId,
    data: { after: { ...row, tenderers, warnings: check.warnings.map((w) => w.code) } },
  });
  return check;
}
