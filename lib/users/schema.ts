import { z } from 'zod';
import { roles } from '../domain/enums';
import { requiredText } from '../shared/zod';

export const userInput = z
  .object({
    email: z.email('email_format').transform((s) => s.toLowerCase()),
    name: requiredText(100),
    role: z.enum(roles, { error: 'choice' }),
    departmentId: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().positive().nullable()).default(null),
    contractorId: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().positive().nullable()).default(null),
    passwordHash: z.string().min(1).nullable().default(null),
  })
  .refine((u) => !['officer', 'approver'].includes(u.role) || u.departmentId !== null, { path: ['departmentId'], message: 'required' })
  .refine((u) => u.role !== 'contractor' || u.contractorId !== null, { path: ['contractorId'], message: 'required' });
export type UserInput = z.input<typeof userInput>;

/** What an admin may change about a user; email stays, passwords go through reset. */
export const userUpdateInput = z
  .object({
    userId: z.coerce.number().int().positive(),
    name: requiredText(100),
    role: z.enum(roles, { error: 'choice' }),
    departmentId: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().positive().nullable()).default(null),
    contractorId: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().positive().nullable()).default(null),
  })
  .refine((u) => !['officer', 'approver'].includes(u.role) || u.departmentId !== null, { path: ['departmentId'], message: 'required' })
  .refine((u) => u.role !== 'contractor' || u.contractorId !== null, { path: ['contractorId'], message: 'required' });

export const userIdInput = z.object({ userId: z.coerce.number().int().positive() });

const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.coerce.number().int().positive().nullable());

/**
 * The role and scope fields as the user forms send them. With JavaScript the form shows only the chosen
 * role's field; without it every field is there, and a department or organization given for a role that has
 * none is refused with a message saying so (instead of being dropped silently).
 */
export const userRoleFieldsForm = z
  .object({ role: z.enum(roles, { error: 'choice' }), departmentId: optionalId, contractorId: optionalId })
  .superRefine((u, ctx) => {
    if (u.departmentId !== null && !['officer', 'approver'].includes(u.role)) ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'department_not_for_role' });
    if (u.contractorId !== null && u.role !== 'contractor') ctx.addIssue({ code: 'custom', path: ['contractorId'], message: 'contractor_not_for_role' });
  });
