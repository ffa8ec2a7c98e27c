import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, attainmentStatusRank, contractAttainment, elapsedShare, indicatorAttainment, isBehind } from './attainment';
import type { Indicator, Observation, Target } from './types';

const term = { startDate: '2026-01-01', endDate: '2026-12-31' };
const inspected: Indicator = { code: 'enterprises_inspected', nameZh: '企业安全检查家数', nameEn: 'Enterprises given safety inspections', unitCode: 'C62', kind: 'output_quantity', direction: 'higher', aggregation: 'sum' };
const answered: Indicator = { code: 'answered_24h', nameZh: '24 小时内响应投诉比例', nameEn: 'Complaints answered within 24 hours', unitCode: 'P1', kind: 'output_timeliness', direction: 'higher', aggregation: 'mean' };
const responseHours: Indicator = { code: 'response_hours', nameZh: '平均响应时长', nameEn: 'Average response time', unitCode: 'HUR', kind: 'output_timeliness', direction: 'lower', aggregation: 'mean' };
const complaints: Indicator = { code: 'complaints', nameZh: '有效投诉件数', nameEn: 'Valid complaints', unitCode: 'C62', kind: 'effect', direction: 'lower', aggregation: 'sum' };
const satisfaction: Indicator = { code: 'satisfaction', nameZh: '群众满意度', nameEn: 'Resident satisfaction', unitCode: 'P1', kind: 'satisfaction', direction: 'higher', aggregation: 'latest' };

const q = (n: 1 | 2 | 3 | 4) => ({ periodStart: ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'][n - 1]!, periodEnd: ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][n - 1]! });
const obs = (indicator: Indicator, quarter: 1 | 2 | 3 | 4, value: number, accepted = true): Observation => ({ indicatorCode: indicator.code, ...q(quarter), value, accepted });
const whole = (indicator: Indicator, value: number): Target => ({ indicatorCode: indicator.code, value });

describe('elapsed share of a period', () => {
  it('counts the days from the start to the date, both included, within 0 and 1', () => {
    expect(elapsedShare('2026-01-01', '2026-12-31', '2025-12-31')).toBe(0);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-01-01')).toBeCloseTo(1 / 365);
    expect(elapsedShare('2026-01-01', '2026-01-10', '2026-01-05')).toBe(0.5);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-12-31')).toBe(1);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2027-06-01')).toBe(1);
    expect(() => elapsedShare('2026-02-01', '2026-01-01', '2026-01-15')).toThrow();
  });
});

describe('aggregation', () => {
  it('sums counts, averages levels, takes the latest by period end', () => {
    const rows = [obs(inspected, 2, 30), obs(inspected, 1, 10)];
    expect(aggregate(rows, 'sum')).toBe(40);
    expect(aggregate(rows, 'mean')).toBe(20);
    expect(aggregate(rows, 'latest')).toBe(30);
    expect(aggregate([], 'sum')).toBeNull();
  });
});

describe('attainment of one indicator', () => {
  it('no target: the result is given, the status says there is no target', () => {
    const a = indicatorAttainment(inspected, [], [obs(inspected, 1, 40)], term, '2026-06-30');
    expect(a).toMatchObject({ target: null, result: 40, share: null, expectedShare: null, status: 'no_target', counted: 1 });
  });

  it('no results yet: a target but nothing accepted (submitted and returned values do not count)', () => {
    const a = indicatorAttainment(inspected, [whole(inspected, 400)], [obs(inspected, 1, 120, false)], term, '2026-04-15');
    expect(a).toMatchObject({ target: 400, result: null, share: null, status: 'no_results', counted: 0 });
  });

  it('a count, higher is better: on track at or above the elapsed part of the target, behind below it, met on reaching it', () => {
    const targets = [whole(inspected, 400)];
    // 2026-06-30 is day 181 of 365: 198.4 enterprises are due.
    expect(indicatorAttainment(inspected, targets, [obs(inspected, 1, 100), obs(inspected, 2, 99)], term, '2026-06-30')).toMatchObject({ result: 199, share: 199 / 400, status: 'on_track' });
    expect(indicatorAttainment(inspected, targets, [obs(inspected, 1, 100), obs(inspected, 2, 98)], term, '2026-06-30')).toMatchObject({ result: 198, status: 'behind' });
    expect(indicatorAttainment(inspected, targets, [obs(inspected, 1, 250), obs(inspected, 2, 150)], term, '2026-06-30')).toMatchObject({ result: 400, share: 1, status: 'met' });
    const a = indicatorAttainment(inspected, targets, [obs(inspected, 1, 100)], term, '2026-06-30');
    expect(a.expectedShare).toBeCloseTo(181 / 365);
    expect(a.elapsedShare).toBeCloseTo(181 / 365);
  });

  it('per-period targets: each quarter judged in its own dates; the term target is their sum and a heavier last quarter is expected later', () => {
    const targets: Target[] = [
      { indicatorCode: inspected.code, ...q(1), value: 50 },
      { indicatorCode: inspected.code, ...q(2), value: 50 },
      { indicatorCode: inspected.code, ...q(3), value: 50 },
      { indicatorCode: inspected.code, ...q(4), value: 250 },
    ];
    const a = indicatorAttainment(inspected, targets, [obs(inspected, 1, 60), obs(inspected, 2, 45)], term, '2026-06-30');
    expect(a.target).toBe(400);
    // Due by the end of June: the first two quarters' 100, not 400 × 181/365.
    expect(a.expectedShare).toBe(100 / 400);
    expect(a.status).toBe('on_track');
    expect(a.periods.map((p) => [p.periodStart, p.result, p.status])).toEqual([
      ['2026-01-01', 60, 'met'],
      ['2026-04-01', 45, 'behind'],
      ['2026-07-01', null, 'no_results'],
      ['2026-10-01', null, 'no_results'],
    ]);
  });

  it('partial periods: a term that starts mid-quarter, a quarter half gone, a report that straddles two quarters', () => {
    const shortTerm = { startDate: '2026-02-15', endDate: '2026-12-31' };
    const targets: Target[] = [
      { indicatorCode: inspected.code, periodStart: '2026-02-15', periodEnd: '2026-03-31', value: 20 },
      { indicatorCode: inspected.code, ...q(2), value: 60 },
    ];
    // The report 2026-03-16 … 2026-04-15 ends in Q2: it counts there, whole.
    const straddling: Observation = { indicatorCode: inspected.code, periodStart: '2026-03-16', periodEnd: '2026-04-15', value: 30, accepted: true };
    const a = indicatorAttainment(inspected, targets, [{ ...straddling, periodStart: '2026-02-15', periodEnd: '2026-03-15', value: 20 }, straddling], shortTerm, '2026-05-16');
    // Q2: 46 of its 91 days are gone on 2026-05-16, so 60 × 46/91 = 30.3 are due; 30 is behind.
    expect(a.periods.map((p) => [p.result, p.status])).toEqual([
      [20, 'met'],
      [30, 'behind'],
    ]);
    expect(a.periods[1]!.elapsedShare).toBeCloseTo(46 / 91);
    // A report that ends before the term starts is outside it.
    const early = indicatorAttainment(inspected, targets, [{ ...straddling, periodStart: '2026-01-01', periodEnd: '2026-02-14' }], shortTerm, '2026-05-16');
    expect(early).toMatchObject({ result: null, status: 'no_results', counted: 0 });
  });

  it('a level, higher is better: the mean compared with the target at any date, met once the term has ended', () => {
    const targets = [whole(answered, 95)];
    expect(indicatorAttainment(answered, targets, [obs(answered, 1, 96), obs(answered, 2, 95)], term, '2026-07-10')).toMatchObject({ result: 95.5, status: 'on_track', expectedShare: 1 });
    expect(indicatorAttainment(answered, targets, [obs(answered, 1, 96), obs(answered, 2, 93)], term, '2026-07-10')).toMatchObject({ result: 94.5, status: 'behind' });
    expect(indicatorAttainment(answered, targets, [obs(answered, 1, 96), obs(answered, 4, 97)], term, '2027-01-10')).toMatchObject({ result: 96.5, status: 'met' });
  });

  it('the latest value: satisfaction is the last survey, not their mean', () => {
    const a = indicatorAttainment(satisfaction, [whole(satisfaction, 90)], [obs(satisfaction, 2, 80), obs(satisfaction, 1, 99)], term, '2026-07-10');
    expect(a).toMatchObject({ result: 80, status: 'behind' });
  });

  it('a level, lower is better (response hours): on track at or under the target, behind above it, met under it at the end', () => {
    const targets = [whole(responseHours, 4)];
    expect(indicatorAttainment(responseHours, targets, [obs(responseHours, 1, 3), obs(responseHours, 2, 5)], term, '2026-07-10')).toMatchObject({ result: 4, share: 1, status: 'on_track' });
    expect(indicatorAttainment(responseHours, targets, [obs(responseHours, 1, 3), obs(responseHours, 2, 6)], term, '2026-07-10')).toMatchObject({ result: 4.5, status: 'behind' });
    expect(indicatorAttainment(responseHours, targets, [obs(responseHours, 1, 3)], term, '2027-01-01')).toMatchObject({ result: 3, share: 0.75, status: 'met' });
  });

  it('a count, lower is better (a ceiling): on track while used no faster than the term passes, behind above, met within it at the end', () => {
    const targets = [whole(complaints, 12)];
    // 2026-06-30: 181/365 of 12 = 5.95 complaints allowed so far.
    expect(indicatorAttainment(complaints, targets, [obs(complaints, 1, 3), obs(complaints, 2, 2)], term, '2026-06-30').status).toBe('on_track');
    expect(indicatorAttainment(complaints, targets, [obs(complaints, 1, 3), obs(complaints, 2, 3)], term, '2026-06-30').status).toBe('behind');
    expect(indicatorAttainment(complaints, targets, [obs(complaints, 1, 3), obs(complaints, 4, 9)], term, '2027-01-01').status).toBe('met');
    expect(indicatorAttainment(complaints, targets, [obs(complaints, 1, 3), obs(complaints, 4, 10)], term, '2027-01-01').status).toBe('behind');
    // Zero allowed: any complaint is behind; none is on track; the share has no meaning.
    expect(indicatorAttainment(complaints, [whole(complaints, 0)], [obs(complaints, 1, 0)], term, '2026-06-30')).toMatchObject({ status: 'on_track', share: null });
    expect(indicatorAttainment(complaints, [whole(complaints, 0)], [obs(complaints, 1, 1)], term, '2026-06-30').status).toBe('behind');
  });

  it('refuses two whole-term targets and overlapping target periods', () => {
    expect(() => indicatorAttainment(inspected, [whole(inspected, 1), whole(inspected, 2)], [], term, '2026-06-30')).toThrow(/two whole-term/);
    const overlapping: Target[] = [
      { indicatorCode: inspected.code, periodStart: '2026-01-01', periodEnd: '2026-06-30', value: 1 },
      { indicatorCode: inspected.code, periodStart: '2026-06-30', periodEnd: '2026-12-31', value: 1 },
    ];
    expect(() => indicatorAttainment(inspected, overlapping, [], term, '2026-06-30')).toThrow(/overlapping/);
  });

  it('a contract: every indicator in order, and whether it is behind on any', () => {
    const list = contractAttainment([inspected, answered], [whole(inspected, 400), whole(answered, 95)], [obs(inspected, 1, 10), obs(answered, 1, 99)], term, '2026-06-30');
    expect(list.map((a) => [a.indicator.code, a.status])).toEqual([
      ['enterprises_inspected', 'behind'],
      ['answered_24h', 'on_track'],
    ]);
    expect(isBehind(list)).toBe(true);
  });
});

describe('properties', () => {
  // Mostly inside the term (where on track and behind differ), sometimes after it.
  const date = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 364 }) }, { weight: 1, arbitrary: fc.integer({ min: 365, max: 500 }) }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const quarter = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);
  const values = fc.array(fc.record({ quarter, value: fc.integer({ min: 0, max: 300 }), accepted: fc.boolean() }), { maxLength: 8 });
  const indicatorOf = (direction: 'higher' | 'lower', aggregation: 'sum' | 'mean' | 'latest'): Indicator => ({ ...inspected, direction, aggregation });
  const rank = (i: Indicator, target: number, rows: Observation[], asOf: string) => attainmentStatusRank[indicatorAttainment(i, [whole(i, target)], rows, term, asOf).status];
  const toObs = (i: Indicator, rows: { quarter: 1 | 2 | 3 | 4; value: number; accepted: boolean }[]) => rows.map((r) => obs(i, r.quarter, r.value, r.accepted));

  it('more accepted output never makes a higher-is-better count go from on track (or met) to behind', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 800 }), date, quarter, fc.integer({ min: 0, max: 200 }), (rows, target, asOf, extraQuarter, extra) => {
        const i = indicatorOf('higher', 'sum');
        const before = indicatorAttainment(i, [whole(i, target)], toObs(i, rows), term, asOf).status;
        const after = indicatorAttainment(i, [whole(i, target)], [...toObs(i, rows), obs(i, extraQuarter, extra)], term, asOf).status;
        if (before === 'on_track' || before === 'met') expect(after).not.toBe('behind');
        if (before === 'met') expect(after).toBe('met');
      }),
      { numRuns: 2000 },
    );
  });

  it('a better value never makes the status worse, for every direction and aggregation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('higher' as const, 'lower' as const),
        fc.constantFrom('sum' as const, 'mean' as const, 'latest' as const),
        values.filter((v) => v.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 1000 }),
        date,
        (direction, aggregation, rows, pick, delta, target, asOf) => {
          const i = indicatorOf(direction, aggregation);
          const list = toObs(i, rows);
          const k = pick % list.length;
          const improved = list.map((o, j) => (j === k ? { ...o, value: direction === 'higher' ? o.value + delta : Math.max(0, o.value - delta) } : o));
          expect(rank(i, target, improved, asOf)).toBeGreaterThanOrEqual(rank(i, target, list, asOf));
        },
      ),
    );
  });

  it('values not accepted never change anything', () => {
    fc.assert(
      fc.property(fc.constantFrom('sum' as const, 'mean' as const, 'latest' as const), values, fc.integer({ min: 0, max: 1000 }), date, (aggregation, rows, target, asOf) => {
        const i = indicatorOf('higher', aggregation);
        const all = toObs(i, rows);
        expect(indicatorAttainment(i, [whole(i, target)], all, term, asOf)).toEqual(indicatorAttainment(i, [whole(i, target)], all.filter((o) => o.accepted), term, asOf));
      }),
    );
  });

  it('for a count, time passing never turns behind into on track; the share is the result over the target', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 1000 }), date, date, (rows, target, d1, d2) => {
        const i = indicatorOf('higher', 'sum');
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const a = indicatorAttainment(i, [whole(i, target)], toObs(i, rows), term, early);
        const b = indicatorAttainment(i, [whole(i, target)], toObs(i, rows), term, late);
        if (a.status === 'behind') expect(b.status).toBe('behind');
        if (a.result !== null) expect(a.share).toBe(a.result / target);
      }),
    );
  });
});
