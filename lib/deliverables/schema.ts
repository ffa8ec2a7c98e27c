import { z } from 'zod';
import { isoDate, optionalText, requiredText, text } from '../shared/zod';
import { valuesByCode } from '../results/schema';

export const indicatorValues = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,49}$/, 'indicator_name'), z.coerce.number().int('integer').min(0, 'negative').max(1e9, 'too_large'))
  .refine((r) => Object.keys(r).length <= 30, 'too_many');

export const deliverableInput = z
  .object({
    contractId: z.coerce.number().int().positive(),
    milestoneId: z.coerce.number().int().positive().optional(),
    title: requiredText(200),
    periodStart: isoDate,
    periodEnd: isoDate,
    description: optionalText(8000),
    /** Results per indicator code of the contract (lib/results), as typed; checked by unit in the use case. */
    results: valuesByCode.default({}),
    supersedesId: z.coerce.number().int().positive().optional(),
  })
  .refine((d) => d.periodEnd >= d.periodStart, { path: ['periodEnd'], message: 'period_order' });

/**
 * Field errors when a reporting period is not within the contract's term (both ends inclusive), or null.
 * The messages name the term: pass `{ start, end }` as the error's params.
 */
export function periodTermErrors(period: { periodStart: string; periodEnd: string }, term: { startDate: string; endDate: string }): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  if (period.periodStart < term.startDate) errors.periodStart = ['before_contract_start'];
  if (period.periodEnd > term.endDate) errors.periodEnd = ['after_contract_end'];
  return Object.keys(errors).length ? errors : null;
}

export const deliverableReviewInput = z
  .object({
    deliverableId: z.coerce.number().int().positive(),
    decision: z.enum(['accept', 'return'], { error: 'choice' }),
    comment: text(2000).default(''),
  })
  .refine((r) => r.decision === 'accept' || r.comment.length > 0, { path: ['comment'], message: 'required' });
