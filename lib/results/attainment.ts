import type { Indicator, IndicatorAggregation, Observation, Target, Term } from './types';

// Target attainment: per indicator of a contract, the agreed target, the result so far (accepted values
// only), the share of the target, and a status at a given date. Pure: the caller reads the rows.
//
// What counts
// - Only accepted observations count; submitted and returned ones never do.
// - An observation belongs to the term, or to a target's period, when its period ends inside it (both ends
//   included): a quarterly report that ends on 2026-03-31 counts for Q1. Results are not split across
//   periods pro rata (counts are whole numbers); an observation ending outside the term is left out.
// - The result is the indicator's aggregation of the counted values: the sum (counts), the arithmetic mean
//   (percentages, hours on average, satisfaction scores), or the latest (the one whose period ends last).
// - The target for the term is the whole-term target when there is one; otherwise it is made from the
//   per-period targets by the same aggregation (sum of the periods' targets; their mean; the last period's).
//
// Elapsed share of a period at a date: the days from its start to the date, both included, over its days;
// 0 before it starts, 1 from its last day on.
//
// Statuses, in order of precedence:
// - `no_target`: no target for the indicator (the result is still given);
// - `no_results`: a target but nothing accepted yet;
// - sums, higher is better (enterprises inspected): `met` once the result reaches the target; `on_track`
//   while the result is at least the target's elapsed part (for per-period targets: the sum, over the
//   periods, of each period's target × its elapsed share, so a heavier last quarter is expected later);
//   `behind` below that.
// - sums, lower is better (a ceiling: complaints, accidents): `on_track` while the result stays within the
//   elapsed part of the ceiling (it is used no faster than the term passes); `behind` above it; `met` when
//   the term has ended within the ceiling.
// - levels (mean, latest), higher is better (share answered within 24 hours, satisfaction): the level is
//   compared with the target at any date, elapsed share plays no part — `on_track` while it is at least the
//   target, `behind` below, `met` when the term has ended at or above it.
// - levels, lower is better (average response hours): the same with "at most": `on_track` while the level
//   is at most the target, `behind` above, `met` when the term has ended at or below it.
// A target period is judged the same way within its own dates.

export type AttainmentStatus = 'met' | 'on_track' | 'behind' | 'no_target' | 'no_results';

/** From worst to best, for comparisons (`no_target`/`no_results` are not judged and rank lowest). */
export const attainmentStatusRank: Record<AttainmentStatus, number> = { no_target: -2, no_results: -1, behind: 0, on_track: 1, met: 2 };

export type PeriodAttainment = {
  periodStart: string;
  periodEnd: string;
  target: number;
  /** Null when nothing accepted counts for the period. */
  result: number | null;
  /** result ÷ target; null without a result or with a target of 0. */
  share: number | null;
  elapsedShare: number;
  status: AttainmentStatus;
};

export type Attainment = {
  indicator: Indicator;
  target: number | null;
  result: number | null;
  share: number | null;
  /** The elapsed share of the term at the date. */
  elapsedShare: number;
  /**
   * What the result is held against, as a share of the target: for sums the elapsed part of the target
   * (per-period targets weighted by their own elapsed shares); for levels 1 (the whole target, at any date).
   * Null without a target, or with a target of 0.
   */
  expectedShare: number | null;
  status: AttainmentStatus;
  /** How many accepted observations make the result. */
  counted: number;
  /** The per-period targets, in date order, each judged within its own dates; empty for a whole-term target only. */
  periods: PeriodAttainment[];
};

const DAY = 86_400_000;
const dayNumber = (date: string) => {
  const n = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(n)) throw new Error(`not a date: ${date}`);
  return n / DAY;
};

/** The days of a period, both ends included. */
export const daysIn = (start: string, end: string) => dayNumber(end) - dayNumber(start) + 1;

/** The elapsed share of a period on a date: days from its start to the date (both included) over its days, within 0 and 1. */
export function elapsedShare(start: string, end: string, asOf: string): number {
  const total = daysIn(start, end);
  if (total <= 0) throw new Error(`period ends before it starts: ${start}–${end}`);
  const passed = dayNumber(asOf) - dayNumber(start) + 1;
  return Math.min(1, Math.max(0, passed / total));
}

const within = (date: string, start: string, end: string) => date >= start && date <= end;

/** The result of some values by an aggregation; null when there is none. */
export function aggregate(observations: readonly Pick<Observation, 'periodStart' | 'periodEnd' | 'value'>[], aggregation: IndicatorAggregation): number | null {
  if (observations.length === 0) return null;
  if (aggregation === 'sum') return observations.reduce((s, o) => s + o.value, 0);
  if (aggregation === 'mean') return observations.reduce((s, o) => s + o.value, 0) / observations.length;
  // latest: the period that ends last; on the same end, the one that starts last; then the last given.
  let latest = observations[0]!;
  for (const o of observations) if (o.periodEnd > latest.periodEnd || (o.periodEnd === latest.periodEnd && o.periodStart >= latest.periodStart)) latest = o;
  return latest.value;
}

type Judged = { status: AttainmentStatus; expectedShare: number | null };

/** The status of a result against a target; `expected` is the part of the target due by the date (sums). */
function judge(indicator: Indicator, target: number | null, result: number | null, expected: number, ended: boolean): Judged {
  if (target === null) return { status: 'no_target', expectedShare: null };
  const isSum = indicator.aggregation === 'sum';
  const expectedShare = target === 0 ? null : isSum ? expected / target : 1;
  if (result === null) return { status: 'no_results', expectedShare };
  if (indicator.direction === 'higher') {
    if (isSum) return { status: result >= target ? 'met' : result >= expected ? 'on_track' : 'behind', expectedShare };
    return { status: result < target ? 'behind' : ended ? 'met' : 'on_track', expectedShare };
  }
  const allowed = isSum ? expected : target;
  if (result > target || result > allowed) return { status: 'behind', expectedShare };
  return { status: ended ? 'met' : 'on_track', expectedShare };
}

const shareOf = (result: number | null, target: number | null) => (result === null || target === null || target === 0 ? null : result / target);

/**
 * One indicator's attainment at a date. `targets` and `observations` may hold other indicators' rows (they
 * are left out). Throws on two whole-term targets or two targets for one period (storage keeps one).
 */
export function indicatorAttainment(indicator: Indicator, targets: readonly Target[], observations: readonly Observation[], term: Term, asOf: string): Attainment {
  const own = targets.filter((t) => t.indicatorCode === indicator.code);
  const whole = own.filter((t) => t.periodStart === undefined || t.periodEnd === undefined);
  if (whole.length > 1) throw new Error(`two whole-term targets for ${indicator.code}`);
  const periodTargets = own
    .filter((t): t is Target & { periodStart: string; periodEnd: string } => t.periodStart !== undefined && t.periodEnd !== undefined)
    .sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0));
  for (let i = 1; i < periodTargets.length; i++) {
    if (periodTargets[i]!.periodStart <= periodTargets[i - 1]!.periodEnd) throw new Error(`overlapping target periods for ${indicator.code}`);
  }
  const counted = observations.filter((o) => o.indicatorCode === indicator.code && o.accepted && within(o.periodEnd, term.startDate, term.endDate));

  const periods: PeriodAttainment[] = periodTargets.map((t) => {
    const inPeriod = counted.filter((o) => within(o.periodEnd, t.periodStart, t.periodEnd));
    const result = aggregate(inPeriod, indicator.aggregation);
    const elapsed = elapsedShare(t.periodStart, t.periodEnd, asOf);
    const { status } = judge(indicator, t.value, result, t.value * elapsed, elapsed >= 1);
    return { periodStart: t.periodStart, periodEnd: t.periodEnd, target: t.value, result, share: shareOf(result, t.value), elapsedShare: elapsed, status };
  });

  const termElapsed = elapsedShare(term.startDate, term.endDate, asOf);
  let target: number | null;
  let expected: number;
  if (whole[0]) {
    target = whole[0].value;
    expected = target * termElapsed;
  } else if (periods.length > 0) {
    target = aggregate(
      periods.map((p) => ({ periodStart: p.periodStart, periodEnd: p.periodEnd, value: p.target })),
      indicator.aggregation,
    );
    expected = periods.reduce((s, p) => s + p.target * p.elapsedShare, 0);
  } else {
    target = null;
    expected = 0;
  }
  const result = aggregate(counted, indicator.aggregation);
  const { status, expectedShare } = judge(indicator, target, result, expected, termElapsed >= 1);
  return { indicator, target, result, share: shareOf(result, target), elapsedShare: termElapsed, expectedShare, status, counted: counted.length, periods };
}

/** Every indicator's attainment for one contract, in the indicators' order. */
export function contractAttainment(indicators: readonly Indicator[], targets: readonly Target[], observations: readonly Observation[], term: Term, asOf: string): Attainment[] {
  return indicators.map((i) => indicatorAttainment(i, targets, observations, term, asOf));
}

/** Whether a contract is behind on any indicator (for the officer's desk). */
export const isBehind = (attainments: readonly Attainment[]) => attainments.some((a) => a.status === 'behind');
