import { z } from 'zod';
import { departmentKinds } from '../domain/enums';
import { requiredText } from '../shared/zod';

export const departmentInput = z.object({
  code: z.string().trim().regex(/^[A-Z][A-Z0-9-]{1,31}$/, 'code_format'),
  nameZh: requiredText(100),
  nameEn: requiredText(200),
  kind: z.enum(departmentKinds, { error: 'choice' }),
});
export type DepartmentInput = z.input<typeof departmentInput>;
