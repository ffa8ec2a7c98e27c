import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, Observation } from './types';
import {
  baselineByDepartment,
  baselineYearlyFen,
  contractCostInYear,
  contractUnitCost,
  matterBaseline,
  matterUnitCost,
  mulDivRound,
  unitCost,
  type ContractCostInput,
} from './unit-cost';

const inspected: Indicator = { code: 'enterprises_inspected', nameZh: '企业安全检查家数', nameEn: 'Enterprises given safety inspections', unitCode: 'C62', kind: 'output_quantity', direction: 'higher', aggregation: 'sum' };
const patrolKm: Indicator = { code: 'river_km', nameZh: '河道巡查公里数', nameEn: 'River patrol kilometres', unitCode: 'KMT', kind: 'output_quantity', direction: 'higher', aggregation: 'sum' };
const satisfaction: Indicator = { code: 'satisfaction', nameZh: '群众满意度', nameEn: 'Resident satisfaction', unitCode: 'P1', kind: 'satisfaction', direction: 'higher', aggregation: 'mean' };

const o = (code: string, periodEnd: string, value: number, accepted = true): Observation => ({ indicatorCode: code, periodStart: `${periodEnd.slice(0, 7)}-01`, periodEnd, value, accepted });
const contract = (reference: string, over: Partial<ContractCostInput> = {}): ContractCostInput => ({ reference, contractorId: 1, startDate: '2026-01-01', endDate: '2026-12-31', paidFen: 0, observations: [], ...over });

describe('exact rounding', () => {
  it('rounds a × b ÷ c to the nearest integer, halves up, without floating-point drift', () => {
    expect(mulDivRound(5, 1, 2)).toBe(3);
    expect(mulDivRound(7, 1, 3)).toBe(2);
    expect(mulDivRound(8, 1, 3)).toBe(3);
    expect(mulDivRound(1_000_000_00, 1, 3)).toBe(33_333_333);
    expect(mulDivRound(30_000_000, 2.5, 1)).toBe(75_000_000);
    expect(mulDivRound(1_00, 1, 0.3)).toBe(333);
    // 0.1 + 0.2 style drift: 3 × 0.35 = 1.05 exactly in decimals, rounds to 1 (not 1.0499… down).
    expect(mulDivRound(3, 0.35, 1)).toBe(1);
    expect(() => mulDivRound(1.5, 1, 1)).toThrow();
    expect(() => mulDivRound(1, 1, 0)).toThrow();
  });

  it('agrees with a rational recount on random integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 1, max: 10 ** 6 }), (a, c) => {
        const q = mulDivRound(a, 1, c);
        // q is the nearest, a tie going up: −c/2 ≤ a − q·c < c/2.
        const r = BigInt(a) - BigInt(q) * BigInt(c);
        expect(2n * r < BigInt(c) && 2n * r >= -BigInt(c)).toBe(true);
      }),
    );
  });
});

describe('cost per result', () => {
  it('paid ÷ accepted result of the main output indicator, to the nearest fen', () => {
    const c = contract('LG-1', { paidFen: 120_000_00, observations: [o(inspected.code, '2026-03-31', 100), o(inspected.code, '2026-06-30', 140), o(inspected.code, '2026-09-30', 60, false)] });
    expect(contractUnitCost(inspected, c)).toEqual({ status: 'ok', paidFen: 120_000_00, result: 240, fenPerUnit: 500_00 });
    // 100,000.00 yuan for 3 enterprises: 33,333.33 yuan each.
    expect(unitCost(100_000_00, 3)).toEqual({ status: 'ok', paidFen: 100_000_00, result: 3, fenPerUnit: 3_333_333 });
  });

  it('a decimal result (kilometres) divides exactly', () => {
    const c = contract('LG-2', { paidFen: 10_000_00, observations: [o(patrolKm.code, '2026-03-31', 12.5)] });
    expect(contractUnitCost(patrolKm, c)).toMatchObject({ status: 'ok', result: 12.5, fenPerUnit: 80_000 });
  });

  it('no results yet, nothing paid yet, no main indicator, or an indicator that is not a count: no figure, and why', () => {
    expect(contractUnitCost(inspected, contract('a', { paidFen: 5_00 }))).toEqual({ status: 'no_results', paidFen: 5_00 });
    expect(contractUnitCost(inspected, contract('b', { paidFen: 5_00, observations: [o(inspected.code, '2026-03-31', 10, false)] }))).toEqual({ status: 'no_results', paidFen: 5_00 });
    expect(contractUnitCost(inspected, contract('c', { paidFen: 5_00, observations: [o(inspected.code, '2026-03-31', 0)] }))).toEqual({ status: 'no_results', paidFen: 5_00 });
    expect(contractUnitCost(inspected, contract('d', { observations: [o(inspected.code, '2026-03-31', 10)] }))).toEqual({ status: 'nothing_paid', result: 10 });
    expect(contractUnitCost(null, contract('e', { paidFen: 5_00 }))).toEqual({ status: 'no_main_indicator' });
    expect(contractUnitCost(satisfaction, contract('f', { paidFen: 5_00, observations: [o(satisfaction.code, '2026-03-31', 90)] }))).toEqual({ status: 'not_a_count', paidFen: 5_00 });
  });

  it('a result reported for a period ending outside the term does not count (partial periods)', () => {
    const c = contract('LG-3', { startDate: '2026-02-15', endDate: '2026-08-14', paidFen: 6_000_00, observations: [o(inspected.code, '2026-02-10', 50), o(inspected.code, '2026-03-31', 20), o(inspected.code, '2026-09-30', 30)] });
    expect(contractUnitCost(inspected, c)).toMatchObject({ result: 20, fenPerUnit: 300_00 });
  });

  it('a matter pools its contracts (sums, not a mean of figures), per year and per contractor, and lists the ones left out', () => {
    const contracts = [
      contract('LG-2025-1', { contractorId: 7, startDate: '2025-01-01', endDate: '2025-12-31', paidFen: 90_000_00, observations: [o(inspected.code, '2025-12-31', 300)] }),
      contract('LG-2026-1', { contractorId: 7, paidFen: 10_000_00, observations: [o(inspected.code, '2026-03-31', 10)] }),
      contract('LG-2026-2', { contractorId: 9, paidFen: 50_000_00, observations: [o(inspected.code, '2026-03-31', 90)] }),
      contract('LG-2026-3', { contractorId: 9, paidFen: 20_000_00 }),
    ];
    const m = matterUnitCost(inspected, contracts);
    expect(m.contracts.map((c) => [c.reference, c.year, c.cost.status === 'ok' ? c.cost.fenPerUnit : c.cost.status])).toEqual([
      ['LG-2025-1', 2025, 300_00],
      ['LG-2026-1', 2026, 1_000_00],
      ['LG-2026-2', 2026, 55_556],
      ['LG-2026-3', 2026, 'no_results'],
    ]);
    // (90,000 + 10,000 + 50,000) ÷ (300 + 10 + 90) = 375 yuan; the mean of the three figures would be 618.52.
    expect(m.matter).toEqual({ cost: { status: 'ok', paidFen: 150_000_00, result: 400, fenPerUnit: 375_00 }, counted: ['LG-2025-1', 'LG-2026-1', 'LG-2026-2'], leftOut: [{ reference: 'LG-2026-3', status: 'no_results' }] });
    expect(m.byYear.map((y) => [y.year, y.cost.status === 'ok' ? y.cost.fenPerUnit : null])).toEqual([
      [2025, 300_00],
      [2026, 600_00],
    ]);
    expect(m.byContractor.map((g) => [g.contractorId, g.cost.status === 'ok' ? g.cost.fenPerUnit : null])).toEqual([
      [7, mulDivRound(100_000_00, 1, 310)],
      [9, mulDivRound(50_000_00, 1, 90)],
    ]);
    const none = matterUnitCost(inspected, [contracts[3]!]);
    expect(none.matter.cost).toEqual({ status: 'no_results', paidFen: 20_000_00 });
    expect(matterUnitCost(null, contracts).matter.cost.status).toBe('no_main_indicator');
  });
});

describe('in-house baseline', () => {
  const baseline = { staff: 2.5, yearlyCostPerPersonFen: 180_000_00, source: '龙港市2025年机关人员经费标准', year: 2025 };

  it('staff × yearly cost per person, fractional staff included', () => {
    expect(baselineYearlyFen(baseline)).toBe(450_000_00);
    expect(baselineYearlyFen({ staff: 0.333333, yearlyCostPerPersonFen: 3 })).toBe(1);
  });

  it("a contract's cost in a year: its value spread evenly over its days", () => {
    expect(contractCostInYear({ valueFen: 365_00, startDate: '2026-01-01', endDate: '2026-12-31' }, 2026)).toBe(365_00);
    expect(contractCostInYear({ valueFen: 365_00, startDate: '2026-01-01', endDate: '2026-12-31' }, 2027)).toBe(0);
    // 2026-07-01 … 2027-06-30: 184 of 365 days in 2026.
    expect(contractCostInYear({ valueFen: 100_000_00, startDate: '2026-07-01', endDate: '2027-06-30' }, 2026)).toBe(mulDivRound(100_000_00, 184, 365));
    expect(contractCostInYear({ valueFen: 100_000_00, startDate: '2026-07-01', endDate: '2027-06-30' }, 2027)).toBe(mulDivRound(100_000_00, 181, 365));
  });

  it('a matter without a baseline says so and is never estimated; totals compare only matters with one', () => {
    const rows = [
      matterBaseline({ matterCode: 'LG-ENV-001', departmentCode: 'LG-D-ENV', baseline, contracts: [{ valueFen: 300_000_00, startDate: '2026-01-01', endDate: '2026-12-31' }] }, 2026),
      matterBaseline({ matterCode: 'LG-ENV-002', departmentCode: 'LG-D-ENV', baseline: null, contracts: [{ valueFen: 80_000_00, startDate: '2026-01-01', endDate: '2026-12-31' }] }, 2026),
      matterBaseline({ matterCode: 'LG-EMG-001', departmentCode: 'LG-D-EMG', baseline: { ...baseline, staff: 1 }, contracts: [] }, 2026),
    ];
    expect(rows[0]).toMatchObject({ status: 'compared', contractsFen: 300_000_00, baselineFen: 450_000_00, differenceFen: 150_000_00 });
    expect(rows[1]).toEqual({ status: 'no_baseline', matterCode: 'LG-ENV-002', departmentCode: 'LG-D-ENV', year: 2026, contractsFen: 80_000_00 });
    expect(rows[1]).not.toHaveProperty('baselineFen');
    const { departments, city } = baselineByDepartment(rows);
    expect(departments).toEqual([
      { departmentCode: 'LG-D-ENV', matters: 2, mattersCompared: 1, mattersWithoutBaseline: 1, comparedContractsFen: 300_000_00, baselineFen: 450_000_00, differenceFen: 150_000_00, uncomparedContractsFen: 80_000_00 },
      { departmentCode: 'LG-D-EMG', matters: 1, mattersCompared: 1, mattersWithoutBaseline: 0, comparedContractsFen: 0, baselineFen: 180_000_00, differenceFen: 180_000_00, uncomparedContractsFen: 0 },
    ]);
    expect(city).toMatchObject({ matters: 3, mattersCompared: 2, comparedContractsFen: 300_000_00, baselineFen: 630_000_00, uncomparedContractsFen: 80_000_00 });
  });

  it('the city total equals the sum of its departments', () => {
    const row = fc.record({
      matterCode: fc.string({ minLength: 1, maxLength: 4 }),
      departmentCode: fc.constantFrom('A', 'B', 'C'),
      baseline: fc.option(fc.record({ staff: fc.integer({ min: 0, max: 40 }), yearlyCostPerPersonFen: fc.integer({ min: 0, max: 300_000_00 }), source: fc.constant('s'), year: fc.constant(2025) }), { nil: null }),
      contracts: fc.array(fc.record({ valueFen: fc.integer({ min: 0, max: 10 ** 9 }), startDate: fc.constant('2026-03-01'), endDate: fc.constant('2027-02-28') }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (matters) => {
        const { departments, city } = baselineByDepartment(matters.map((m) => matterBaseline(m, 2026)));
        for (const key of ['matters', 'mattersCompared', 'comparedContractsFen', 'baselineFen', 'uncomparedContractsFen'] as const) expect(departments.reduce((s, d) => s + d[key], 0)).toBe(city[key]);
        expect(city.differenceFen).toBe(city.baselineFen - city.comparedContractsFen);
      }),
    );
  });
});
