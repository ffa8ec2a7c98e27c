import { desc } from 'drizzle-orm';
import { connectionOf, type Tx } from '../../db/client';
import { noteChange } from '../ocds/publish';
import { auditEvents } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { canonicalJson, eventHash, GENESIS_HASH, type ChainedEvent } from './chain';
import { parseAuditData, type AuditAction, type AuditInput, type RequestMeta } from './events';
import { toWellFormed } from '../shared/text';

/**
 * The request behind an event as stored: canonical JSON of well-formed strings (SQLite would replace a lone
 * surrogate and the stored event would no longer match its hash), or null for the system and scripts.
 */
function requestMetaJson(meta: RequestMeta | null | undefined): string | null {
  if (!meta) return null;
  return canonicalJson(Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toWellFormed(String(v))])));
}

/**
 * Appends one event to the chain. The request metadata is the actor's (Actor.request, set where a server
 * action or route handler gets its actor), unless the input names another. Must run inside the write's IMMEDIATE transaction, which serializes
 * writers, so reading the head and inserting after it cannot race.
 */
export function appendAuditEvent<A extends AuditAction>(tx: Tx, actor: Actor, input: AuditInput<A>, now = new Date()): ChainedEvent & { hash: string } {
  const data = parseAuditData(input.action, input.data);
  const head = tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get();
  const prevHash = head?.hash ?? GENESIS_HASH;
  const event: ChainedEvent = {
    seq: (head?.seq ?? 0) + 1,
    occurredAt: now.toISOString(),
    actorId: actor.id,
    // Strings stored as columns (not inside the JSON) are made well-formed first: SQLite would replace a
    // lone surrogate on the way in, and the stored event would no longer match its hash.
    actorName: toWellFormed(actor.name),
    actorRole: actor.role,
    actorOrg: actor.orgName === null ? null : toWellFormed(actor.orgName),
    action: input.action,
    entityType: input.entityType,
    entityId: toWellFormed(String(input.entityId)),
    departmentId: input.departmentId ?? null,
    data: canonicalJson(data),
    requestMeta: requestMetaJson(input.requestMeta ?? actor.request),
  };
  const hash = eventHash(prevHash, event);
  tx.insert(auditEvents)
    .values({ ...event, actorRole: actor.role, prevHash, hash })
    .run();
  noteChange(connectionOf(tx), { action: input.action, entityType: input.entityType, entityId: input.entityId, data });
  return { ...event, hash };
}
