import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { contractors, contractProcurements, contractTenderers } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { getEnv } from '../env';
import { AppError, isAppError } from '../errors';
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
export function recordProcurementInTx(tx: Tx, actor: Actor, contract: DraftedContract, input: unknown, options: { onlyIfChanged?: boolean } = {}): ProcurementCheck & { changed: boolean } {
  requirePermission(actor, 'contract.draft', { departmentId: contract.departmentId });
  const { row, tenderers, check } = prepareProcurementInTx(tx, contract, input);
  if (options.onlyIfChanged && sameRecord(storedProcurementInTx(tx, contract.id), { row, tenderers })) return { ...check, changed: false };
  writeProcurementInTx(tx, actor, contract, { row, tenderers, check });
  return { ...check, changed: true };
}

/** The input's shape checked, its field errors named as the forms name them (`procurement.<field>`). */
function validateProcurement(input: unknown) {
  try {
    return validate(procurementInput, input);
  } catch (e) {
    if (!isAppError(e) || !e.details.fieldErrors) throw e;
    const fieldErrors = Object.fromEntries(Object.entries(e.details.fieldErrors).map(([field, messages]) => [`procurement.${field}`, messages]));
    throw new AppError('validation', e.message, { ...e.details, fieldErrors });
  }
}

export type PreparedProcurement = ReturnType<typeof prepareProcurementInTx>;

/**
 * The record an input makes for a contract (its contractor and value), checked against the rules, with nothing
 * written: field errors (`procurement.<field>`) when the rules refuse it. Used by drafting, editing a draft
 * and amendments (lib/contracts/amendments.ts), which store it when the amendment is approved.
 */
export function prepareProcurementInTx(tx: Tx, contract: DraftedContract, input: unknown) {
  const data = validateProcurement(input);
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
  return {
    check,
    tenderers,
    row: {
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
    },
  };
}

/** The stored record of a contract, in the shape `prepareProcurementInTx` gives (null: none recorded). */
export function storedProcurementInTx(tx: Tx, contractId: number): Pick<PreparedProcurement, 'row' | 'tenderers'> | null {
  const row = tx.select().from(contractProcurements).where(eq(contractProcurements.contractId, contractId)).get();
  if (!row) return null;
  const tenderers = tx
    .select({ contractId: contractTenderers.contractId, name: contractTenderers.name, creditCode: contractTenderers.creditCode, bidFen: contractTenderers.bidFen, awarded: contractTenderers.awarded, cid: contractTenderers.contractorId })
    .from(contractTenderers)
    .where(eq(contractTenderers.contractId, contractId))
    .orderBy(asc(contractTenderers.position))
    .all()
    .map((t) => ({ contractorId: t.cid, name: t.name, creditCode: t.creditCode, bidFen: t.bidFen, awarded: t.awarded }));
  return { row, tenderers };
}

export const sameRecord = (a: Pick<PreparedProcurement, 'row' | 'tenderers'> | null, b: Pick<PreparedProcurement, 'row' | 'tenderers'>): boolean =>
  a !== null && canonicalRecord(a) === canonicalRecord(b);

const canonicalRecord = ({ row, tenderers }: Pick<PreparedProcurement, 'row' | 'tenderers'>) =>
  JSON.stringify([
    [row.method, row.noticeDate, row.bidDeadline, row.evaluationMethod, row.numberOfTenderers, row.singleSourceGround, row.justification, row.procurementNoticeUrl, row.awardNoticeUrl],
    tenderers.map((t) => [t.contractorId, t.name, t.creditCode, t.bidFen, t.awarded]),
  ]);

/** Replaces a contract's record and its bidders, with one `contract.procurement_recorded` event (the warnings it drew). */
export function writeProcurementInTx(tx: Tx, actor: Actor, contract: DraftedContract, { row, tenderers, check }: PreparedProcurement) {
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
}
