import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { catalogueStatuses, matterCategories } from '../../lib/domain/enums';
import { publishedMatterSql } from '../../lib/domain/predicates';
import { createdAt, oneOf, updatedAt } from './columns';
import { departments } from './departments';

export const matters = sqliteTable(
  'matters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionZh: text('description_zh').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    category: text('category', { enum: matterCategories }).notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    legalBasis: text('legal_basis').notNull().default(''),
    serviceStandard: text('service_standard').notNull().default(''),
    annualBudgetFen: integer('annual_budget_fen').notNull(),
    catalogueStatus: text('catalogue_status', { enum: catalogueStatuses }).notNull().default('draft'),
    withdrawalReason: text('withdrawal_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('matters_category_check', oneOf(t.category, matterCategories)),
    check('matters_catalogue_status_check', oneOf(t.catalogueStatus, catalogueStatuses)),
    check('matters_budget_check', sql`${t.annualBudgetFen} >= 0`),
    check('matters_withdrawal_reason_check', sql`${t.catalogueStatus} <> 'withdrawn' or ${t.withdrawalReason} is not null`),
    index('matters_department_idx').on(t.departmentId),
    index('matters_category_idx').on(t.category),
    index('matters_catalogue_status_idx').on(t.catalogueStatus),
    index('matters_title_zh_idx').on(t.titleZh),
    index('matters_updated_at_idx').on(t.updatedAt),
    index('matters_budget_idx').on(t.annualBudgetFen),
    // The public list's orders (all, by category, by department), over published matters only: a page, even
    // a deep one, is a walk along one of these (they hold the rowid, so nothing else is read to skip rows).
    // A changed predicate changes these conditions: drizzle-kit then generates the migration that rebuilds them.
    index('matters_published_code_idx').on(t.code).where(sql.raw(publishedMatterSql('catalogue_status'))),
    index('matters_published_category_code_idx').on(t.category, t.code).where(sql.raw(publishedMatterSql('catalogue_status'))),
    index('matters_published_department_code_idx').on(t.departmentId, t.code).where(sql.raw(publishedMatterSql('catalogue_status'))),
  ],
);
