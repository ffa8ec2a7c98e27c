import { z } from 'zod';
import { isoDate, optionalText, requiredText, text } from '../shared/zod';

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
    indicators: indicatorValues.default({}),
    supersedesId: z.coerce.number().int().positive().optional(),
  })
  .refine((d) => d.periodEnd >= d.periodStart, { path: ['periodEnd'], message: 'period_order' });

export const deliverableReviewInput = z
  .object({
    deliverableId: z.coerce.number().int().positive(),
    decision: z.enum(['accept', 'return'], { error: 'choice' }),
    comment: text(2000).default(''),
  })
  .refine((r) => r.decision === 'accept' || r.comment.length > 0, { path: ['comment'], message: 'required' });
