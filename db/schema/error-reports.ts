import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { errorReportStatuses, reportedRecordTypes } from '../../lib/domain/enums';
import { createdAt, oneOf, timestamp } from './columns';
import { users } from './users';

/**
 * A visitor's report of an error in a public record (no account). Nothing here is published: the message
 * may hold what the visitor typed about themselves. `addressKey` is a keyed hash of the client address,
 * kept only to throttle reports per address.
 */
export const errorReports = sqliteTable(
  'error_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordType: text('record_type', { enum: reportedRecordTypes }).notNull(),
    recordKey: text('record_key').notNull(),
    message: text('message').notNull(),
    status: text('status', { enum: errorReportStatuses }).notNull().default('open'),
    addressKey: text('address_key'),
    createdAt: createdAt(),
    closedBy: integer('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at'),
    closingNote: text('closing_note'),
  },
  (t) => [
    check('error_reports_record_type_check', oneOf(t.recordType, reportedRecordTypes)),
    check('error_reports_status_check', oneOf(t.status, errorReportStatuses)),
    index('error_reports_status_idx').on(t.status, t.id),
    index('error_reports_address_idx').on(t.addressKey, t.createdAt),
    index('error_reports_created_idx').on(t.createdAt),
  ],
);
