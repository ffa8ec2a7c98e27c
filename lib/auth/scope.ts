import { eq, inArray, and, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { auditEvents, contractors, contracts, deliverables, evaluatorAssignments, matters } from '../../db/schema';
import type { Actor } from './actor';

// Scope, in one place: which records an actor may touch, beyond what their role may do (lib/auth/permissions.ts).
//
//   officer, approver   their department's matters and contracts, and everything recorded against them
//   contractor          their own organization: its contracts once approved (published), its deliverables
//   evaluator           the contracts an admin assigned to them, once approved
//   admin, auditor      everything (the system too: seed, import, scripts)
//   public              nothing here; the public reads through lib/public
//
// Reads ask for a WHERE condition (undefined: no restriction; `0`: nothing), so a record out of scope is
// simply not found. Writes read the record, then ask isInScope through requirePermission(actor, p, resource).
// Either way out of scope answers "not found", never "forbidden".
//
// Files follow their owner: a deliverable's files whom deliverableScope lets see the deliverable, a
// contractor's qualification documents whom contractorScope lets see the contractor (lib/attachments/queries.ts
// asks these two, nothing else). lib/figures/recount.ts counts scope again on purpose, as the independent
// oracle the figures are tested against.

/** Nothing: the condition for an actor who sees none of these records. */
const nothing = sql`0`;

/** Contracts a contractor or an evaluator may see: approved at some point (drafts, pending approvals and cancelled ones never leave the office). */
const approvedContract = () => sql`${contracts.status} not in ('draft', 'pending_approval', 'cancelled')`;

/** The contracts an admin assigned to this evaluator. */
const assignedContract = (actor: Actor) => inArray(contracts.id, sql`(select ${evaluatorAssignments.contractId} from ${evaluatorAssignments} where ${evaluatorAssignments.userId} = ${actor.id ?? -1})`);

/** The organization a record belongs to, for the check a use case makes after reading it. */
export type ScopedResource = {
  departmentId?: number | null;
  contractorId?: number | null;
  /** Evaluators assigned to the record (third-party evaluation); evaluators see nothing else. */
  evaluatorIds?: readonly number[];
};

/** Whether a record read by a use case lies within the actor's scope (a field the resource leaves out is not checked). */
export function isInScope(actor: Actor, resource: ScopedResource): boolean {
  switch (actor.role) {
    case 'officer':
    case 'approver':
      return resource.departmentId === undefined || resource.departmentId === actor.departmentId;
    case 'contractor':
      return resource.contractorId === undefined || resource.contractorId === actor.contractorId;
    case 'evaluator':
      return actor.id !== null && (resource.evaluatorIds?.includes(actor.id) ?? false);
    default:
      return true;
  }
}

/** Contracts the actor sees, as a condition on `contracts`. */
export function contractScope(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case 'officer':
    case 'approver':
      return eq(contracts.departmentId, actor.departmentId ?? -1);
    case 'contractor':
      return and(eq(contracts.contractorId, actor.contractorId ?? -1), approvedContract());
    case 'evaluator':
      return and(assignedContract(actor), approvedContract());
    case 'admin':
    case 'auditor':
    case 'system':
      return undefined;
    default:
      return nothing;
  }
}

/** Matters of the catalogue the actor works on, as a condition on `matters`: officers their department's; contractors and evaluators none (they see their contracts). */
export function matterScope(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case 'officer':
    case 'approver':
      return eq(matters.departmentId, actor.departmentId ?? -1);
    case 'admin':
    case 'auditor':
    case 'system':
      return undefined;
    default:
      return nothing;
  }
}

/**
 * Contractors of the register (and their qualification documents) the actor sees, as a condition on
 * `contractors`: staff who read the register see every organization; a contractor's users only their own;
 * evaluators and the public none (licences carry the legal representative's personal data).
 */
export function contractorScope(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case 'officer':
    case 'approver':
    case 'admin':
    case 'auditor':
    case 'system':
      return undefined;
    case 'contractor':
      return eq(contractors.id, actor.contractorId ?? -1);
    default:
      return nothing;
  }
}

/**
 * Deliverables (and their files) the actor sees, as a condition on `deliverables` joined with their
 * `contracts`: whoever sees the contract (contractScope: the department's officers and approvers, evaluators
 * assigned to it and contractors once it is approved, auditors and admins), and of a contractor's users only
 * their own organization's deliverables. The same rule for the contract page and for a file's download.
 */
export function deliverableScope(actor: Actor): SQL | undefined {
  const contract = contractScope(actor);
  return actor.role === 'contractor' ? and(contract, eq(deliverables.contractorId, actor.contractorId ?? -1)) : contract;
}

/**
 * Four eyes: nobody approves a contract they drafted or an amendment they requested. `by` is who drafted or
 * requested it; the system (no user id) is never the same person.
 */
export function isFourEyesViolation(actor: Actor, by: number | null): boolean {
  return actor.id !== null && actor.id === by;
}

/**
 * Four eyes for edited drafts: whoever edited a contract's draft (contract.draft_edited in the trail) shaped
 * it like its drafter, so they do not approve it either.
 */
export function hasEditedDraft(db: Db | Tx, contractId: number, userId: number | null): boolean {
  if (userId === null) return false;
  return (
    db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'contract'), eq(auditEvents.entityId, String(contractId)), eq(auditEvents.action, 'contract.draft_edited'), eq(auditEvents.actorId, userId)))
      .limit(1)
      .get() !== undefined
  );
}
