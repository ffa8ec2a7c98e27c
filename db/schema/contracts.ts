import { check, index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { contractStatuses } from '../../lib/domain/enums';
import { createdAt, oneOf, timestamp, updatedAt } from './columns';
import { contractors } from './contractors';
import { departments } from './departments';
import { matters } from './matters';
import { users } from './users';

export const contracts = sqliteTable(
  'contracts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull().unique(),
    matterId: integer('matter_id')
      .notNull()
      .references(() => matters.id),
    contractorId: integer('contractor_id')
      .notNull()
      .references(() => contractors.id),
    /** The matter's department when the contract was drafted: the officers in scope. */
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    valueFen: integer('value_fen').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** Required for a term longer than one year (stable continuous service with secured budget). */
    justification: text('justification'),
    terms: text('terms').notNull().default(''),
    /** The drafter declared that the whole contract will not be passed on (no 转包). */
    noSubcontractDeclared: integer('no_subcontract_declared', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: contractStatuses }).notNull().default('draft'),
    statusReason: text('status_reason'),
    /** When the contract last changed status (UTC): the date published beside the status and its reason. */
    statusChangedAt: timestamp('status_changed_at'),
    renewalOfId: integer('renewal_of_id').references((): AnySQLiteColumn => contracts.id),
    draftedBy: integer('drafted_by')
      .notNull()
      .references(() => users.id),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('contracts_status_check', oneOf(t.status, contractStatuses)),
    check('contracts_value_check', sql`${t.valueFen} > 0`),
    check('contracts_period_check', sql`${t.endDate} >= ${t.startDate}`),
    check('contracts_terminated_reason_check', sql`${t.status} <> 'terminated' or ${t.statusReason} is not null`),
    check('contracts_four_eyes_check', sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.draftedBy}`),
    index('contracts_matter_idx').on(t.matterId),
    index('contracts_contractor_idx').on(t.contractorId),
    index('contracts_department_status_idx').on(t.departmentId, t.status),
    index('contracts_status_idx').on(t.status),
    index('contracts_end_date_idx').on(t.endDate),
    index('contracts_start_date_idx').on(t.startDate),
    index('contracts_updated_at_idx').on(t.updatedAt),
    index('contracts_renewal_of_idx').on(t.renewalOfId),
    index('contracts_drafted_by_idx').on(t.draftedBy),
    index('contracts_approved_by_idx').on(t.approvedBy),
  ],
);
