import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { roles } from '../../lib/domain/enums';
import { createdAt, oneOf, updatedAt } from './columns';
import { contractors } from './contractors';
import { departments } from './departments';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    contractorId: integer('contractor_id').references(() => contractors.id),
    passwordHash: text('password_hash'),
    externalSubject: text('external_subject'),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    /** Bumped whenever the user's sessions must end (disabled, password or role changed). */
    sessionVersion: integer('session_version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('users_role_check', oneOf(t.role, roles)),
    check('users_department_scope_check', sql`${t.role} not in ('officer', 'approver') or ${t.departmentId} is not null`),
    check('users_contractor_scope_check', sql`${t.role} <> 'contractor' or ${t.contractorId} is not null`),
    index('users_role_idx').on(t.role),
    index('users_department_idx').on(t.departmentId),
    index('users_contractor_idx').on(t.contractorId),
  ],
);
