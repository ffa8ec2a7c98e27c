import { z } from 'zod';
import { evaluatorKinds } from '../domain/enums';
import { isoDate, optionalText } from '../shared/zod';

export const evaluationInput = z
  .object({
    contractId: z.coerce.number().int().positive(),
    evaluatorKind: z.enum(evaluatorKinds, { error: 'choice' }),
    periodStart: isoDate,
    periodEnd: isoDate,
    scores: z
      .record(z.string().regex(/^[a-z][a-z0-9_]{0,49}$/, 'indicator_name'), z.coerce.number().min(0, 'score_range').max(100, 'score_range'))
      .refine((s) => Object.keys(s).length >= 1 && Object.keys(s).length <= 20, 'score_count'),
    comment: optionalText(4000),
  })
  .refine((e) => e.periodEnd >= e.periodStart, { path: ['periodEnd'], message: 'period_order' });
