import { nextStatus, stepsOf, type TransitionTable } from '../domain/transitions';

/**
 * An evaluator's assignment to a contract. It is stored as the presence of a row in evaluator_assignments:
 * assigned when the row exists, unassigned when it does not.
 */
export const assignmentStatuses = ['unassigned', 'assigned'] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

/** unassigned → assigned → unassigned: an admin assigns an evaluator, and may withdraw the assignment. */
export const assignmentTransitions = {
  assign: { from: ['unassigned'], to: 'assigned' },
  unassign: { from: ['assigned'], to: 'unassigned' },
} as const satisfies TransitionTable<AssignmentStatus>;
export type AssignmentStep = keyof typeof assignmentTransitions;
export const assignmentSteps = stepsOf<AssignmentStatus, AssignmentStep>(assignmentTransitions);
export const nextAssignmentStatus = (status: AssignmentStatus, step: AssignmentStep): AssignmentStatus | null =>
  nextStatus<AssignmentStatus, AssignmentStep>(assignmentTransitions, status, step);
