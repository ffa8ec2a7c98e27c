import { z } from 'zod';
import { usccProblem } from '../contractors/uscc';
import { departmentKinds } from '../domain/enums';
import { requiredText } from '../shared/zod';

/**
 * A government body's unified social credit code (GB 32100-2015): a valid code (length, alphabet, check
 * character: the contractors' messages) whose registration authority and kind are 1 and 1 (机构编制, 机关),
 * so it starts with "11".
 */
export const governmentCreditCode = z
  .string({ error: 'invalid' })
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((code, ctx) => {
    const problem = usccProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `uscc_${problem}` });
    else if (!code.startsWith('11')) ctx.addIssue({ code: 'custom', message: 'not_government_code' });
  });

/** Optional: a blank field means "not given" (departments registered before the code was asked have none). */
const optionalCreditCode = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), governmentCreditCode.optional());

export const departmentInput = z.object({
  code: z.string().trim().regex(/^[A-Z][A-Z0-9-]{1,31}$/, 'code_format'),
  nameZh: requiredText(100),
  nameEn: requiredText(200),
  kind: z.enum(departmentKinds, { error: 'choice' }),
  creditCode: optionalCreditCode,
});
export type DepartmentInput = z.input<typeof departmentInput>;

/** The edit form: the department code identifies the department (the catalogue refers to it) and does not change. */
export const departmentUpdateInput = z.object({
  departmentId: z.coerce.number().int().positive(),
  nameZh: requiredText(100),
  nameEn: requiredText(200),
  kind: z.enum(departmentKinds, { error: 'choice' }),
  creditCode: optionalCreditCode,
});
export type DepartmentUpdateInput = z.input<typeof departmentUpdateInput>;
