import { and, asc, eq, isNull, or, inArray, sql } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { amendmentTargets, contracts, contractTargets, deliverableResults, deliverables, matterIndicators, matters } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { diffFields } from '../audit/events';
import { AppError, notFound } from '../errors';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { indicatorAddInput, indicatorEditInput, indicatorRetireInput } from './schema';
import { fromCenti, type UnitCode } from './units';
import { checkIndicatorValues } from './values';

// The indicator catalogue of a matter, kept by the matter's department (permission matter.edit in its scope).

function loadIndicatorInScope(tx: Tx, actor: Actor, indicatorId: number) {
  const found = tx
    .select({ indicator: matterIndicators, departmentId: matters.departmentId })
    .from(matterIndicators)
    .innerJoin(matters, eq(matters.id, matterIndicators.matterId))
    .where(eq(matterIndicators.id, indicatorId))
    .get();
  if (!found) throw notFound('indicator');
  requirePermission(actor, 'matter.edit', { departmentId: found.departmentId });
  return found;
}

/**
 * A new indicator of a matter. Deliverables of the matter's contracts that reported the same code in the
 * old free indicator field (`deliverables.indicators`, JSON) get it as a result, if the value fits the unit:
 * that is how indicator data typed before the catalogue migrates (docs/results.md).
 */
export function addIndicatorInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'matter.edit');
  const data = validate(indicatorAddInput, input);
  const matter = tx.select().from(matters).where(eq(matters.id, data.matterId)).get();
  if (!matter) throw notFound('matter');
  requirePermission(actor, 'matter.edit', { departmentId: matter.departmentId });
  if (tx.select({ id: matterIndicators.id }).from(matterIndicators).where(and(eq(matterIndicators.matterId, matter.id), eq(matterIndicators.code, data.code))).get()) {
    throw new AppError('conflict', `indicator ${data.code} exists`, { fieldErrors: { code: ['duplicate'] } });
  }
  const now = nowIso();
  const row = tx.insert(matterIndicators).values({ ...data, createdAt: now, updatedAt: now }).returning().get();
  const migrated = migrateLegacyValues(tx, row);
  appendAuditEvent(tx, actor, {
    action: 'indicator.added',
    entityType: 'matter',
    entityId: matter.id,
    departmentId: matter.departmentId,
    data: { after: { indicatorId: row.id, ...data }, ...(migrated ? { migratedResults: migrated } : {}) },
  });
  return row;
}

/** Copies legacy `deliverables.indicators` values under the new indicator's code into results; returns how many. */
function migrateLegacyValues(tx: Tx, indicator: typeof matterIndicators.$inferSelect): number {
  const legacy = tx
    .select({ id: deliverables.id, value: sql<unknown>`json_extract(${deliverables.indicators}, '$.' || ${indicator.code})` })
    .from(deliverables)
    .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
    .where(and(eq(contracts.matterId, indicator.matterId), sql`json_valid(${deliverables.indicators})`, sql`json_type(${deliverables.indicators}, '$.' || ${indicator.code}) in ('integer', 'real')`))
    .all();
  let n = 0;
  for (const d of legacy) {
    try {
      const [v] = checkIndicatorValues('result', [indicator], { [indicator.code]: Number(d.value) });
      tx.insert(deliverableResults).values({ deliverableId: d.id, indicatorId: indicator.id, valueCenti: v!.centi }).onConflictDoNothing().run();
      n++;
    } catch {
      // a legacy value that breaks the unit's rule stays where it was, unread
    }
  }
  return n;
}

export function editIndicatorInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'matter.edit');
  const data = validate(indicatorEditInput, input);
  const { indicator, departmentId } = loadIndicatorInScope(tx, actor, data.indicatorId);
  const { indicatorId, ...next } = data;
  const changes = diffFields(indicator, next);
  if (Object.keys(changes).length === 0) return indicator;
  tx.update(matterIndicators).set({ ...next, updatedAt: nowIso() }).where(eq(matterIndicators.id, indicatorId)).run();
  appendAuditEvent(tx, actor, { action: 'indicator.updated', entityType: 'matter', entityId: indicator.matterId, departmentId, data: { indicatorId, code: indicator.code, nameZh: indicator.nameZh, nameEn: indicator.nameEn, changes } });
  return tx.select().from(matterIndicators).where(eq(matterIndicators.id, indicatorId)).get()!;
}

/** Retired: offered to no new contract or report; targets and results already recorded stay. */
export function retireIndicatorInTx(tx: Tx, actor: Actor, input: unknown) {
  requirePermission(actor, 'matter.edit');
  const data = validate(indicatorRetireInput, input);
  const { indicator, departmentId } = loadIndicatorInScope(tx, actor, data.indicatorId);
  if (indicator.retiredAt) throw new AppError('stale', 'this indicator was retired already');
  const now = nowIso();
  const changed = tx.update(matterIndicators).set({ retiredAt: now, updatedAt: now }).where(and(eq(matterIndicators.id, indicator.id), isNull(matterIndicators.retiredAt))).run();
  if (changed.changes !== 1) throw new AppError('stale', 'this indicator was retired already');
  appendAuditEvent(tx, actor, { action: 'indicator.retired', entityType: 'matter', entityId: indicator.matterId, departmentId, data: { indicatorId: indicator.id, code: indicator.code, nameZh: indicator.nameZh, nameEn: indicator.nameEn } });
  return { matterId: indicator.matterId };
}

export const addIndicator = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => addIndicatorInTx(tx, actor, input));
export const editIndicator = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => editIndicatorInTx(tx, actor, input));
export const retireIndicator = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => retireIndicatorInTx(tx, actor, input));

// Targets and results, written inside the contract's and the deliverable's own use cases.

/** The indicators a new or edited contract of the matter may set targets for: the matter's current ones. */
export function activeIndicators(tx: Tx | Db, matterId: number) {
  return tx
    .select()
    .from(matterIndicators)
    .where(and(eq(matterIndicators.matterId, matterId), isNull(matterIndicators.retiredAt)))
    .orderBy(asc(matterIndicators.id))
    .all();
}

/**
 * The indicators a contract's deliverable may report: those the contract has a target for, and the matter's
 * current ones (a contract drafted before its matter had indicators can still report against them).
 */
export function reportableIndicators(tx: Tx | Db, contract: { id: number; matterId: number }) {
  const targeted = tx.select({ id: contractTargets.indicatorId }).from(contractTargets).where(eq(contractTargets.contractId, contract.id));
  return tx
    .select()
    .from(matterIndicators)
    .where(and(eq(matterIndicators.matterId, contract.matterId), or(isNull(matterIndicators.retiredAt), inArray(matterIndicators.id, targeted))))
    .orderBy(asc(matterIndicators.id))
    .all();
}

export type TargetEntry = { indicatorId: number; code: string; nameZh: string; nameEn: string; unit: UnitCode; target: number };
type Checked = { indicator: { id: number; code: string; nameZh: string; nameEn: string; unit: UnitCode }; centi: number };
const named = (i: Checked['indicator']) => ({ indicatorId: i.id, code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, unit: i.unit });

/** Checked targets (by code, as typed) for a contract of the matter; an unknown or retired code is refused. */
export function checkTargets(tx: Tx, matterId: number, values: Record<string, string | number> | undefined) {
  if (!values || Object.keys(values).length === 0) return [];
  return checkIndicatorValues('target', activeIndicators(tx, matterId), values);
}

export const targetEntries = (checked: Checked[]): TargetEntry[] => checked.map((c) => ({ ...named(c.indicator), target: fromCenti(c.centi) }));
export const resultEntries = (checked: Checked[]) => checked.map((c) => ({ ...named(c.indicator), value: fromCenti(c.centi) }));

/** The contract's targets as they stand (for the audit trail's before → after). */
export function storedTargets(tx: Tx | Db, contractId: number): TargetEntry[] {
  return tx
    .select({ indicator: matterIndicators, centi: contractTargets.targetCenti })
    .from(contractTargets)
    .innerJoin(matterIndicators, eq(matterIndicators.id, contractTargets.indicatorId))
    .where(eq(contractTargets.contractId, contractId))
    .orderBy(asc(contractTargets.indicatorId))
    .all()
    .map((t) => ({ ...named(t.indicator), target: fromCenti(t.centi) }));
}

/**
 * Sets a draft's targets from what the form sent (inside the draft's or the edit's transaction), with one
 * `contract.targets_set` event when they change. `values` left out: the targets stay as they are.
 */
export function setDraftTargetsInTx(tx: Tx, actor: Actor, contract: { id: number; matterId: number; departmentId: number }, values: Record<string, string | number> | undefined): boolean {
  if (values === undefined) return false;
  const checked = checkTargets(tx, contract.matterId, values);
  const before = storedTargets(tx, contract.id);
  const after = targetEntries(checked).sort((a, b) => a.indicatorId - b.indicatorId);
  if (JSON.stringify(before) === JSON.stringify(after)) return false;
  replaceTargets(tx, contract.id, checked);
  appendAuditEvent(tx, actor, { action: 'contract.targets_set', entityType: 'contract', entityId: contract.id, departmentId: contract.departmentId, data: { before, after } });
  return true;
}

/** Replaces a contract's targets (a draft's own write, or an approved amendment's). */
export function replaceTargets(tx: Tx, contractId: number, checked: { indicator: { id: number }; centi: number }[]) {
  tx.delete(contractTargets).where(eq(contractTargets.contractId, contractId)).run();
  for (const c of checked) tx.insert(contractTargets).values({ contractId, indicatorId: c.indicator.id, targetCenti: c.centi }).run();
}

/** The targets an amendment would set, stored with it until it is decided. */
export function storeAmendmentTargets(tx: Tx, amendmentId: number, checked: { indicator: { id: number }; centi: number }[]) {
  for (const c of checked) tx.insert(amendmentTargets).values({ amendmentId, indicatorId: c.indicator.id, targetCenti: c.centi }).run();
}

export function amendmentTargetRows(tx: Tx | Db, amendmentId: number) {
  return tx.select().from(amendmentTargets).where(eq(amendmentTargets.amendmentId, amendmentId)).all();
}

/** Checked results (by code) for a deliverable of the contract. */
export function checkResults(tx: Tx, contract: { id: number; matterId: number }, values: Record<string, string | number>) {
  return checkIndicatorValues('result', reportableIndicators(tx, contract), values);
}

export function storeResults(tx: Tx, deliverableId: number, checked: { indicator: { id: number }; centi: number }[]) {
  for (const c of checked) tx.insert(deliverableResults).values({ deliverableId, indicatorId: c.indicator.id, valueCenti: c.centi }).run();
}
