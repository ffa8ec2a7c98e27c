import { z } from 'zod';

const json: z.ZodType<unknown> = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);
const record = z.record(z.string(), json);

/** A new record's fields. */
const created = z.object({ after: record });
/** A removed record's fields. */
const removed = z.object({ before: record });
/** Changed fields, each before → after. */
const updated = z.object({ changes: z.record(z.string(), z.object({ before: json, after: json })) });
/** A status change, with the reason or comment that went with it. */
const transition = z.object({
  from: z.string(),
  to: z.string(),
  reason: z.string().optional(),
  comment: z.string().optional(),
});
const authEvent = z.object({
  email: z.string(),
  method: z.enum(['password', 'oidc']),
  reason: z.string().optional(),
  address: z.string().optional(),
});
const summary = z.object({ counts: z.record(z.string(), z.number().int()), source: z.string() });

/**
 * Every action the trail knows, with the shape of its data. Events are parsed against this on write
 * and again on read, so the trail stays readable as the code changes.
 */
export const auditDataSchemas = {
  'department.created': created,
  'department.updated': updated,
  'matter.created': created,
  'matter.updated': updated,
  'matter.status_changed': transition,
  'contractor.created': created,
  'contractor.updated': updated,
  'contractor.verification_changed': transition,
  'user.created': created,
  'user.updated': updated,
  'user.disabled': z.object({ reason: z.string().optional() }),
  'user.enabled': z.object({}),
  'user.password_reset': z.object({}),
  'user.password_changed': z.object({}),
  'auth.signed_in': authEvent,
  'auth.sign_in_failed': authEvent,
  'auth.sign_in_refused': authEvent,
  'auth.signed_out': z.object({ reason: z.string() }),
  'catalogue.imported': summary,
  'contract.drafted': created,
  'contract.updated': updated,
  'contract.submitted': transition,
  'contract.returned': transition,
  'contract.approved': transition,
  'contract.cancelled': transition,
  'contract.suspended': transition,
  'contract.resumed': transition,
  'contract.completed': transition,
  'contract.terminated': transition,
  'amendment.requested': created,
  'amendment.approved': transition,
  'amendment.rejected': transition,
  'milestone.created': created,
  'milestone.status_changed': transition,
  'deliverable.submitted': created,
  'deliverable.accepted': transition,
  'deliverable.returned': transition,
  'attachment.added': created,
  'payment.recorded': created,
  'evaluation.recorded': created,
  'evaluator.assigned': created,
  'evaluator.unassigned': removed,
} as const;

export type AuditAction = keyof typeof auditDataSchemas;
export type AuditData<A extends AuditAction> = z.infer<(typeof auditDataSchemas)[A]>;

export const auditActions = Object.keys(auditDataSchemas) as AuditAction[];

/** What a use case hands to the trail; sequence, time, actor snapshot and hashes are added on append. */
export type AuditInput<A extends AuditAction = AuditAction> = {
  action: A;
  entityType: string;
  entityId: string | number;
  departmentId?: number | null;
  data: AuditData<A>;
  requestMeta?: Record<string, string> | null;
};

export function parseAuditData<A extends AuditAction>(action: A, data: unknown): AuditData<A> {
  return auditDataSchemas[action].parse(data) as AuditData<A>;
}

/** Field-by-field changes between two versions of a record, only for fields that differ. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): AuditData<'matter.updated'>['changes'] {
  const changes: AuditData<'matter.updated'>['changes'] = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = { before: before[key] ?? null, after: value };
  }
  return changes;
}
