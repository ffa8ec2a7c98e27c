import { unitName, units, type UnitCode } from './units';

type Named = { code: string; nameZh: string; nameEn: string; unit: UnitCode };

/** An indicator's name in the locale (English falls back to the Chinese name, marked as such). */
export function indicatorName(i: { nameZh: string; nameEn: string }, locale: string): { text: string; lang?: 'zh-CN' } {
  if (locale !== 'en') return { text: i.nameZh };
  return i.nameEn.trim() ? { text: i.nameEn } : { text: i.nameZh, lang: 'zh-CN' };
}

/** The indicators as a form offers them (app/[locale]/(staff)/desk/indicator-fields.tsx). */
export const indicatorOptions = (indicators: readonly Named[], locale: string) =>
  indicators.map((i) => ({ code: i.code, name: indicatorName(i, locale).text, unit: unitName(i.unit, locale), rule: units[i.unit].rule }));

/** A value with its unit, as the pages write it: `95.5%`, `1,200 家`, `12.5 km`. */
export function formatUnitValue(value: number, unit: UnitCode, locale: string): string {
  const n = new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 }).format(value);
  const name = unitName(unit, locale);
  return name === '%' ? `${n}%` : `${n} ${name}`;
}

/** Target values of a contract as the edit form fills them in (`code` → typed text). */
export const targetFormValues = (targets: readonly { indicator: { code: string }; target: number }[]) => Object.fromEntries(targets.map((t) => [t.indicator.code, String(t.target)]));
