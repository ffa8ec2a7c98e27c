import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns';
import { contracts } from './contracts';
import { milestones } from './milestones';
import { users } from './users';

export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    milestoneId: integer('milestone_id').references(() => milestones.id),
    amountFen: integer('amount_fen').notNull(),
    paidOn: text('paid_on').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('payments_amount_check', sql`${t.amountFen} > 0`),
    index('payments_contract_idx').on(t.contractId),
    index('payments_milestone_idx').on(t.milestoneId),
    index('payments_recorded_by_idx').on(t.recordedBy),
    index('payments_paid_on_idx').on(t.paidOn),
  ],
);
