import 'server-only';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ChainedEvent } from './chain';
import { publishedContractSql } from '../domain/predicates';

/**
 * The trail for outsiders. Every event appears, in order, with its hash and the previous hash, so the
 * chain's links can be checked end to end. An event about a published record, by staff, also shows what
 * the public pages show of it (see `publicData` below); everything else is published by hash only.
 *
 * Field by field: the action, entity, department, time and the actor's role and organization are public;
 * the actor's name and user id are not (a person: only the registry's own programs, role `system`, are
 * named), nor the request it came through (address, user agent); of the data, the fields the public pages
 * show of the record are public, while review, return and evaluation comments, reasons the public pages do
 * not show, user ids and server file names are withheld.
 * An event shown whole (nothing withheld: `withheld` is empty) can be checked against its hash,
 * hash = SHA-256(prevHash ‖ RFC 8785 JSON of `event`); an event with something withheld cannot, and lists
 * the withheld paths, while its hash still links the chain.
 */
/** Digits only, as the other endpoints read numbers: Number() would also take ' 5', '1e2', '0x10' and ''. */
const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,15}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

/** `after` (a sequence number, default 0) and `limit` (1–500, default 100); anything else is refused (400). */
export const leafQuery = z.object({
  after: wholeNumber('after', 0, Number.MAX_SAFE_INTEGER).default(0),
  limit: wholeNumber('limit', 1, 500).default(100),
});

type Row = ChainedEvent & { prevHash: string; hash: string };

export type LeafItem =
  | { seq: number; prevHash: string; hash: string; published: true; event: Record<string, unknown>; withheld: string[] }
  | { seq: number; prevHash: string; hash: string; published: false };

/** What of an object is public: a field named with `true` is shown as is, a nested mask applies to an object field. */
type Mask = { readonly [field: string]: true | Mask };
const statusChange: Mask = { from: true, to: true };
/** Suspensions and terminations: the reason is on the public contract page (statusReason). */
const statusChangeWithReason: Mask = { from: true, to: true, reason: true };
const departmentFields: Mask = { code: true, nameZh: true, nameEn: true, kind: true, creditCode: true };
const matterFields: Mask = { titleZh: true, titleEn: true, descriptionZh: true, descriptionEn: true, category: true, legalBasis: true, serviceStandard: true, annualBudgetFen: true };
const changesOf = (fields: Mask): Mask => ({ changes: Object.fromEntries(Object.keys(fields).map((k) => [k, { before: true, after: true }])) });

/**
 * The actions whose content the feed shows, with the part of their data that is public (what the public
 * pages show of the record). An action not listed here is published by hash only, whatever its record.
 */
const publicData: Readonly<Record<string, Mask>> = {
  'department.created': { after: departmentFields },
  'department.updated': changesOf(departmentFields),
  // The counts; `source` names files on the server.
  'catalogue.imported': { counts: true },
  'matter.created': { after: { code: true, ...matterFields, departmentId: true, catalogueStatus: true, withdrawalReason: true } },
  'matter.updated': changesOf(matterFields),
  // The reason of a withdrawal is on the public matter page (withdrawalReason).
  'matter.status_changed': statusChangeWithReason,
  // The status is public; the reason for a suspension or debarment is not on any public page.
  'contractor.verification_changed': statusChange,
  // Everything on the public contract page; not who drafted it (a user id).
  'contract.drafted': {
    after: { reference: true, matterId: true, contractorId: true, departmentId: true, valueFen: true, startDate: true, endDate: true, justification: true, terms: true, noSubcontractDeclared: true, renewalOfId: true },
  },
  // A draft's edits, once the contract is published: the same fields as its drafted event.
  'contract.draft_edited': changesOf({ contractorId: true, valueFen: true, startDate: true, endDate: true, justification: true, terms: true, noSubcontractDeclared: true, milestones: true }),
  'contract.updated': changesOf({ valueFen: true, endDate: true, terms: true }),
  'contract.submitted': statusChange,
  'contract.returned': statusChange,
  'contract.approved': statusChange,
  'contract.resumed': statusChange,
  'contract.completed': statusChange,
  'contract.suspended': statusChangeWithReason,
  'contract.terminated': statusChangeWithReason,
  'amendment.requested': { after: { contractId: true, rationale: true, previousValueFen: true, newValueFen: true, previousEndDate: true, newEndDate: true, previousTerms: true, newTerms: true } },
  'amendment.approved': statusChange,
  'milestone.created': { after: { contractId: true, title: true, type: true, dueDate: true } },
  'milestone.status_changed': statusChange,
  'payment.recorded': { after: { contractId: true, milestoneId: true, amountFen: true, paidOn: true } },
  // Scores and grade are on the public pages; the evaluator's comment is not.
  'evaluation.recorded': { after: { contractId: true, evaluatorKind: true, periodStart: true, periodEnd: true, scores: true, overallScore: true, grade: true } },
  'deliverable.accepted': statusChange,
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `value` with only what `mask` shows; the paths of everything else go to `withheld`. */
function shown(value: Record<string, unknown>, mask: Mask, path: string, withheld: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const m = mask[key];
    if (m === true) out[key] = v;
    else if (m !== undefined && isPlainObject(v)) out[key] = shown(v, m, `${path}.${key}`, withheld);
    else withheld.push(`${path}.${key}`);
  }
  return out;
}

const PUBLISHED_CONTRACT = publishedContractSql('status');

/** Whether the record an event is about is public now (drafts, pending and cancelled contracts are not). */
function recordIsPublic(sqlite: Database.Database, row: Row): boolean {
  const id = Number(row.entityId);
  const one = (sql: string) => sqlite.prepare(sql).get(id) !== undefined;
  switch (row.entityType) {
    case 'department':
      return true;
    case 'catalogue':
      return row.action === 'catalogue.imported';
    case 'matter':
      return one(`select 1 from matters where id = ? and catalogue_status <> 'draft'`);
    case 'contractor':
      // Registration carries the legal representative and contact markers; verification changes do not.
      return row.action === 'contractor.verification_changed';
    case 'contract':
      return one(`select 1 from contracts where id = ? and ${PUBLISHED_CONTRACT}`);
    case 'milestone':
      return one(`select 1 from milestones m join contracts c on c.id = m.contract_id where m.id = ? and c.${PUBLISHED_CONTRACT}`);
    case 'payment':
      return one(`select 1 from payments p join contracts c on c.id = p.contract_id where p.id = ? and c.${PUBLISHED_CONTRACT}`);
    case 'evaluation':
      return one(`select 1 from evaluations e join contracts c on c.id = e.contract_id where e.id = ? and c.${PUBLISHED_CONTRACT}`);
    case 'amendment':
      return one(`select 1 from amendments a join contracts c on c.id = a.contract_id where a.id = ? and a.status = 'approved' and c.${PUBLISHED_CONTRACT}`);
    case 'deliverable':
      return row.action === 'deliverable.accepted' && one(`select 1 from deliverables d join contracts c on c.id = d.contract_id where d.id = ? and d.status = 'accepted' and c.${PUBLISHED_CONTRACT}`);
    default:
      return false;
  }
}

export function isPublishable(sqlite: Database.Database, row: Row): boolean {
  if (!Object.hasOwn(publicData, row.action)) return false;
  if (row.actorRole === 'contractor' || row.actorRole === 'public' || row.actorRole === 'evaluator') return false;
  if (row.action.startsWith('auth.') || row.action.startsWith('user.') || row.action.startsWith('attachment.')) return false;
  return recordIsPublic(sqlite, row);
}

export function leafPage(sqlite: Database.Database, query: z.infer<typeof leafQuery>): { items: LeafItem[]; next: number | null } {
  const rows = sqlite
    .prepare(
      `select seq, occurred_at as occurredAt, actor_id as actorId, actor_name as actorName, actor_role as actorRole, actor_org as actorOrg,
              action, entity_type as entityType, entity_id as entityId, department_id as departmentId, data, request_meta as requestMeta,
              prev_hash as prevHash, hash
       from audit_events where seq > ? order by seq limit ?`,
    )
    .all(query.after, query.limit + 1) as Row[];
  const page = rows.slice(0, query.limit);
  const items = page.map((r): LeafItem => {
    if (!isPublishable(sqlite, r)) return { seq: r.seq, prevHash: r.prevHash, hash: r.hash, published: false };
    const withheld: string[] = [];
    const data = JSON.parse(r.data) as unknown;
    // A person is shown by role and organization; the registry's own programs (role `system`) by name.
    const isProgram = r.actorRole === 'system';
    if (!isProgram) withheld.push('actor.id', 'actor.name');
    // The request an event came through (address, user agent) is personal too: withheld, never shown.
    if (r.requestMeta !== null) withheld.push('requestMeta');
    return {
      seq: r.seq,
      prevHash: r.prevHash,
      hash: r.hash,
      published: true,
      event: {
        seq: r.seq,
        occurredAt: r.occurredAt,
        actor: isProgram ? { id: r.actorId, name: r.actorName, role: r.actorRole, org: r.actorOrg } : { role: r.actorRole, org: r.actorOrg },
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        departmentId: r.departmentId,
        data: isPlainObject(data) ? shown(data, publicData[r.action]!, 'data', withheld) : data,
        ...(r.requestMeta === null ? { requestMeta: null } : {}),
      },
      withheld,
    };
  });
  return { items, next: rows.length > query.limit ? page.at(-1)!.seq : null };
}
