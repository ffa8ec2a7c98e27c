import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from './columns';
import { users } from './users';

/**
 * Server-side record of every signed-in session. The session cookie (a next-auth JWT) only carries this
 * row's id, so a session ends for real: on sign-out, on idle or absolute time-out, and when the user is
 * disabled or their password or role changes (session_version no longer matches the user's).
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    sessionVersion: integer('session_version').notNull(),
    method: text('method').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at').notNull(),
    endedAt: timestamp('ended_at'),
    endReason: text('end_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_last_seen_idx').on(t.lastSeenAt)],
);

/** Failed sign-in counters per account and per address, for throttling. */
export const signInThrottle = sqliteTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at').notNull(),
  lockedUntil: timestamp('locked_until'),
});
