// The plain inputs of the results calculations (attainment, unit cost, the OCDS metrics): what the indicator
// catalogue, the contract's targets and the accepted deliverables' values say, without the tables they are
// stored in, so that the calculations are pure and tested on their own.
//
// Dates are calendar dates (ISO `YYYY-MM-DD`, the Beijing date), periods include both ends.

/** Output (quantity, quality, timeliness, cost), effect or satisfaction: the kinds of China's performance targets (绩效目标). */
export type IndicatorKind = 'output_quantity' | 'output_quality' | 'output_timeliness' | 'output_cost' | 'effect' | 'satisfaction';
/** Whether a higher or a lower value is better (enterprises inspected: higher; response hours: lower). */
export type IndicatorDirection = 'higher' | 'lower';
/**
 * How the values reported for several periods make the result: counts add up (`sum`); levels such as
 * percentages, hours on average or satisfaction scores do not — their result is the arithmetic mean of the
 * reported values (`mean`) or the latest one (`latest`).
 */
export type IndicatorAggregation = 'sum' | 'mean' | 'latest';

export type Indicator = {
  code: string;
  nameZh: string;
  nameEn: string;
  /** UN/CEFACT Recommendation 20 common code (`C62` one, `KMT` kilometre, `P1` percent, `HUR` hour…). */
  unitCode: string;
  /** The unit's English name (open data's `unit.name`): needed because several units share a code (C62). */
  unitName?: string;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  aggregation: IndicatorAggregation;
};

/** A target agreed in the contract; without a period it is for the whole term. */
export type Target = { indicatorCode: string; periodStart?: string; periodEnd?: string; value: number };

/** A value reported in a deliverable; only accepted ones count as results. */
export type Observation = { indicatorCode: string; periodStart: string; periodEnd: string; value: number; accepted: boolean };

/** A contract's term (its period), both days included. */
export type Term = { startDate: string; endDate: string };
