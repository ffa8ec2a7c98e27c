import { describe, expect, it } from 'vitest';
import { fromProgress, progressStatuses, toIndicator } from './adapt';
import type { IndicatorProgress } from './queries';

const row = (id: number, code: string, unit: IndicatorProgress['unit'], kind: IndicatorProgress['indicator']['kind'] = 'output_quantity') =>
  ({ id, matterId: 1, code, nameZh: code, nameEn: code, unit, kind, direction: 'higher', definitionZh: '', definitionEn: '', retiredAt: null, createdAt: '', updatedAt: '' }) as IndicatorProgress['indicator'];

const progress = (target: number | null, values: [string, string, number][], unit: IndicatorProgress['unit'] = 'enterprises'): IndicatorProgress => ({
  indicator: row(1, 'inspections_done', unit),
  unit,
  aggregation: unit === 'percent' ? 'latest' : 'sum',
  target,
  periods: values.map(([periodStart, periodEnd, value], i) => ({ deliverableId: i + 1, periodStart, periodEnd, value })),
  result: null,
  share: null,
});
const term = { startDate: '2026-01-01', endDate: '2026-12-31' };

describe('from stored rows to the calculations', () => {
  it('the unit: its UN/CEFACT code and its own English name (several units share C62); yuan as CNY', () => {
    expect(toIndicator(row(1, 'a', 'enterprises'))).toMatchObject({ unitCode: 'C62', unitName: 'enterprises', aggregation: 'sum' });
    expect(toIndicator(row(1, 'a', 'households'))).toMatchObject({ unitCode: 'C62', unitName: 'households' });
    expect(toIndicator(row(1, 'a', 'kilometres'))).toMatchObject({ unitCode: 'KMT' });
    expect(toIndicator(row(1, 'a', 'yuan'))).toMatchObject({ unitCode: 'CNY' });
    // A response time is a level: the latest period stands.
    expect(toIndicator(row(1, 'a', 'hours', 'output_timeliness'))).toMatchObject({ aggregation: 'latest' });
  });

  it('progress rows: the whole-term target and one accepted observation per period', () => {
    expect(fromProgress([progress(40, [['2026-01-01', '2026-03-31', 12]])])).toMatchObject({
      targets: [{ indicatorCode: 'inspections_done', value: 40 }],
      observations: [{ indicatorCode: 'inspections_done', periodStart: '2026-01-01', periodEnd: '2026-03-31', value: 12, accepted: true }],
    });
    expect(fromProgress([progress(null, [])]).targets).toEqual([]);
  });

  it('statuses against the elapsed share of the term', () => {
    // Half the year passed (181 of 365 days): 12 of 40 is behind, 25 of 40 on track, 40 met.
    const at = (p: IndicatorProgress) => progressStatuses([p], term, '2026-06-30').get('inspections_done');
    expect(at(progress(40, [['2026-01-01', '2026-03-31', 12]]))).toBe('behind');
    expect(at(progress(40, [['2026-01-01', '2026-03-31', 12], ['2026-04-01', '2026-06-30', 13]]))).toBe('on_track');
    expect(at(progress(40, [['2026-01-01', '2026-06-30', 40]]))).toBe('met');
    expect(at(progress(40, []))).toBe('no_results');
    expect(at(progress(null, [['2026-01-01', '2026-03-31', 12]]))).toBe('no_target');
    // A share is a level: 92% against 95% is behind at any date.
    expect(progressStatuses([progress(95, [['2026-01-01', '2026-03-31', 92]], 'percent')], term, '2026-02-01').get('inspections_done')).toBe('behind');
  });
});
