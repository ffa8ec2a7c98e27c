import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { departmentKinds } from '../../lib/domain/enums';
import { createdAt, oneOf, updatedAt } from './columns';

export const departments = sqliteTable(
  'departments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: departmentKinds }).notNull(),
    /** Unified social credit code (GB 32100-2015); government bodies' start with 11. Null only for departments registered before it was asked. */
    creditCode: text('credit_code').unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('departments_kind_check', oneOf(t.kind, departmentKinds)), index('departments_kind_idx').on(t.kind)],
);
