import { z } from 'zod';
import {
  amendmentStatuses,
  attachmentOwners,
  catalogueStatuses,
  contractorKinds,
  contractStatuses,
  departmentKinds,
  deliverableStatuses,
  evaluatorKinds,
  grades,
  matterCategories,
  milestoneStatuses,
  milestoneTypes,
  roles,
  verificationStatuses,
  procurementMethods,
  bidEvaluationMethods,
  singleSourceGrounds,
  errorReportStatuses,
  reportedRecordTypes,
} from '../domain/enums';
import { indicatorDirections, indicatorKinds } from '../results/kinds';
import { unitCodes } from '../results/units';

// Every action's data, declared once. The shapes are the ones the use cases (and lib/synth/generate.ts, which
// writes the same events directly) have always stored: the trail hashes the data as stored, so a field is
// never renamed here, only typed. Objects are strict: a use case that starts writing a field nobody
// declared fails its tests instead of having the field dropped silently from the trail.

const id = z.number().int();
const fenAmount = z.number().int();
/** A calendar day, `YYYY-MM-DD`. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A UTC timestamp as stored (ISO 8601). */
const timestamp = z.string();
/** Indicator code → value, as deliverables report them and evaluations score them. */
const indicatorNumbers = z.record(z.string(), z.number());

/** A new record's fields. */
/** A procurement record as stored (lib/procurement/service.ts), in the events that record or propose one. */
const procurementRecord = {
  method: z.enum(procurementMethods),
  noticeDate: day.nullable(),
  bidDeadline: day.nullable(),
  evaluationMethod: z.enum(bidEvaluationMethods).nullable(),
  numberOfTenderers: z.number().int().nullable(),
  singleSourceGround: z.enum(singleSourceGrounds).nullable(),
  justification: z.string().nullable(),
  procurementNoticeUrl: z.string().nullable(),
  awardNoticeUrl: z.string().nullable(),
  tenderers: z.array(z.strictObject({ contractorId: id.nullable(), name: z.string(), creditCode: z.string().nullable(), bidFen: fenAmount.nullable(), awarded: z.boolean() })),
};

const created = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ after: z.strictObject(shape) });

/** Changed fields, each before → after; only the fields that changed are present. */
const updated = <S extends Record<string, z.ZodType>>(fields: S) =>
  z.strictObject({
    changes: z
      .strictObject(Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, z.strictObject({ before: t.nullable(), after: t })])) as { [K in keyof S]: z.ZodObject<{ before: z.ZodNullable<S[K]>; after: S[K] }, z.core.$strict> })
      .partial(),
  });

/** A status change between two of the entity's statuses, with the reason or comment that went with it. */
const transition = <const S extends readonly [string, ...string[]]>(statuses: S) =>
  z.strictObject({
    from: z.enum(statuses),
    to: z.enum(statuses),
    reason: z.string().optional(),
    comment: z.string().optional(),
  });

const empty = z.strictObject({});

const signInRefusals = ['throttled', 'wrong_password', 'unknown_account', 'disabled', 'unknown_identity', 'email_not_verified'] as const;
const authEvent = z.strictObject({
  /** The typed email, at most 254 characters (lib/auth/sign-in.ts recordedEmail). */
  email: z.string(),
  method: z.enum(['password', 'oidc']),
  reason: z.enum(signInRefusals).optional(),
  /** The client address as lib/auth/request.ts trusts it, or `unknown`. */
  address: z.string().optional(),
});

const departmentFields = {
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(departmentKinds),
  creditCode: z.string().nullable(),
};

const matterFields = {
  titleZh: z.string(),
  titleEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  category: z.enum(matterCategories),
  legalBasis: z.string(),
  serviceStandard: z.string(),
  annualBudgetFen: fenAmount,
};

const indicatorFields = {
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(indicatorKinds),
  direction: z.enum(indicatorDirections),
  definitionZh: z.string(),
  definitionEn: z.string(),
};
/** A contract's targets: per indicator (id and code), the value in the indicator's unit (lib/results). */
const namedIndicator = { indicatorId: id, code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.enum(unitCodes) };
const targets = z.array(z.strictObject({ ...namedIndicator, target: z.number() }));
/** A deliverable's results per indicator, named so the trail reads without the catalogue. */
const results = z.array(z.strictObject({ ...namedIndicator, value: z.number() }));

const contractorFields = {
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(contractorKinds),
  legalRepresentative: z.string(),
  qualifications: z.string(),
};
/** Contact details are personal: the trail says only that they were given or changed. */
const given = z.literal('(given)').nullable();
const contactChange = z.enum(['(previous)', '(changed)']);

const userScope = { departmentId: id.nullable(), contractorId: id.nullable() };

const contractTransition = transition(contractStatuses);
const amendmentTransition = transition(amendmentStatuses);
const deliverableTransition = transition(deliverableStatuses);

/** The file fields every attachment event carries, whichever record it belongs to. */
const storedFile = { attachmentId: id, fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string() };

/**
 * Every action the trail knows, with the shape of its data. Events are parsed against this on write
 * (lib/audit/append.ts) and can be parsed again on read (parseStoredAuditEvent), so the trail stays readable
 * as the code changes.
 */
export const auditDataSchemas = {
  'department.created': created({
    code: z.string(),
    ...departmentFields,
    // Departments registered before credit codes were asked for have none in their event.
    creditCode: z.string().nullable().optional(),
  }),
  'department.updated': updated(departmentFields),
  'matter.created': created({
    code: z.string(),
    ...matterFields,
    departmentId: id,
    catalogueStatus: z.enum(catalogueStatuses),
    withdrawalReason: z.string().nullable(),
  }),
  'matter.updated': updated(matterFields),
  'matter.status_changed': transition(catalogueStatuses),
  /** A matter's new indicator (lib/results/service.ts); `migratedResults`: earlier free indicator values taken over as results. */
  'indicator.added': z.strictObject({
    after: z.strictObject({ indicatorId: id, matterId: id, code: z.string(), unit: z.enum(unitCodes), ...indicatorFields }),
    migratedResults: z.number().int().optional(),
  }),
  /** The names are the indicator's before the change, so the trail reads without the catalogue. */
  'indicator.updated': z.strictObject({ indicatorId: id, code: z.string(), nameZh: z.string(), nameEn: z.string(), changes: updated(indicatorFields).shape.changes }),
  'indicator.retired': z.strictObject({ indicatorId: id, code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  'contractor.created': created({
    ...contractorFields,
    creditCode: z.string(),
    verificationStatus: z.enum(verificationStatuses),
    statusReason: z.string().nullable(),
    statusChangedAt: timestamp.nullable(),
    contactPhone: given,
    contactEmail: given,
  }),
  'contractor.updated': updated({ ...contractorFields, contactPhone: contactChange, contactEmail: contactChange }),
  'contractor.verification_changed': transition(verificationStatuses),
  'user.created': created({ email: z.string(), name: z.string(), role: z.enum(roles), ...userScope, hasPassword: z.boolean() }),
  'user.updated': updated({ name: z.string(), role: z.enum(roles), ...userScope }),
  'user.disabled': z.strictObject({ reason: z.string().optional() }),
  'user.enabled': empty,
  'user.password_reset': empty,
  'user.password_changed': empty,
  'auth.signed_in': authEvent,
  'auth.sign_in_failed': authEvent,
  'auth.sign_in_refused': authEvent,
  'auth.signed_out': z.strictObject({ reason: z.string() }),
  'catalogue.imported': z.strictObject({
    counts: z.strictObject({ departments: z.number().int(), matters: z.number().int(), contractors: z.number().int() }),
    source: z.string(),
  }),
  'contract.drafted': created({
    reference: z.string(),
    matterId: id,
    contractorId: id,
    departmentId: id,
    valueFen: fenAmount,
    startDate: day,
    endDate: day,
    justification: z.string().nullable(),
    terms: z.string(),
    noSubcontractDeclared: z.boolean(),
    renewalOfId: id.nullable(),
    draftedBy: id,
  }),
  /** What its officer changed in a draft (or a returned draft) before submitting it (lib/contracts/edit-draft.ts). */
  'contract.draft_edited': updated({
    contractorId: id,
    valueFen: fenAmount,
    startDate: day,
    endDate: day,
    justification: z.string().nullable(),
    terms: z.string(),
    noSubcontractDeclared: z.boolean(),
    milestones: z.array(z.strictObject({ title: z.string(), type: z.enum(milestoneTypes), dueDate: day })),
  }),
  /** How the contractor was chosen, recorded with the draft; `warnings` are the rule warnings it drew (lib/procurement/rules.ts). */
  'contract.procurement_recorded': created({ contractId: id, ...procurementRecord, warnings: z.array(z.string()) }),
  /** The targets a draft sets (when drafted or edited: before → after), lib/results. */
  'contract.targets_set': z.strictObject({ before: targets, after: targets }),
  /** What an approved amendment changed. */
  'contract.updated': updated({ valueFen: fenAmount, endDate: day, terms: z.string(), targets }),
  'contract.submitted': contractTransition,
  'contract.returned': contractTransition,
  'contract.approved': contractTransition,
  'contract.cancelled': contractTransition,
  'contract.suspended': contractTransition,
  'contract.resumed': contractTransition,
  'contract.completed': contractTransition,
  'contract.terminated': contractTransition,
  'amendment.requested': created({
    contractId: id,
    rationale: z.string(),
    previousValueFen: fenAmount,
    newValueFen: fenAmount,
    previousEndDate: day,
    newEndDate: day,
    previousTerms: z.string(),
    newTerms: z.string(),
    /** A new procurement record the amendment carries (replaces the contract's when approved), with the warnings it drew. */
    newProcurement: z.strictObject({ ...procurementRecord, warnings: z.array(z.string()) }).optional(),
    /** Only when the amendment changes the targets: all of them before, and all of them after. */
    previousTargets: targets.optional(),
    newTargets: targets.optional(),
  }),
  'amendment.approved': amendmentTransition,
  'amendment.rejected': amendmentTransition,
  'milestone.created': created({ contractId: id, title: z.string(), type: z.enum(milestoneTypes), dueDate: day }),
  'milestone.status_changed': transition(milestoneStatuses),
  'deliverable.submitted': created({
    contractId: id,
    contractorId: id,
    milestoneId: id.nullable(),
    title: z.string(),
    periodStart: day,
    periodEnd: day,
    description: z.string(),
    /** Free indicator keys, as deliverables reported them before the catalogue (and lib/synth still writes). */
    indicators: indicatorNumbers.optional(),
    /** Results per catalogue indicator (lib/results). */
    results: results.optional(),
    supersedesId: id.nullable(),
  }),
  'deliverable.accepted': deliverableTransition,
  'deliverable.returned': deliverableTransition,
  'attachment.added': created({ ...storedFile, ownerType: z.enum(attachmentOwners), deliverableId: id.nullish(), contractorId: id.nullish() }).refine(
    ({ after }) => (after.ownerType === 'deliverable' ? typeof after.deliverableId === 'number' : typeof after.contractorId === 'number'),
    { message: 'an attachment names the record it belongs to', path: ['after'] },
  ),
  'payment.recorded': created({ contractId: id, milestoneId: id.nullable(), amountFen: fenAmount, paidOn: day }),
  'evaluation.recorded': created({
    contractId: id,
    evaluatorKind: z.enum(evaluatorKinds),
    periodStart: day,
    periodEnd: day,
    scores: indicatorNumbers,
    overallScore: z.number().int(),
    grade: z.enum(grades),
    comment: z.string(),
  }),
  'evaluator.assigned': created({ contractId: id, userId: id }),
  'evaluator.unassigned': z.strictObject({ before: z.strictObject({ contractId: id, userId: id }) }),
  /** Notifications the person marked read (lib/notifications): their keys (`event:<seq>`, `milestone:<id>:<due>`). */
  'notification.read': z.strictObject({ keys: z.array(z.string()) }),
  'report.submitted': created({ recordType: z.enum(reportedRecordTypes), recordKey: z.string(), message: z.string() }),
  'report.closed': transition(errorReportStatuses),
} as const;

export type AuditAction = keyof typeof auditDataSchemas;
/** The data of one action, as written and as read back. */
export type AuditData<A extends AuditAction> = z.infer<(typeof auditDataSchemas)[A]>;

export const auditActions = Object.keys(auditDataSchemas) as AuditAction[];

export const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(auditDataSchemas, action);

/**
 * An event's action with its typed data, one member per action: a reader that switches on `action` gets the
 * data's fields with their types (`case 'payment.recorded': e.data.after.amountFen`).
 */
export type AuditEventData = { [A in AuditAction]: { action: A; data: AuditData<A> } }[AuditAction];

/** Where the request that caused an event came from (DESIGN: request metadata on every event of a request). */
export type RequestMeta = {
  /** The client's address as lib/auth/request.ts trusts it (TRUST_PROXY), or `unknown`. */
  address: string;
  /** The User-Agent header, well-formed and truncated; absent when the request sent none. */
  userAgent?: string;
};

/** What a use case hands to the trail; sequence, time, actor snapshot and hashes are added on append. */
export type AuditInput<A extends AuditAction = AuditAction> = {
  action: A;
  entityType: string;
  entityId: string | number;
  departmentId?: number | null;
  data: AuditData<A>;
  /** Normally left out: the actor's request (Actor.request) is recorded. */
  requestMeta?: RequestMeta | null;
};

export function parseAuditData<A extends AuditAction>(action: A, data: unknown): AuditData<A> {
  return auditDataSchemas[action].parse(data) as AuditData<A>;
}

/**
 * A stored event's data (the JSON text of the `data` column) parsed against its action's schema, or null
 * when the action is unknown or the data does not fit (an event written by an older version): the reader
 * then shows the raw JSON. Never throws, so one odd event cannot break a page of the trail.
 */
export function parseStoredAuditEvent(action: string, data: string): AuditEventData | null {
  if (!isAuditAction(action)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = auditDataSchemas[action].safeParse(raw);
  return parsed.success ? ({ action, data: parsed.data } as AuditEventData) : null;
}

/** Field-by-field changes between two versions of a record, only for fields that differ. */
export function diffFields<B extends Record<string, unknown>, A extends { [K in keyof B]?: unknown }>(
  before: B,
  after: A,
): { [K in keyof A]?: { before: B[K & keyof B] | null; after: Exclude<A[K], undefined> } } {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = { before: before[key] ?? null, after: value };
  }
  return changes as { [K in keyof A]?: { before: B[K & keyof B] | null; after: Exclude<A[K], undefined> } };
}
