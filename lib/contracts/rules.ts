import type { AmendmentStatus, ContractStatus, MilestoneStatus } from '../domain/enums';
import { runningContractStatuses } from '../domain/predicates';
import { availableSteps, nextStatus, stepsOf, type TransitionTable } from '../domain/transitions';
import type { Permission } from '../auth/permissions';
import type { AuditAction } from '../audit/events';

/** The contract lifecycle, in one table: each step, where it may start, where it ends, who may take it. */
export const contractTransitions = {
  submit: { from: ['draft'], to: 'pending_approval', permission: 'contract.submit', action: 'contract.submitted', needs: null },
  return: { from: ['pending_approval'], to: 'draft', permission: 'contract.approve', action: 'contract.returned', needs: 'comment' },
  approve: { from: ['pending_approval'], to: 'active', permission: 'contract.approve', action: 'contract.approved', needs: null },
  cancel: { from: ['draft', 'pending_approval'], to: 'cancelled', permission: 'contract.manage', action: 'contract.cancelled', needs: 'reason' },
  suspend: { from: ['active'], to: 'suspended', permission: 'contract.manage', action: 'contract.suspended', needs: 'reason' },
  resume: { from: ['suspended'], to: 'active', permission: 'contract.manage', action: 'contract.resumed', needs: null },
  complete: { from: ['active'], to: 'completed', permission: 'contract.manage', action: 'contract.completed', needs: null },
  terminate: { from: runningContractStatuses, to: 'terminated', permission: 'contract.manage', action: 'contract.terminated', needs: 'reason' },
} as const satisfies Record<
  string,
  { from: readonly ContractStatus[]; to: ContractStatus; permission: Permission; action: AuditAction; needs: 'reason' | 'comment' | null }
>;

export type ContractTransition = keyof typeof contractTransitions;
export const contractTransitionNames = Object.keys(contractTransitions) as ContractTransition[];

/** The status after `transition`, or null when the step is not allowed from `status`. */
export const nextContractStatus = (status: ContractStatus, transition: ContractTransition): ContractStatus | null =>
  nextStatus<ContractStatus, ContractTransition>(contractTransitions, status, transition);

/** Steps available from a status. */
export const availableTransitions = (status: ContractStatus): ContractTransition[] =>
  availableSteps<ContractStatus, ContractTransition>(contractTransitions, status);

/**
 * A milestone's result: scheduled → met | partially_met | not_met. A recorded result is final (DESIGN.md
 * names no way back); a payment against a payment milestone records it as met.
 */
export const milestoneTransitions = {
  meet: { from: ['scheduled'], to: 'met' },
  meet_partially: { from: ['scheduled'], to: 'partially_met' },
  miss: { from: ['scheduled'], to: 'not_met' },
} as const satisfies TransitionTable<MilestoneStatus>;
export type MilestoneStep = keyof typeof milestoneTransitions;
export const milestoneSteps = stepsOf<MilestoneStatus, MilestoneStep>(milestoneTransitions);
export const nextMilestoneStatus = (status: MilestoneStatus, step: MilestoneStep): MilestoneStatus | null =>
  nextStatus<MilestoneStatus, MilestoneStep>(milestoneTransitions, status, step);

/** An amendment waits for an approver, who approves or rejects it once: pending_approval → approved | rejected. */
export const amendmentTransitions = {
  approve: { from: ['pending_approval'], to: 'approved' },
  reject: { from: ['pending_approval'], to: 'rejected' },
} as const satisfies TransitionTable<AmendmentStatus>;
export type AmendmentStep = keyof typeof amendmentTransitions;
export const amendmentSteps = stepsOf<AmendmentStatus, AmendmentStep>(amendmentTransitions);
export const nextAmendmentStatus = (status: AmendmentStatus, step: AmendmentStep): AmendmentStatus | null =>
  nextStatus<AmendmentStatus, AmendmentStep>(amendmentTransitions, status, step);

const addYears = (date: string, years: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Ministry of Finance Order No. 102: a term of at most one year; up to three years only for stable,
 * continuous services with secured budget, which the drafter must justify.
 */
export function termProblem(startDate: string, endDate: string, justification: string | null | undefined): 'period_order' | 'term_too_long' | 'justification_required' | null {
  if (endDate < startDate) return 'period_order';
  if (endDate <= addYears(startDate, 1)) return null;
  if (endDate > addYears(startDate, 3)) return 'term_too_long';
  return justification && justification.trim().length > 0 ? null : 'justification_required';
}
