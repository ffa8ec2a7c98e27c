import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { milestoneStatuses, milestoneTypes } from '../../lib/domain/enums';
import { createdAt, oneOf, updatedAt } from './columns';
import { contracts } from './contracts';

export const milestones = sqliteTable(
  'milestones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    title: text('title').notNull(),
    type: text('type', { enum: milestoneTypes }).notNull(),
    dueDate: text('due_date').notNull(),
    status: text('status', { enum: milestoneStatuses }).notNull().default('scheduled'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('milestones_type_check', oneOf(t.type, milestoneTypes)),
    check('milestones_status_check', oneOf(t.status, milestoneStatuses)),
    index('milestones_contract_idx').on(t.contractId),
    index('milestones_status_due_idx').on(t.status, t.dueDate),
  ],
);
