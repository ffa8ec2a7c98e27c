import { index, integer, sqliteTable, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { contracts } from './contracts';
import { users } from './users';

/** A third-party evaluator (a user with the evaluator role) assigned by an admin to one contract. */
export const evaluatorAssignments = sqliteTable(
  'evaluator_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    assignedBy: integer('assigned_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('evaluator_assignments_pair_idx').on(t.contractId, t.userId), index('evaluator_assignments_user_idx').on(t.userId)],
);
