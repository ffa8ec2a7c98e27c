import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { amendments, auditEvents, deliverables, evaluations, milestones, payments } from '../../../db/schema';
import type { RecordRef } from './records';

// The ledger's record filter: `record=contract:9` in the query string. A contract's events are its own and
// those of everything recorded against it — milestones, payments, amendments, deliverables (with their
// attachments, whose events sit on the deliverable) and evaluations; evaluator assignments are events of the
// contract itself.

export const filterableKinds = ['contract', 'contractor', 'matter', 'department', 'user'] as const;
export type FilterableKind = (typeof filterableKinds)[number];

export const recordKeyPattern = new RegExp(`^(${filterableKinds.join('|')}):([1-9]\\d{0,15})$`);

export function parseRecordKey(key: string | undefined): (RecordRef & { kind: FilterableKind }) | null {
  const m = key ? recordKeyPattern.exec(key) : null;
  return m ? { kind: m[1] as FilterableKind, id: Number(m[2]) } : null;
}

export const recordKey = (ref: { kind: FilterableKind; id: number }) => `${ref.kind}:${ref.id}`;

const entity = (type: string, id: SQL | string) => and(eq(auditEvents.entityType, type), typeof id === 'string' ? eq(auditEvents.entityId, id) : inArray(auditEvents.entityId, id));

/** The condition on `audit_events` for one record's events (a contract's with those of its parts). */
export function recordWhere(key: string): SQL {
  const ref = parseRecordKey(key);
  if (!ref) return sql`0`;
  const own = entity(ref.kind, String(ref.id))!;
  if (ref.kind !== 'contract') return own;
  const partsOf = (table: typeof milestones | typeof payments | typeof amendments | typeof deliverables | typeof evaluations, type: string) =>
    entity(type, sql`(select cast(${table.id} as text) from ${table} where ${table.contractId} = ${ref.id})`);
  return or(own, partsOf(milestones, 'milestone'), partsOf(payments, 'payment'), partsOf(amendments, 'amendment'), partsOf(deliverables, 'deliverable'), partsOf(evaluations, 'evaluation'))!;
}
