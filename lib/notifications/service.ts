import { writeTransaction, type Db, type Tx } from '../../db/client';
import { notificationReads } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import { requireUserId, type Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { listNotifications } from './queries';
import { markNotificationsReadInput } from './schema';

/**
 * Marks notifications of the actor's own list read: only keys that list holds now and that are unread are
 * stored (anything else is ignored: nobody marks what they are not shown), with one `notification.read` event.
 * Returns how many were marked; none marked, nothing written.
 */
export function markNotificationsReadInTx(tx: Tx, actor: Actor, input: unknown): number {
  requirePermission(actor, 'notification.read');
  const data = validate(markNotificationsReadInput, input);
  const userId = requireUserId(actor);
  const unread = listNotifications(tx, actor).items.filter((n) => !n.read).map((n) => n.key);
  const wanted = 'all' in data ? unread : unread.filter((k) => data.keys.includes(k));
  if (wanted.length === 0) return 0;
  const now = nowIso();
  tx.insert(notificationReads)
    .values(wanted.map((notificationKey) => ({ userId, notificationKey, readAt: now })))
    .onConflictDoNothing()
    .run();
  appendAuditEvent(tx, actor, { action: 'notification.read', entityType: 'user', entityId: userId, data: { keys: wanted } });
  return wanted.length;
}

export const markNotificationsRead = (db: Db, actor: Actor, input: unknown) => writeTransaction(db, (tx) => markNotificationsReadInTx(tx, actor, input));
