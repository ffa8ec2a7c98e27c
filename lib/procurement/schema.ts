import { z } from 'zod';
import { bidEvaluationMethods, procurementMethods, singleSourceGrounds } from '../domain/enums';
import { isoDate, fen, text } from '../shared/zod';

const optional = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), t.optional());

/** Unified social credit code: 18 characters of digits and capitals (the check digit is checked for registered contractors). */
const creditCode = z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'credit_code');
const url = z.url({ protocol: /^https?$/, error: 'url' }).max(500, 'too_long');

/** A bidder: a registered contractor (named from the register) or an outside bidder by name. */
export const tendererInput = z
  .object({
    contractorId: optional(z.coerce.number().int().positive()),
    name: optional(text(200)),
    creditCode: optional(creditCode),
    bidFen: optional(fen),
    awarded: z.boolean().default(false),
  })
  .refine((t) => t.contractorId !== undefined || (t.name ?? '') !== '', { path: ['name'], message: 'required' });

/** How the contractor was chosen, as a draft states it; the rules (rules.ts) check it against the region. */
export const procurementInput = z.object({
  method: z.enum(procurementMethods, { error: 'choice' }),
  noticeDate: optional(isoDate),
  bidDeadline: optional(isoDate),
  evaluationMethod: optional(z.enum(bidEvaluationMethods, { error: 'choice' })),
  numberOfTenderers: optional(z.coerce.number({ error: 'number' }).int('integer').min(0, 'negative').max(1000, 'too_large')),
  singleSourceGround: optional(z.enum(singleSourceGrounds, { error: 'choice' })),
  justification: optional(text(2000)),
  procurementNoticeUrl: optional(url),
  awardNoticeUrl: optional(url),
  tenderers: z.array(tendererInput).max(50).default([]),
});
export type ProcurementInput = z.output<typeof procurementInput>;
