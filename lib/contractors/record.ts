import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contracts, deliverables, evaluations } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { todayInShanghai } from '../shared/time';

/** A deliverable counts as on time when submitted no later than this many days after its period ends. */
export const ON_TIME_DAYS = 30;

/** Contracts that were approved at some point: the ones a contractor "held". */
const heldStatuses = ['active', 'suspended', 'completed', 'terminated'] as const;

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Accepted, and submitted (in Shanghai's calendar) no later than ON_TIME_DAYS after the end of its period. */
export function isAcceptedOnTime(d: { status: string; submittedAt: string; periodEnd: string }): boolean {
  return d.status === 'accepted' && todayInShanghai(new Date(d.submittedAt)) <= addDays(d.periodEnd, ON_TIME_DAYS);
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
    contractsHeld: contractRows.filter((c) => (heldStatuses as readonly string[]).includes(c.status)).length,
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
