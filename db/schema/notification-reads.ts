import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';
import { users } from './users';

/**
 * Which of a person's notifications they have read (lib/notifications). A notification is not stored: it is
 * built from the audit trail (`event:<seq>`) or from a milestone coming due (`milestone:<id>:<due date>`);
 * only its key is kept here once read. Marking read is a write with its audit event (notification.read).
 */
export const notificationReads = sqliteTable(
  'notification_reads',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    notificationKey: text('notification_key').notNull(),
    readAt: timestamp('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.notificationKey] })],
);
