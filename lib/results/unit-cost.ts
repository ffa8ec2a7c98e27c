import { aggregate, daysIn } from './attainment';
import type { Indicator, Observation } from './types';

// What a result costs, and what the contracts cost against doing the work in house. Pure; integer fen.
//
// Cost per result: amount paid ÷ accepted result of the matter's main output indicator (yuan per enterprise
// inspected). Only a counted indicator (aggregation `sum`) has a cost per unit; a percentage or a score has
// none. The result is the sum of the accepted values whose reporting period ends inside the contract's term
// (the same rule as attainment). A contract with nothing paid, or no accepted result yet, has no figure and
// says why — never a cost of 0 or of infinity.
// For a matter, the contracts that have a figure are pooled: their payments summed ÷ their results summed
// (not the mean of the contracts' figures, which would weigh a small contract like a large one); the
// contracts left out are listed with their reason. The same pooling per start year and per contractor makes
// contracts of different years and contractors comparable.
//
// In-house baseline: the staff the matter would take × the yearly cost of a person (with its source and
// year), against what the matter's contracts cost in a calendar year — each contract's value spread evenly
// over the days of its term, the days falling in that year counted. A matter without a recorded baseline
// has no comparison (`no_baseline`): it is never estimated. Department and city totals compare only the
// matters with a baseline, and give the contract cost of the others beside them.
//
// Rounding: every division and every multiplication by a fraction is done exactly (integers) and rounded
// once to the nearest fen, halves up; sums add the rounded figures.

/** a × b ÷ c rounded to the nearest integer, halves up; a, b, c non-negative, c > 0; b may have decimals (up to 6 places). */
export function mulDivRound(a: number, b: number, c: number): number {
  if (!Number.isInteger(a) || a < 0 || b < 0 || c <= 0) throw new Error(`mulDivRound(${a}, ${b}, ${c})`);
  const [bn, bScale] = decimal(b);
  const [cn, cScale] = decimal(c);
  // a × (bn / 10^bScale) ÷ (cn / 10^cScale) = a × bn × 10^cScale ÷ (cn × 10^bScale)
  const num = BigInt(a) * bn * 10n ** BigInt(cScale);
  const den = cn * 10n ** BigInt(bScale);
  return Number((2n * num + den) / (2n * den));
}

/** A non-negative number as an integer and a count of decimal places (exact for up to 6 places). */
function decimal(x: number): [bigint, number] {
  const text = x.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  if (Number(text) !== x) throw new Error(`more than 6 decimal places: ${x}`);
  const [whole, fraction = ''] = text.split('.');
  return [BigInt(`${whole}${fraction}`), fraction.length];
}

export type UnitCost =
  | { status: 'ok'; paidFen: number; result: number; fenPerUnit: number }
  | { status: 'no_main_indicator' }
  | { status: 'not_a_count'; paidFen: number }
  | { status: 'no_results'; paidFen: number }
  | { status: 'nothing_paid'; result: number };

/** Paid ÷ result, or why there is no figure. */
export function unitCost(paidFen: number, result: number | null): UnitCost {
  if (!Number.isInteger(paidFen) || paidFen < 0) throw new Error(`paid is not whole fen: ${paidFen}`);
  if (result === null || result <= 0) return { status: 'no_results', paidFen };
  if (paidFen === 0) return { status: 'nothing_paid', result };
  return { status: 'ok', paidFen, result, fenPerUnit: mulDivRound(paidFen, 1, result) };
}

export type ContractCostInput = {
  reference: string;
  contractorId: number;
  startDate: string;
  endDate: string;
  /** The sum of the contract's payments. */
  paidFen: number;
  /** Values reported against the contract (any indicator; only the main one's accepted values count). */
  observations: readonly Observation[];
};

/** The accepted result of an indicator in a contract's term (null: nothing accepted). */
export function acceptedResult(indicator: Indicator, contract: Pick<ContractCostInput, 'startDate' | 'endDate' | 'observations'>): number | null {
  const counted = contract.observations.filter((o) => o.indicatorCode === indicator.code && o.accepted && o.periodEnd >= contract.startDate && o.periodEnd <= contract.endDate);
  return aggregate(counted, indicator.aggregation);
}

/** One contract's cost per result of the matter's main output indicator. */
export function contractUnitCost(mainIndicator: Indicator | null, contract: ContractCostInput): UnitCost {
  if (!mainIndicator) return { status: 'no_main_indicator' };
  if (mainIndicator.aggregation !== 'sum') return { status: 'not_a_count', paidFen: contract.paidFen };
  return unitCost(contract.paidFen, acceptedResult(mainIndicator, contract));
}

export type PooledUnitCost = {
  /** Paid ÷ result over the contracts that have a figure; `no_results` when none has. */
  cost: UnitCost;
  /** The references of the contracts pooled. */
  counted: string[];
  /** The contracts left out, with the reason each has no figure. */
  leftOut: { reference: string; status: Exclude<UnitCost['status'], 'ok'> }[];
};

function pool(mainIndicator: Indicator | null, contracts: readonly ContractCostInput[]): PooledUnitCost {
  let paid = 0;
  let result = 0;
  const counted: string[] = [];
  const leftOut: PooledUnitCost['leftOut'] = [];
  for (const c of contracts) {
    const cost = contractUnitCost(mainIndicator, c);
    if (cost.status === 'ok') {
      paid += cost.paidFen;
      result += cost.result;
      counted.push(c.reference);
    } else leftOut.push({ reference: c.reference, status: cost.status });
  }
  if (!mainIndicator) return { cost: { status: 'no_main_indicator' }, counted, leftOut };
  if (mainIndicator.aggregation !== 'sum') return { cost: { status: 'not_a_count', paidFen: contracts.reduce((s, c) => s + c.paidFen, 0) }, counted, leftOut };
  return { cost: counted.length > 0 ? unitCost(paid, result) : { status: 'no_results', paidFen: contracts.reduce((s, c) => s + c.paidFen, 0) }, counted, leftOut };
}

export type MatterUnitCost = {
  mainIndicator: Indicator | null;
  contracts: { reference: string; contractorId: number; year: number; cost: UnitCost }[];
  /** All the matter's contracts pooled. */
  matter: PooledUnitCost;
  /** Pooled by the year the contract starts, in year order. */
  byYear: ({ year: number } & PooledUnitCost)[];
  /** Pooled by contractor, in the order they first appear. */
  byContractor: ({ contractorId: number } & PooledUnitCost)[];
};

const yearOf = (date: string) => Number(date.slice(0, 4));

function groupBy<K>(contracts: readonly ContractCostInput[], key: (c: ContractCostInput) => K): [K, ContractCostInput[]][] {
  const groups = new Map<K, ContractCostInput[]>();
  for (const c of contracts) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  return [...groups];
}

/** A matter's cost per result: per contract, for the matter, per start year and per contractor. */
export function matterUnitCost(mainIndicator: Indicator | null, contracts: readonly ContractCostInput[]): MatterUnitCost {
  return {
    mainIndicator,
    contracts: contracts.map((c) => ({ reference: c.reference, contractorId: c.contractorId, year: yearOf(c.startDate), cost: contractUnitCost(mainIndicator, c) })),
    matter: pool(mainIndicator, contracts),
    byYear: groupBy(contracts, (c) => yearOf(c.startDate))
      .sort((a, b) => a[0] - b[0])
      .map(([year, list]) => ({ year, ...pool(mainIndicator, list) })),
    byContractor: groupBy(contracts, (c) => c.contractorId).map(([contractorId, list]) => ({ contractorId, ...pool(mainIndicator, list) })),
  };
}

// ── In-house baseline ──────────────────────────────────────────────────────────────────────────────

export type InHouseBaseline = {
  /** Full-time staff the matter would take (may be fractional: 2.5). */
  staff: number;
  yearlyCostPerPersonFen: number;
  /** Where the figures come from (a budget document, a staffing plan). */
  source: string;
  /** The year the cost per person is for. */
  year: number;
};

/** Staff × yearly cost per person, to the nearest fen. */
export function baselineYearlyFen(b: Pick<InHouseBaseline, 'staff' | 'yearlyCostPerPersonFen'>): number {
  return mulDivRound(b.yearlyCostPerPersonFen, b.staff, 1);
}

export type ContractValueInput = { valueFen: number; startDate: string; endDate: string };

/** The part of a contract's value that falls in a calendar year: its value spread evenly over its term's days. */
export function contractCostInYear(c: ContractValueInput, year: number): number {
  const from = c.startDate > `${year}-01-01` ? c.startDate : `${year}-01-01`;
  const to = c.endDate < `${year}-12-31` ? c.endDate : `${year}-12-31`;
  if (from > to) return 0;
  return mulDivRound(c.valueFen, daysIn(from, to), daysIn(c.startDate, c.endDate));
}

export type MatterBaselineInput = { matterCode: string; departmentCode: string; baseline: InHouseBaseline | null; contracts: readonly ContractValueInput[] };

export type MatterBaselineComparison =
  | { status: 'compared'; matterCode: string; departmentCode: string; year: number; contractsFen: number; baseline: InHouseBaseline; baselineFen: number; differenceFen: number }
  | { status: 'no_baseline'; matterCode: string; departmentCode: string; year: number; contractsFen: number };

/** One matter's contracts in a year against its in-house baseline; `no_baseline` when none is recorded. */
export function matterBaseline(m: MatterBaselineInput, year: number): MatterBaselineComparison {
  const contractsFen = m.contracts.reduce((s, c) => s + contractCostInYear(c, year), 0);
  const base = { matterCode: m.matterCode, departmentCode: m.departmentCode, year, contractsFen };
  if (!m.baseline) return { status: 'no_baseline', ...base };
  const baselineFen = baselineYearlyFen(m.baseline);
  return { status: 'compared', ...base, baseline: m.baseline, baselineFen, differenceFen: baselineFen - contractsFen };
}

export type BaselineTotal = {
  matters: number;
  mattersCompared: number;
  mattersWithoutBaseline: number;
  /** Contract cost of the matters with a baseline. */
  comparedContractsFen: number;
  /** Their baselines summed. */
  baselineFen: number;
  /** baselineFen − comparedContractsFen: positive when the contracts cost less than staff would. */
  differenceFen: number;
  /** Contract cost of the matters without a baseline (not compared). */
  uncomparedContractsFen: number;
};

/** Totals over some matters' comparisons (a department's, the city's). */
export function baselineTotal(rows: readonly MatterBaselineComparison[]): BaselineTotal {
  const t: BaselineTotal = { matters: rows.length, mattersCompared: 0, mattersWithoutBaseline: 0, comparedContractsFen: 0, baselineFen: 0, differenceFen: 0, uncomparedContractsFen: 0 };
  for (const r of rows) {
    if (r.status === 'compared') {
      t.mattersCompared += 1;
      t.comparedContractsFen += r.contractsFen;
      t.baselineFen += r.baselineFen;
    } else {
      t.mattersWithoutBaseline += 1;
      t.uncomparedContractsFen += r.contractsFen;
    }
  }
  t.differenceFen = t.baselineFen - t.comparedContractsFen;
  return t;
}

/** Per department (in the order they first appear) and for the city. */
export function baselineByDepartment(rows: readonly MatterBaselineComparison[]): { departments: ({ departmentCode: string } & BaselineTotal)[]; city: BaselineTotal } {
  const groups = new Map<string, MatterBaselineComparison[]>();
  for (const r of rows) groups.set(r.departmentCode, [...(groups.get(r.departmentCode) ?? []), r]);
  return { departments: [...groups].map(([departmentCode, list]) => ({ departmentCode, ...baselineTotal(list) })), city: baselineTotal(rows) };
}
