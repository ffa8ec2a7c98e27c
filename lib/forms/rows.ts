/** How many name/value rows the indicator and score forms offer (they work without JavaScript). */
export const FORM_ROWS = 5;

/**
 * Name → value pairs from fixed form rows (`<prefix>.<i>.name`, `<prefix>.<i>.value`); rows with an empty
 * name are skipped. Values stay strings: the zod schema coerces and checks them.
 */
export function namedValueRows(formData: FormData, prefix: string, rows = FORM_ROWS): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < rows; i++) {
    const name = formData.get(`${prefix}.${i}.name`);
    const value = formData.get(`${prefix}.${i}.value`);
    if (typeof name !== 'string' || name.trim() === '') continue;
    out[name.trim()] = typeof value === 'string' ? value.trim() : '';
  }
  return out;
}
