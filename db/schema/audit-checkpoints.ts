import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';

/**
 * Signed statements of the audit chain's head (lib/audit/checkpoints.ts). Append-only like the trail:
 * triggers (migration 0003) reject UPDATE and DELETE. The public key is stored per row so a checkpoint
 * stays verifiable after the key is rotated.
 */
export const auditCheckpoints = sqliteTable(
  'audit_checkpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    registry: text('registry').notNull(),
    eventCount: integer('event_count').notNull(),
    headHash: text('head_hash').notNull(),
    signedAt: timestamp('signed_at').notNull(),
    /** Ed25519 public key, base64 of the SPKI DER encoding. */
    publicKey: text('public_key').notNull(),
    /** Ed25519 signature over the canonical statement, base64. */
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_checkpoints_event_count_idx').on(t.eventCount)],
);
