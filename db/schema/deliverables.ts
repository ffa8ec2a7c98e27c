import { check, index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { deliverableStatuses } from '../../lib/domain/enums';
import { createdAt, oneOf, timestamp, updatedAt } from './columns';
import { contractors } from './contractors';
import { contracts } from './contracts';
import { milestones } from './milestones';
import { users } from './users';

export const deliverables = sqliteTable(
  'deliverables',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    /** The contract's contractor, kept here so the contractor's scope is a plain WHERE clause. */
    contractorId: integer('contractor_id')
      .notNull()
      .references(() => contractors.id),
    milestoneId: integer('milestone_id').references(() => milestones.id),
    title: text('title').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    description: text('description').notNull().default(''),
    /** JSON object of indicator name → non-negative integer. */
    indicators: text('indicators').notNull().default('{}'),
    status: text('status', { enum: deliverableStatuses }).notNull().default('submitted'),
    /** A resubmission points at the returned deliverable it replaces; the returned one stays as it was. */
    supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => deliverables.id),
    submittedBy: integer('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at').notNull(),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at'),
    reviewComment: text('review_comment'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('deliverables_status_check', oneOf(t.status, deliverableStatuses)),
    check('deliverables_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('deliverables_returned_comment_check', sql`${t.status} <> 'returned' or ${t.reviewComment} is not null`),
    index('deliverables_contract_idx').on(t.contractId),
    index('deliverables_contractor_idx').on(t.contractorId),
    index('deliverables_milestone_idx').on(t.milestoneId),
    index('deliverables_status_submitted_idx').on(t.status, t.submittedAt),
    index('deliverables_supersedes_idx').on(t.supersedesId),
    index('deliverables_submitted_by_idx').on(t.submittedBy),
    index('deliverables_reviewed_by_idx').on(t.reviewedBy),
  ],
);
