/**
 * The units an indicator is measured in, with their names, their UN/CEFACT Recommendation 20 common code (for
 * open data: the OCDS Metrics extension's `unit.scheme` is `UNCEFACT`, its `unit.id` the common code) and the
 * rule a reported or target value must follow.
 *
 * Codes from UNECE Recommendation No. 20, "Codes for Units of Measure Used in International Trade", Annex II/III
 * (Rev. 17, 2021; https://unece.org/trade/uncefact/cl-recommendations): C62 "one" (a unit of count, used for
 * counted things that have no code of their own: households, enterprises, cases, times), IE "person", H87
 * "piece", KMT "kilometre", MTR "metre", MTK "square metre", TNE "tonne (metric ton)", P1 "percent", HUR "hour",
 * DAY "day", MIN "minute". Recommendation 20 has no currency units: yuan is ISO 4217 `CNY` (UN/ECE
 * Recommendation 9), kept as `rec20: null` with `currency: 'CNY'`.
 *
 * Values are stored as integer hundredths (`value_centi`, like money in fen), so every rule below is exact.
 */
export const unitCodes = [
  'households',
  'enterprises',
  'people',
  'cases',
  'times',
  'items',
  'kilometres',
  'metres',
  'square_metres',
  'tonnes',
  'percent',
  'hours',
  'days',
  'minutes',
  'yuan',
] as const;
export type UnitCode = (typeof unitCodes)[number];

/** How a value of the unit is written: whole counts, a share 0–100 (two decimals), or a measure with at most two decimals. */
export type ValueRule = 'count' | 'percent' | 'decimal2';

/**
 * How results of the unit add up over a contract's reporting periods (docs/results.md):
 * `sum` — counts and measures of work done add up (enterprises inspected, kilometres patrolled);
 * `latest` — a share or a level does not add up: the latest accepted period's value stands (a % answered on
 * time, a satisfaction rate; an average response time in hours, see aggregationOf).
 */
export type Aggregation = 'sum' | 'latest';

export type UnitDef = { zh: string; en: string; rec20: string | null; currency?: 'CNY'; rule: ValueRule; aggregation: Aggregation };

export const units: Record<UnitCode, UnitDef> = {
  households: { zh: '户', en: 'households', rec20: 'C62', rule: 'count', aggregation: 'sum' },
  enterprises: { zh: '家', en: 'enterprises', rec20: 'C62', rule: 'count', aggregation: 'sum' },
  people: { zh: '人', en: 'people', rec20: 'IE', rule: 'count', aggregation: 'sum' },
  cases: { zh: '件', en: 'cases', rec20: 'C62', rule: 'count', aggregation: 'sum' },
  times: { zh: '次', en: 'times', rec20: 'C62', rule: 'count', aggregation: 'sum' },
  items: { zh: '个', en: 'items', rec20: 'H87', rule: 'count', aggregation: 'sum' },
  kilometres: { zh: '公里', en: 'km', rec20: 'KMT', rule: 'decimal2', aggregation: 'sum' },
  metres: { zh: '米', en: 'm', rec20: 'MTR', rule: 'decimal2', aggregation: 'sum' },
  square_metres: { zh: '平方米', en: 'm²', rec20: 'MTK', rule: 'decimal2', aggregation: 'sum' },
  tonnes: { zh: '吨', en: 'tonnes', rec20: 'TNE', rule: 'decimal2', aggregation: 'sum' },
  percent: { zh: '%', en: '%', rec20: 'P1', rule: 'percent', aggregation: 'latest' },
  // Hours, days and minutes of service add up; as a timeliness indicator (a response time) they do not: aggregationOf.
  hours: { zh: '小时', en: 'hours', rec20: 'HUR', rule: 'decimal2', aggregation: 'sum' },
  days: { zh: '天', en: 'days', rec20: 'DAY', rule: 'decimal2', aggregation: 'sum' },
  minutes: { zh: '分钟', en: 'minutes', rec20: 'MIN', rule: 'decimal2', aggregation: 'sum' },
  yuan: { zh: '元', en: 'yuan', rec20: null, currency: 'CNY', rule: 'decimal2', aggregation: 'sum' },
};

const durations: readonly UnitCode[] = ['hours', 'days', 'minutes'];

/**
 * How an indicator's period results make its result so far: by its unit, except that a duration measuring
 * timeliness (hours to answer a complaint) is a level, so the latest period stands, like a percentage.
 */
export function aggregationOf(unit: UnitCode, kind: string): Aggregation {
  if (durations.includes(unit) && kind === 'output_timeliness') return 'latest';
  return units[unit].aggregation;
}

export const isUnitCode = (u: string): u is UnitCode => Object.hasOwn(units, u);

/** The unit's name in the locale. */
export const unitName = (unit: UnitCode, locale: string) => (locale === 'en' ? units[unit].en : units[unit].zh);

/** The largest value any unit takes (a count of a billion), in hundredths. */
const MAX_CENTI = 1e11;

/** Why a typed value breaks the unit's rule (a message key of the `results` namespace), or null. */
export type ValueProblem = 'result_number' | 'result_negative' | 'result_whole' | 'result_percent' | 'result_decimals' | 'result_too_large';

/**
 * A typed value as integer hundredths, checked by the unit's rule: counts whole, percent 0–100, measures with
 * at most two decimals; never negative. Accepts full-width digits and grouping commas (`1,200`, `１，２００`).
 */
export function parseUnitValue(unit: UnitCode, raw: string | number): { ok: true; centi: number } | { ok: false; problem: ValueProblem } {
  const text = String(raw)
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    // Grouping commas, as in money (lib/shared/zod.ts yuanAsFen): 1,200 is twelve hundred.
    .replace(/[,，]/g, '');
  if (/^-/.test(text)) return { ok: false, problem: 'result_negative' };
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return { ok: false, problem: 'result_number' };
  const decimals = m[2] ?? '';
  const rule = units[unit].rule;
  if (rule === 'count' && /[1-9]/.test(decimals)) return { ok: false, problem: 'result_whole' };
  if (decimals.replace(/0+$/, '').length > 2) return { ok: false, problem: 'result_decimals' };
  const centi = Number(m[1]) * 100 + Number((decimals + '00').slice(0, 2));
  if (!Number.isSafeInteger(centi) || centi > MAX_CENTI) return { ok: false, problem: 'result_too_large' };
  if (rule === 'percent' && centi > 10000) return { ok: false, problem: 'result_percent' };
  return { ok: true, centi };
}

/** Hundredths back to a number (`12345` → 123.45). */
export const fromCenti = (centi: number) => centi / 100;
