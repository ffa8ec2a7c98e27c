import { z } from 'zod';
import { catalogueStatuses, matterCategories, type CatalogueStatus } from '../domain/enums';
import { reachableStatuses } from '../domain/transitions';
import { catalogueTransitions, type CatalogueStep } from './rules';
import { fen, optionalText, requiredText, text, yuanAsFen } from '../shared/zod';

export const matterCode = z.string().trim().regex(/^[A-Z]{2,6}-[A-Z]{2,6}-\d{3,6}$/, 'matter_code_format');

export const matterInput = z.object({
  code: matterCode,
  titleZh: requiredText(200),
  titleEn: requiredText(300),
  descriptionZh: optionalText(4000),
  descriptionEn: optionalText(4000),
  category: z.enum(matterCategories, { error: 'choice' }),
  /** Always chosen: a missing or blank department says so (no department is picked for anyone). */
  departmentId: z.coerce.number({ error: 'department_required' }).int('department_required').positive('department_required'),
  legalBasis: optionalText(1000),
  serviceStandard: optionalText(2000),
  annualBudgetFen: fen,
  catalogueStatus: z.enum(catalogueStatuses, { error: 'choice' }).default('draft'),
  withdrawalReason: text(1000).optional(),
}).refine((m) => m.catalogueStatus !== 'withdrawn' || (m.withdrawalReason ?? '').length > 0, {
  path: ['withdrawalReason'],
  message: 'required',
});
export type MatterInput = z.input<typeof matterInput>;

/** The edit form: the same fields as creation; status changes go through their own step. */
export const matterUpdateInput = z.object({
  matterId: z.coerce.number().int().positive(),
  titleZh: requiredText(200),
  titleEn: requiredText(300),
  descriptionZh: optionalText(4000),
  descriptionEn: optionalText(4000),
  category: z.enum(matterCategories, { error: 'choice' }),
  legalBasis: optionalText(1000),
  serviceStandard: optionalText(2000),
  annualBudgetFen: fen,
});

export const matterStatusInput = z
  .object({
    matterId: z.coerce.number().int().positive(),
    to: z.enum(catalogueStatuses, { error: 'choice' }),
    reason: text(1000).optional(),
  })
  .refine((m) => m.to !== 'withdrawn' || (m.reason ?? '').length > 0, { path: ['reason'], message: 'required' });

/** The statuses the status form offers from each status: one step of the table (draft → listed → withdrawn). */
export const matterStatusSteps: Record<string, readonly string[]> = Object.fromEntries(
  catalogueStatuses.map((s) => [s, reachableStatuses<CatalogueStatus, CatalogueStep>(catalogueTransitions, s)]),
);

/** The matter form as typed (budget in yuan); the same checks as the use case, all reported at once. */
export const matterForm = matterUpdateInput.omit({ matterId: true }).extend({ annualBudgetFen: yuanAsFen });
/** The new-matter form, checked in one pass: the department (the admin's explicit choice, or the officer's own) with the rest. */
export const newMatterForm = matterForm.extend({ code: matterCode, departmentId: matterInput.shape.departmentId });
