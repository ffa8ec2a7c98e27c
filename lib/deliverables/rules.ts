import type { DeliverableStatus } from '../domain/enums';
import { nextStatus, stepsOf, type TransitionTable } from '../domain/transitions';

/**
 * A deliverable is reviewed once: submitted → accepted | returned. Returned work is answered with a NEW
 * deliverable that supersedes it (deliverables.supersedes_id); the returned one keeps its status.
 */
export const deliverableTransitions = {
  accept: { from: ['submitted'], to: 'accepted' },
  return: { from: ['submitted'], to: 'returned' },
} as const satisfies TransitionTable<DeliverableStatus>;
export type DeliverableStep = keyof typeof deliverableTransitions;
export const deliverableSteps = stepsOf<DeliverableStatus, DeliverableStep>(deliverableTransitions);
export const nextDeliverableStatus = (status: DeliverableStatus, step: DeliverableStep): DeliverableStatus | null =>
  nextStatus<DeliverableStatus, DeliverableStep>(deliverableTransitions, status, step);
