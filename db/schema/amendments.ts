import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { amendmentStatuses } from '../../lib/domain/enums';
import { createdAt, oneOf, timestamp } from './columns';
import { contracts } from './contracts';
import { users } from './users';

/** A proposed change of value, end date or terms of an active contract; previous values are kept. */
export const amendments = sqliteTable(
  'amendments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    status: text('status', { enum: amendmentStatuses }).notNull().default('pending_approval'),
    rationale: text('rationale').notNull(),
    previousValueFen: integer('previous_value_fen').notNull(),
    newValueFen: integer('new_value_fen').notNull(),
    previousEndDate: text('previous_end_date').notNull(),
    newEndDate: text('new_end_date').notNull(),
    previousTerms: text('previous_terms').notNull(),
    newTerms: text('new_terms').notNull(),
    /** The amendment sets new targets (amendment_targets: all of them; none there means "no targets"). */
    changesTargets: integer('changes_targets', { mode: 'boolean' }).notNull().default(false),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at'),
    decisionComment: text('decision_comment'),
    /** The OCDS release that first published this approved amendment, and the release it amended. */
    ocdsReleaseId: text('ocds_release_id'),
    ocdsAmendsReleaseId: text('ocds_amends_release_id'),
    createdAt: createdAt(),
  },
  (t) => [
    check('amendments_status_check', oneOf(t.status, amendmentStatuses)),
    check('amendments_value_check', sql`${t.newValueFen} > 0`),
    check('amendments_four_eyes_check', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`),
    index('amendments_contract_idx').on(t.contractId),
    index('amendments_status_idx').on(t.status),
    index('amendments_requested_by_idx').on(t.requestedBy),
    index('amendments_decided_by_idx').on(t.decidedBy),
  ],
);
