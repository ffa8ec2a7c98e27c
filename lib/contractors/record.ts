import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contracts, deliverables, evaluations } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { isPublishedContractStatus, isSubmittedOnTime } from '../domain/predicates';

/** Accepted, and submitted on time (lib/domain/predicates.ts: in Shanghai's calendar, within the grace days after its period). */
export function isAcceptedOnTime(d: { status: string; submittedAt: string; periodEnd: string }): boolean {
  return d.status === 'accepted' && isSubmittedOnTime(d.submittedAt, d.periodEnd);
}

export type ContractorRecord = {
  contractsHeld: number;
  /** Pieces of work: deliverables not replaced by a resubmission. */
  deliverables: number;
  accepted: number;
  acceptedOnTime: number;
  evaluations: number;
  /** Mean overall evaluation score to one decimal, or null without evaluations. */
  averageScore: number | null;
};

/** Pure: the record from the contractor's rows. */
export function summarizeRecord(
  contractRows: { status: string }[],
  deliverableRows: { id: number; status: string; submittedAt: string; periodEnd: string; supersedesId: number | null }[],
  scores: number[],
): ContractorRecord {
  const replaced = new Set(deliverableRows.map((d) => d.supersedesId).filter((id): id is number => id !== null));
  const current = deliverableRows.filter((d) => !replaced.has(d.id));
  return {
    // Held: approved at some point, which is what published means.
    contractsHeld: contractRows.filter((c) => isPublishedContractStatus(c.status)).length,
    deliverables: current.length,
    accepted: current.filter((d) => d.status === 'accepted').length,
    acceptedOnTime: current.filter(isAcceptedOnTime).length,
    evaluations: scores.length,
    averageScore: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
  };
}

/**
 * A contractor's record, shown to staff when a contract for it is drafted, approved or renewed:
 * contracts held, deliverables accepted on time, average evaluation.
 */
export function findContractorRecord(db: Db, actor: Actor, contractorId: number): ContractorRecord {
  requirePermission(actor, 'contractor.read');
  const contractRows = db.select({ id: contracts.id, status: contracts.status }).from(contracts).where(eq(contracts.contractorId, contractorId)).all();
  const deliverableRows = db
    .select({ id: deliverables.id, status: deliverables.status, submittedAt: deliverables.submittedAt, periodEnd: deliverables.periodEnd, supersedesId: deliverables.supersedesId })
    .from(deliverables)
    .where(eq(deliverables.contractorId, contractorId))
    .all();
  const ids = contractRows.map((c) => c.id);
  const scores = ids.length
    ? db.select({ score: evaluations.overallScore }).from(evaluations).where(inArray(evaluations.contractId, ids)).all().map((r) => r.score)
    : [];
  return summarizeRecord(contractRows, deliverableRows, scores);
}
