import 'server-only';
import { and, asc, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { actorRoles } from '../domain/enums';
import { isoDate } from '../shared/zod';
import { recordKeyPattern, recordWhere } from './ledger/record-filter';

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(200).optional()).catch(undefined);
// A calendar date that exists: `2026-02-30` or `0000-00-00` made an Invalid Date and the export a 500 (found by fuzzing).
const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()).catch(undefined);

/** The auditor's filters, all in the query string; anything malformed is dropped rather than refused. */
export const auditFilterQuery = z.object({
  actor: optionalText,
  role: z.preprocess((v) => (v === '' ? undefined : v), z.enum(actorRoles).optional()).catch(undefined),
  action: optionalText,
  entityType: optionalText,
  entityId: optionalText,
  /** One record picked by reference or name (`contract:9`); a contract's filter takes in the events of its parts. */
  record: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(recordKeyPattern).optional()).catch(undefined),
  department: z.coerce.number().int().positive().optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterQuery>;

/** Dates are days in Asia/Shanghai; stored times are UTC. */
const shanghaiDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
};

export function auditWhere(f: AuditFilter): SQL | undefined {
  return and(
    f.actor ? (/^\d+$/.test(f.actor) ? eq(auditEvents.actorId, Number(f.actor)) : eq(auditEvents.actorName, f.actor)) : undefined,
    f.role ? eq(auditEvents.actorRole, f.role) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.entityType ? eq(auditEvents.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
    f.record ? recordWhere(f.record) : undefined,
    f.department ? eq(auditEvents.departmentId, f.department) : undefined,
    f.from ? gte(auditEvents.occurredAt, shanghaiDayStart(f.from)) : undefined,
    f.to ? lt(auditEvents.occurredAt, nextDay(f.to)) : undefined,
  );
}

/** The columns of an event a record's history presents (lib/audit/ledger/present.ts `StoredEvent`). */
export const historyColumns = {
  seq: auditEvents.seq,
  occurredAt: auditEvents.occurredAt,
  actorId: auditEvents.actorId,
  actorName: auditEvents.actorName,
  actorRole: auditEvents.actorRole,
  actorOrg: auditEvents.actorOrg,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  data: auditEvents.data,
};

/** The auditor's list: a history's columns, the department and the hash. */
const columns = { ...historyColumns, departmentId: auditEvents.departmentId, hash: auditEvents.hash };

export type AuditListItem = { seq: number; occurredAt: string; actorId: number | null; actorName: string; actorRole: string; actorOrg: string | null; action: string; entityType: string; entityId: string; departmentId: number | null; data: string; hash: string };

/** Newest first, keyset-paged on the sequence number, so page 10,000 costs what page 1 does. */
export function listAuditEvents(db: Db, actor: Actor, filter: AuditFilter, limit = 50): { items: AuditListItem[]; nextBefore: number | null } {
  requirePermission(actor, 'audit.read');
  const rows = db
    .select(columns)
    .from(auditEvents)
    .where(and(auditWhere(filter), filter.before ? lt(auditEvents.seq, filter.before) : undefined))
    .orderBy(desc(auditEvents.seq))
    .limit(limit + 1)
    .all();
  const items = rows.slice(0, limit);
  return { items, nextBefore: rows.length > limit ? items.at(-1)!.seq : null };
}

/** Every matching event, newest first, read row by row for streaming exports. */
export function iterateAuditEvents(db: Db, actor: Actor, filter: AuditFilter): IterableIterator<AuditListItem> {
  requirePermission(actor, 'audit.read');
  const query = db.select(columns).from(auditEvents).where(and(auditWhere(filter), filter.before ? lte(auditEvents.seq, filter.before) : undefined)).orderBy(desc(auditEvents.seq)).toSQL();
  const rows = db.$client.prepare(query.sql).raw(true).iterate(...(query.params as unknown[])) as IterableIterator<unknown[]>;
  const keys = Object.keys(columns) as (keyof AuditListItem)[];
  return (function* () {
    for (const row of rows) yield Object.fromEntries(keys.map((k, i) => [k, row[i]])) as AuditListItem;
  })();
}


/** A record's own events from the audit trail, oldest first. */
export function recordHistory(db: Db, entityType: string, entityId: number | string) {
  return db
    .select(historyColumns)
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, String(entityId))))
    .orderBy(asc(auditEvents.seq))
    .all();
}
