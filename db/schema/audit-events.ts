import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { actorRoles } from '../../lib/domain/enums';
import { oneOf, timestamp } from './columns';

/**
 * Append-only, hash-chained trail of every change. Triggers (migration 0001) reject UPDATE and DELETE.
 * AUTOINCREMENT keeps sqlite_sequence at the highest sequence ever written, so a truncated tail shows.
 * No foreign keys: the actor snapshot must outlive renames and deletions.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    occurredAt: timestamp('occurred_at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role', { enum: actorRoles }).notNull(),
    actorOrg: text('actor_org'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    departmentId: integer('department_id'),
    data: text('data').notNull(),
    requestMeta: text('request_meta'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [
    check('audit_events_actor_role_check', oneOf(t.actorRole, actorRoles)),
    index('audit_events_actor_idx').on(t.actorId),
    index('audit_events_actor_name_idx').on(t.actorName),
    index('audit_events_actor_role_idx').on(t.actorRole),
    index('audit_events_action_idx').on(t.action),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_occurred_at_idx').on(t.occurredAt),
    index('audit_events_department_idx').on(t.departmentId),
  ],
);
