import 'server-only';
import { desc, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';

export type AuditListItem = {
  seq: number;
  occurredAt: string;
  actorName: string;
  actorRole: string;
  actorOrg: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: string;
};

/** The newest events first, keyset-paged by sequence number (fast however long the trail). */
export function listAuditEvents(db: Db, actor: Actor, options: { beforeSeq?: number; limit?: number } = {}): AuditListItem[] {
  requirePermission(actor, 'audit.read');
  return db
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      actorName: auditEvents.actorName,
      actorRole: auditEvents.actorRole,
      actorOrg: auditEvents.actorOrg,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      data: auditEvents.data,
    })
    .from(auditEvents)
    .where(options.beforeSeq ? lt(auditEvents.seq, options.beforeSeq) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(options.limit ?? 50)
    .all();
}
