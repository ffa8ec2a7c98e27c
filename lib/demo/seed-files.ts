import { z } from 'zod';
import { contractStatuses, deliverableStatuses, evaluatorKinds, milestoneStatuses, milestoneTypes } from '../domain/enums';

/** The shape of db/seed/contracts.json: the sample contracts and everything logged against them. */
export const seedContractSchema = z.object({
  key: z.string(),
  matter: z.string(),
  contractor: z.string(),
  valueFen: z.number().int().positive(),
  start: z.string(),
  end: z.string(),
  justification: z.string().nullable(),
  termsZh: z.string(),
  termsEn: z.string(),
  status: z.enum(contractStatuses),
  statusReason: z.string().nullable(),
  renewalOf: z.string().nullable(),
  milestones: z.array(z.object({ titleZh: z.string(), titleEn: z.string(), type: z.enum(milestoneTypes), due: z.string(), status: z.enum(milestoneStatuses) })),
  deliverables: z.array(
    z.object({
      titleZh: z.string(),
      titleEn: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
      descriptionZh: z.string(),
      descriptionEn: z.string(),
      indicators: z.record(z.string(), z.number().int()),
      milestone: z.number().int().nullable(),
      status: z.enum(deliverableStatuses),
      reviewComment: z.string().nullable(),
    }),
  ),
  payments: z.array(z.object({ amountFen: z.number().int().positive(), date: z.string(), milestone: z.number().int().nullable() })),
  /** Changes agreed while the contract ran: requested on `date`, decided three days later. */
  amendments: z
    .array(
      z.object({
        date: z.string(),
        rationaleZh: z.string(),
        newValueFen: z.number().int().positive().optional(),
        newEndDate: z.string().optional(),
        decision: z.enum(['approve', 'reject', 'pending']),
      }),
    )
    .default([]),
  evaluations: z.array(
    z.object({
      kind: z.enum(evaluatorKinds),
      periodStart: z.string(),
      periodEnd: z.string(),
      scores: z.record(z.string(), z.number()),
      overall: z.number().int(),
      commentZh: z.string().optional(),
    }),
  ),
});
export type SeedContract = z.infer<typeof seedContractSchema>;
export const seedContractsSchema = z.array(seedContractSchema);
