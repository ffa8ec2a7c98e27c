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
