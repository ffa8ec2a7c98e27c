import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractTargets, deliverableResults, deliverables, matterIndicators } from '../../db/schema';
import { aggregationOf, fromCenti, type Aggregation, type UnitCode } from './units';

export type Indicator = typeof matterIndicators.$inferSelect;

/** A matter's indicators, current ones first, then retired ones (when asked for), each in the order added. */
export function listMatterIndicators(db: Db, matterId: number, opts: { includeRetired?: boolean } = {}): Indicator[] {
  const rows = db
    .select()
    .from(matterIndicators)
    .where(and(eq(matterIndicators.matterId, matterId), opts.includeRetired ? undefined : isNull(matterIndicators.retiredAt)))
    .orderBy(asc(matterIndicators.id))
    .all();
  return [...rows.filter((r) => !r.retiredAt), ...rows.filter((r) => r.retiredAt)];
}

/** A contract's whole-term targets, in indicator order. */
export function listContractTargets(db: Db, contractId: number) {
  return db
    .select({ indicator: matterIndicators, target: contractTargets.targetCenti })
    .from(contractTargets)
    .innerJoin(matterIndicators, eq(matterIndicators.id, contractTargets.indicatorId))
    .where(eq(contractTargets.contractId, contractId))
    .orderBy(asc(matterIndicators.id))
    .all()
    .map((r) => ({ indicator: r.indicator, target: fromCenti(r.target) }));
}

/** Each deliverable's reported results (any status), by deliverable id, in indicator order: what the deliverable list shows. */
export function resultsByDeliverable(db: Db, contractId: number): Map<number, { indicator: Indicator; value: number }[]> {
  const rows = db
    .select({ deliverableId: deliverableResults.deliverableId, indicator: matterIndicators, value: deliverableResults.valueCenti })
    .from(deliverableResults)
    .innerJoin(deliverables, eq(deliverables.id, deliverableResults.deliverableId))
    .innerJoin(matterIndicators, eq(matterIndicators.id, deliverableResults.indicatorId))
    .where(eq(deliverables.contractId, contractId))
    .orderBy(asc(matterIndicators.id))
    .all();
  const out = new Map<number, { indicator: Indicator; value: number }[]>();
  for (const r of rows) {
    const list = out.get(r.deliverableId) ?? [];
    list.push({ indicator: r.indicator, value: fromCenti(r.value) });
    out.set(r.deliverableId, list);
  }
  return out;
}

export type PeriodResult = { deliverableId: number; periodStart: string; periodEnd: string; value: number };

export type IndicatorProgress = {
  indicator: Indicator;
  unit: UnitCode;
  /** How the periods' results make the result so far (lib/results/units.ts): counts add up, shares and levels do not. */
  aggregation: Aggregation;
  /** The whole-term target, or null when the contract sets none for this indicator. */
  target: number | null;
  /** Accepted results, one per accepted deliverable that reported the indicator, by period end. */
  periods: PeriodResult[];
  /** The sum (aggregation `sum`) or the latest period's value (`latest`) of the accepted results; null when none. */
  result: number | null;
  /** result ÷ target, or null without a result or a positive target. */
  share: number | null;
};

/**
 * The contract's progress per indicator: every indicator the contract has a target for, and any other the
 * contract's accepted deliverables reported. Only accepted deliverables count: submitted ones wait, returned
 * ones never count (their resubmission counts once accepted).
 *
 * Aggregation per unit (`aggregationOf` in units.ts): `sum` adds the accepted periods' values (households,
 * enterprises, cases, kilometres, hours of service, yuan…); `latest` takes the value of the accepted period
 * that ends last (a percentage; a response time in hours: they do not add up). Overlapping periods are not
 * detected.
 */
export function contractResults(db: Db, contractId: number): IndicatorProgress[] {
  const targets = listContractTargets(db, contractId);
  const accepted = db
    .select({
      deliverableId: deliverables.id,
      periodStart: deliverables.periodStart,
      periodEnd: deliverables.periodEnd,
      indicator: matterIndicators,
      value: deliverableResults.valueCenti,
    })
    .from(deliverableResults)
    .innerJoin(deliverables, eq(deliverables.id, deliverableResults.deliverableId))
    .innerJoin(matterIndicators, eq(matterIndicators.id, deliverableResults.indicatorId))
    .where(and(eq(deliverables.contractId, contractId), eq(deliverables.status, 'accepted')))
    .orderBy(asc(deliverables.periodEnd), asc(deliverables.id))
    .all();
  const byIndicator = new Map<number, IndicatorProgress>();
  const entry = (indicator: Indicator, target: number | null) => {
    let e = byIndicator.get(indicator.id);
    if (!e) {
      e = { indicator, unit: indicator.unit, aggregation: aggregationOf(indicator.unit, indicator.kind), target, periods: [], result: null, share: null };
      byIndicator.set(indicator.id, e);
    }
    return e;
  };
  for (const t of targets) entry(t.indicator, t.target);
  for (const a of accepted) entry(a.indicator, null).periods.push({ deliverableId: a.deliverableId, periodStart: a.periodStart, periodEnd: a.periodEnd, value: fromCenti(a.value) });
  for (const e of byIndicator.values()) {
    if (e.periods.length) {
      // Sums in hundredths, so 0.1 + 0.2 is 0.3.
      e.result = e.aggregation === 'sum' ? fromCenti(e.periods.reduce((s, p) => s + Math.round(p.value * 100), 0)) : e.periods[e.periods.length - 1]!.value;
    }
    e.share = e.result !== null && e.target !== null && e.target > 0 ? e.result / e.target : null;
  }
  return [...byIndicator.values()].sort((a, b) => a.indicator.id - b.indicator.id);
}

