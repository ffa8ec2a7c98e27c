import { z } from 'zod';
import { contractorKinds, verificationStatuses } from '../domain/enums';
import { optionalText, requiredText, text } from '../shared/zod';
import { usccProblem } from './uscc';

export const creditCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((code, ctx) => {
    const problem = usccProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `uscc_${problem}` });
  });

export const contractorInput = z
  .object({
    nameZh: requiredText(200),
    nameEn: requiredText(300),
    kind: z.enum(contractorKinds, { error: 'choice' }),
    creditCode,
    legalRepresentative: requiredText(100),
    contactPhone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, 'phone_format').optional().or(z.literal('').transform(() => undefined)),
    contactEmail: z.email('email_format').optional().or(z.literal('').transform(() => undefined)),
    qualifications: optionalText(2000),
    verificationStatus: z.enum(verificationStatuses, { error: 'choice' }).default('pending'),
    statusReason: text(1000).optional(),
  })
  .refine((c) => !['suspended', 'debarred'].includes(c.verificationStatus) || (c.statusReason ?? '').length > 0, {
    path: ['statusReason'],
    message: 'required',
  });
export type ContractorInput = z.input<typeof contractorInput>;

export const verificationChangeInput = z.object({
  contractorId: z.coerce.number().int().positive(),
  to: z.enum(verificationStatuses, { error: 'choice' }),
  reason: text(1000).optional(),
});

/** The edit form: the credit code identifies the organization and does not change. */
export const contractorUpdateInput = z.object({
  contractorId: z.coerce.number().int().positive(),
  nameZh: requiredText(200),
  nameEn: requiredText(300),
  kind: z.enum(contractorKinds, { error: 'choice' }),
  legalRepresentative: requiredText(100),
  contactPhone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, 'phone_format').optional().or(z.literal('').transform(() => undefined)),
  contactEmail: z.email('email_format').optional().or(z.literal('').transform(() => undefined)),
  qualifications: optionalText(2000),
});
