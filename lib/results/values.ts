import { AppError } from '../errors';
import { parseUnitValue, type UnitCode } from './units';

/** The field of a value typed for an indicator in a form: `<prefix>_<code>` (target_…, result_…). */
export const valueField = (prefix: 'target' | 'result', code: string) => `${prefix}_${code}`;

/**
 * Values typed per indicator code checked against the indicators offered: an unknown code is refused, an
 * empty value skipped, every other value checked by its unit's rule. Field errors name `<prefix>_<code>`.
 */
export function checkIndicatorValues<I extends { id: number; code: string; unit: UnitCode }>(
  prefix: 'target' | 'result',
  offered: readonly I[],
  values: Record<string, string | number>,
): { indicator: I; centi: number }[] {
  const byCode = new Map(offered.map((i) => [i.code, i]));
  const fieldErrors: Record<string, string[]> = {};
  const out: { indicator: I; centi: number }[] = [];
  for (const [code, raw] of Object.entries(values)) {
    if (typeof raw === 'string' && raw.trim() === '') continue;
    const indicator = byCode.get(code);
    if (!indicator) {
      fieldErrors[valueField(prefix, code)] = ['unknown_indicator'];
      continue;
    }
    const parsed = parseUnitValue(indicator.unit, raw);
    if (!parsed.ok) fieldErrors[valueField(prefix, code)] = [parsed.problem];
    else out.push({ indicator, centi: parsed.centi });
  }
  if (Object.keys(fieldErrors).length) {
    throw new AppError('validation', `invalid indicator values: ${Object.entries(fieldErrors).map(([f, m]) => `${f} (${m.join(', ')})`).join('; ')}`, { fieldErrors });
  }
  return out;
}

/** The values of a form's `<prefix>_<code>` fields, by code. */
export function valuesFromForm(formData: FormData, prefix: 'target' | 'result'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === 'string' && k.startsWith(`${prefix}_`)) out[k.slice(prefix.length + 1)] = v;
  }
  return out;
}
