/** How many name/value rows the indicator and score forms offer (they work without JavaScript). */
export const FORM_ROWS = 5;

/**
 * Name → value pairs from fixed form rows (`<prefix>.<i>.name`, `<prefix>.<i>.value`); rows with an empty
 * name are skipped. Values stay strings for the zod schema to coerce and check; a blank value is left
 * undefined so that it fails as "not a number" instead of being coerced to 0.
 */
export function namedValueRows(formData: FormData, prefix: string, rows = FORM_ROWS): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (let i = 0; i < rows; i++) {
    const name = formData.get(`${prefix}.${i}.name`);
    const value = formData.get(`${prefix}.${i}.value`);
    if (typeof name !== 'string' || name.trim() === '') continue;
    out[name.trim()] = typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }
  return out;
}
