import { z } from 'zod';
import { AppError } from '../errors';

/** Parses input with a zod schema; a failure becomes a `validation` AppError with field → message keys. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : '_form';
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new AppError('validation', `invalid input: ${Object.entries(fieldErrors).map(([f, m]) => `${f} (${m.join(', ')})`).join('; ')}`, { fieldErrors });
}
