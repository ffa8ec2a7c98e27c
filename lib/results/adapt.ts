import type { Indicator as IndicatorRow, IndicatorProgress } from './queries';
import { contractAttainment, type AttainmentStatus } from './attainment';
import type { Indicator, Observation, Target, Term } from './types';
import { aggregationOf, units } from './units';

// From the stored rows (lib/results/queries.ts, the tables of migration 0014) to the plain inputs of the pure
// calculations (lib/results/types.ts): attainment, unit cost, the OCDS metrics.

/**
 * A stored indicator as the calculations see it. `unitCode` is the unit's UN/CEFACT Recommendation 20 code;
 * yuan has none (Recommendation 20 has no currencies) and gets its ISO 4217 code `CNY`. `unitName` is the
 * unit's English name from units.ts: several units share one code (households, enterprises, cases and
 * times are all `C62`), so the name goes with the indicator, not with the code.
 */
export function toIndicator(row: Pick<IndicatorRow, 'code' | 'nameZh' | 'nameEn' | 'unit' | 'kind' | 'direction'>): Indicator {
  const unit = units[row.unit];
  return {
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    unitCode: unit.rec20 ?? unit.currency ?? row.unit,
    unitName: unit.en,
    kind: row.kind,
    direction: row.direction,
    aggregation: aggregationOf(row.unit, row.kind),
  };
}

/** A contract's progress rows (`contractResults`: whole-term targets, accepted periods) as indicators, targets and observations. */
export function fromProgress(progress: readonly IndicatorProgress[]): { indicators: Indicator[]; targets: Target[]; observations: Observation[] } {
  const indicators: Indicator[] = [];
  const targets: Target[] = [];
  const observations: Observation[] = [];
  for (const p of progress) {
    indicators.push(toIndicator(p.indicator));
    if (p.target !== null) targets.push({ indicatorCode: p.indicator.code, value: p.target });
    for (const period of p.periods) observations.push({ indicatorCode: p.indicator.code, periodStart: period.periodStart, periodEnd: period.periodEnd, value: period.value, accepted: true });
  }
  return { indicators, targets, observations };
}

/**
 * Each indicator's attainment status (on track, behind…) by indicator code, for the contract's progress
 * rows: `contractAttainment` over the adapted rows, against the elapsed share of the term at `asOf`.
 */
export function progressStatuses(progress: readonly IndicatorProgress[], term: Term, asOf: string): Map<string, AttainmentStatus> {
  const { indicators, targets, observations } = fromProgress(progress);
  return new Map(contractAttainment(indicators, targets, observations, term, asOf).map((a) => [a.indicator.code, a.status]));
}
