import { z } from 'zod';
import { contractStatuses, milestoneStatuses, milestoneTypes } from '../domain/enums';
import { isoDate, optionalText, optionalYuanAsFen, positiveFen, positiveYuanAsFen, requiredText, text } from '../shared/zod';
import { contractTransitionNames } from './rules';
import { valuesByCode } from '../results/schema';

export const milestoneInput = z.object({
  title: requiredText(200),
  type: z.enum(milestoneTypes, { error: 'choice' }),
  dueDate: isoDate,
});

export const contractDraftInput = z
  .object({
    matterId: z.coerce.number().int().positive(),
    contractorId: z.coerce.number().int().positive(),
    valueFen: positiveFen,
    startDate: isoDate,
    endDate: isoDate,
    justification: text(2000).optional(),
    terms: optionalText(8000),
    noSubcontractDeclared: z.literal(true, { error: 'declaration_required' }),
    renewalOfId: z.coerce.number().int().positive().optional(),
    milestones: z.array(milestoneInput).max(50).default([]),
    /** How the contractor was chosen: checked by lib/procurement (schema.ts, rules.ts) inside the draft's transaction. */
    procurement: z.unknown().optional(),
    /** Whole-term targets per indicator code of the matter, as typed (checked by unit in lib/results). Left out: none set (a draft) or unchanged (an edit). */
    targets: valuesByCode.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.endDate < c.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'period_order' });
    c.milestones.forEach((m, i) => {
      if (m.dueDate < c.startDate || m.dueDate > c.endDate) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'dueDate'], message: 'outside_period' });
    });
  });
export type ContractDraftInput = z.input<typeof contractDraftInput>;

export const contractTransitionInput = z.object({
  contractId: z.coerce.number().int().positive(),
  transition: z.enum(contractTransitionNames as [string, ...string[]], { error: 'choice' }),
  reason: text(2000).optional(),
  /** The status the person saw when they chose the step: if it moved since, someone else acted first. */
  expectedStatus: z.enum(contractStatuses).optional(),
});

export const milestoneStatusInput = z.object({
  milestoneId: z.coerce.number().int().positive(),
  status: z.enum(milestoneStatuses, { error: 'choice' }),
});

export const paymentInput = z.object({
  contractId: z.coerce.number().int().positive(),
  amountFen: positiveFen,
  paidOn: isoDate,
  milestoneId: z.coerce.number().int().positive().optional(),
});

export const amendmentInput = z.object({
  contractId: z.coerce.number().int().positive(),
  newValueFen: positiveFen.optional(),
  newEndDate: isoDate.optional(),
  newTerms: text(8000).optional(),
  /** New whole-term targets by indicator code: when given, all of them (applying the amendment replaces the contract's targets). */
  newTargets: valuesByCode.optional(),
  rationale: requiredText(2000),
  /** A new record of how the contractor was chosen (lib/procurement/schema.ts), checked like a draft's. */
  procurement: z.unknown().optional(),
});

export const amendmentDecisionInput = z.object({
  amendmentId: z.coerce.number().int().positive(),
  decision: z.enum(['approve', 'reject'], { error: 'choice' }),
  comment: text(2000).default(''),
});

/** The forms require a procurement method: a draft says how its contractor was chosen (its fields: lib/procurement/schema.ts). */
const requiredProcurement = z.unknown().superRefine((v, ctx) => {
  if (v === undefined) ctx.addIssue({ code: 'custom', path: ['method'], message: 'procurement_method_required' });
});

/** The forms as typed (money in yuan), checked in one pass so every field error shows at once. */
export const contractDraftForm = contractDraftInput.safeExtend({ valueFen: positiveYuanAsFen, procurement: requiredProcurement });
export const paymentForm = paymentInput.extend({ amountFen: positiveYuanAsFen });
export const amendmentForm = amendmentInput.extend({ newValueFen: optionalYuanAsFen });

/** Editing a draft: the drafting form's fields and checks, for a contract that exists (its matter and renewal link stay). */
export const contractEditInput = contractDraftInput.safeExtend({ contractId: z.coerce.number().int().positive() });
export const contractEditForm = contractDraftForm.safeExtend({ contractId: z.coerce.number().int().positive() });
