import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { procurementMethods, type ProcurementMethod } from '../domain/enums';
import { calendarDays, workingDays } from './periods';
import { regionRules, regionRulesSchema } from './regions';
import { checkProcurement, hasShortPeriod, hasSingleBidder, type Procurement } from './rules';
import zhejiang from '../../config/procurement/CN-ZJ.json';

const zj = regionRules('CN-ZJ');
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A complete, unremarkable record for the method: no error, no warning below the limits. */
function valid(method: ProcurementMethod, over: Partial<Procurement> = {}): Procurement {
  const base: Procurement =
    method === 'single_source'
      ? { method, noticeDate: null, bidDeadline: null, evaluationMethod: null, numberOfTenderers: 1, tenderers: [], singleSourceGround: 'only_one_supplier', justification: '唯一具备该项检测资质的机构' }
      : {
          method,
          noticeDate: '2026-03-02',
          bidDeadline: '2026-04-01',
          evaluationMethod: method === 'competitive_negotiation' || method === 'request_for_quotations' ? 'lowest_price' : 'comprehensive_scoring',
          numberOfTenderers: 4,
          tenderers: [],
          singleSourceGround: null,
          justification: null,
        };
  return { ...base, ...over };
}
const codes = (r: { code: string }[]) => r.map((f) => f.code).sort();

describe('the Zhejiang configuration', () => {
  it('parses, cites a source for every minimum period, and covers every competitive method', () => {
    expect(() => regionRulesSchema.parse(zhejiang)).not.toThrow();
    for (const m of procurementMethods.filter((x) => x !== 'single_source')) expect(zj.minimumPeriods[m].days, m).toBeGreaterThan(0);
    expect(zj.publicTenderThresholdFen).toBe(4_000_000_00);
    expect(() => regionRules('CN-XX')).toThrow(/no procurement rules/);
  });

  it('refuses a configuration whose period cites no listed source, or whose limit exceeds the threshold', () => {
    expect(() => regionRulesSchema.parse({ ...zhejiang, sources: {} })).toThrow();
    expect(() => regionRulesSchema.parse({ ...zhejiang, procurementLimitFen: zhejiang.publicTenderThresholdFen + 1 })).toThrow();
  });
});

describe('period lengths', () => {
  it('counts calendar days without the first day, working days Monday to Friday', () => {
    expect(calendarDays('2026-03-02', '2026-03-22')).toBe(20);
    // Friday 2026-03-06 to Wednesday 2026-03-11: Mon, Tue, Wed.
    expect(workingDays('2026-03-06', '2026-03-11')).toBe(3);
    expect(workingDays('2026-03-06', '2026-03-08')).toBe(0);
    expect(workingDays('2026-03-10', '2026-03-09')).toBe(0);
  });

  it('agrees with a day-by-day count through Date for any two dates', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: -10, max: 60 }), (from, span) => {
        const to = addDays(from, span);
        let count = 0;
        for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
          const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
          if (weekday >= 1 && weekday <= 5) count++;
        }
        expect(workingDays(from, to)).toBe(count);
        expect(calendarDays(from, to)).toBe(span);
      }),
    );
  });
});

describe('checking how a contractor was chosen', () => {
  it('accepts a complete record for every method, below the limits, without warnings', () => {
    for (const m of procurementMethods) {
      const value = m === 'request_for_quotations' ? zj.procurementLimitFen - 1 : 50_000_00;
      expect(checkProcurement(valid(m), value, zj), m).toEqual({ errors: [], warnings: [] });
    }
  });

  it('refuses a single source without a legal ground or a justification, or with competitors', () => {
    expect(codes(checkProcurement(valid('single_source', { singleSourceGround: null, justification: '  ' }), 1, zj).errors)).toEqual(['ground_required', 'justification_required']);
    expect(codes(checkProcurement(valid('single_source', { numberOfTenderers: 3 }), 1, zj).errors)).toEqual(['single_source_competition']);
  });

  it('refuses a competition without its dates, bidders or evaluation method', () => {
    for (const m of procurementMethods.filter((x) => x !== 'single_source')) {
      const r = checkProcurement(valid(m, { noticeDate: null, bidDeadline: null, numberOfTenderers: null, evaluationMethod: null }), 1, zj);
      const expected = ['bid_deadline_required', 'notice_date_required', 'tenderers_required'];
      if (m === 'open_tender' || m === 'invitational_tender' || m === 'framework_agreement') expected.push('evaluation_method_required');
      expect(codes(r.errors), m).toEqual(expected.sort());
    }
    expect(codes(checkProcurement(valid('open_tender', { bidDeadline: '2026-03-01' }), 1, zj).errors)).toEqual(['deadline_before_notice']);
    expect(codes(checkProcurement(valid('open_tender', { numberOfTenderers: 0 }), 1, zj).errors)).toEqual(['tenderers_required']);
  });

  it('refuses an evaluation method the procedure does not use', () => {
    expect(codes(checkProcurement(valid('competitive_negotiation', { evaluationMethod: 'comprehensive_scoring' }), 1, zj).errors)).toEqual(['evaluation_method_mismatch']);
    expect(codes(checkProcurement(valid('competitive_consultation', { evaluationMethod: 'lowest_price' }), 1, zj).errors)).toEqual(['evaluation_method_mismatch']);
  });

  it('refuses listed bidders without exactly one awarded, or more listed than counted', () => {
    const bidder = (awarded: boolean, name = '甲') => ({ contractorId: null, name, creditCode: null, bidFen: null, awarded });
    expect(codes(checkProcurement(valid('open_tender', { tenderers: [bidder(false), bidder(false, '乙')] }), 1, zj).errors)).toEqual(['awarded_not_one']);
    expect(codes(checkProcurement(valid('open_tender', { tenderers: [bidder(true), bidder(true, '乙')] }), 1, zj).errors)).toEqual(['awarded_not_one']);
    expect(codes(checkProcurement(valid('open_tender', { numberOfTenderers: 1, tenderers: [bidder(true), bidder(false, '乙')] }), 1, zj).errors)).toEqual(['tenderers_fewer_than_listed']);
  });

  it('warns on a submission period one day short of each method’s minimum, not at the minimum', () => {
    for (const m of procurementMethods.filter((x) => x !== 'single_source')) {
      const rule = zj.minimumPeriods[m];
      // Find the earliest deadline that meets the minimum, counting in the rule's unit.
      let deadline = '2026-03-02';
      const length = (d: string) => (rule.unit === 'calendar' ? calendarDays('2026-03-02', d) : workingDays('2026-03-02', d));
      while (length(deadline) < rule.days) deadline = addDays(deadline, 1);
      const atMinimum = valid(m, { bidDeadline: deadline });
      expect(hasShortPeriod(atMinimum, zj), `${m} at the minimum`).toBe(false);
      expect(codes(checkProcurement(atMinimum, 1, zj).warnings), m).toEqual([]);
      const short = valid(m, { bidDeadline: addDays(deadline, -1) });
      expect(hasShortPeriod(short, zj), `${m} a day short`).toBe(true);
      const w = checkProcurement(short, 1, zj).warnings;
      expect(codes(w), m).toEqual(['short_period']);
      expect(w[0]!.params).toMatchObject({ minimum: rule.days, unit: rule.unit, days: rule.days - 1 });
    }
  });

  it('warns when a method other than open tender is used at or above the open-tender threshold, not below', () => {
    for (const m of procurementMethods.filter((x) => x !== 'open_tender' && x !== 'request_for_quotations')) {
      expect(codes(checkProcurement(valid(m), zj.publicTenderThresholdFen - 1, zj).warnings), m).toEqual([]);
      expect(codes(checkProcurement(valid(m), zj.publicTenderThresholdFen, zj).warnings), m).toEqual(['open_tender_required']);
    }
    expect(codes(checkProcurement(valid('open_tender'), zj.publicTenderThresholdFen * 3, zj).warnings)).toEqual([]);
  });

  it('warns on a request for quotations (a goods procedure) for a service at or above the procurement limit', () => {
    expect(codes(checkProcurement(valid('request_for_quotations'), zj.procurementLimitFen - 1, zj).warnings)).toEqual([]);
    expect(codes(checkProcurement(valid('request_for_quotations'), zj.procurementLimitFen, zj).warnings)).toEqual(['quotations_for_goods']);
  });

  it('flags a single bidder and too few bidders in a competition, never in a single source', () => {
    expect(codes(checkProcurement(valid('open_tender', { numberOfTenderers: 1 }), 1, zj).warnings)).toEqual(['single_bidder']);
    expect(hasSingleBidder(valid('open_tender', { numberOfTenderers: 1 }))).toBe(true);
    expect(codes(checkProcurement(valid('competitive_consultation', { numberOfTenderers: 2 }), 1, zj).warnings)).toEqual(['few_tenderers']);
    expect(codes(checkProcurement(valid('framework_agreement', { numberOfTenderers: 2 }), 1, zj).warnings)).toEqual([]);
    expect(hasSingleBidder(valid('single_source'))).toBe(false);
    expect(codes(checkProcurement(valid('single_source'), 1, zj).warnings)).toEqual([]);
  });
});
