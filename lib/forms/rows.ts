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

/** How many milestone rows the draft contract form offers. */
export const MILESTONE_ROWS = 4;

/**
 * The milestone rows of the draft contract form (`milestones.<i>.title|type|dueDate`); rows with neither a
 * title nor a due date are skipped. The type stays as sent: an unknown one fails the schema as a field
 * error (milestones.<i>.type), it is never replaced by a default.
 */
export function milestoneRows(formData: FormData, rows = MILESTONE_ROWS): { title: string; type: string; dueDate: string }[] {
  const field = (name: string) => {
    const v = formData.get(name);
    return typeof v === 'string' ? v : '';
  };
  return Array.from({ length: rows }, (_, i) => ({ title: field(`milestones.${i}.title`), type: field(`milestones.${i}.type`), dueDate: field(`milestones.${i}.dueDate`) })).filter(
    (m) => m.title.trim() || m.dueDate.trim(),
  );
}
