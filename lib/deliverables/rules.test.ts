import { describe, expect, it } from 'vitest';
import { deliverableStatuses, type DeliverableStatus } from '../domain/enums';
import { reachableStatuses } from '../domain/transitions';
import { deliverableSteps, deliverableTransitions, nextDeliverableStatus, type DeliverableStep } from './rules';

describe('deliverable transition table', () => {
  const legal: Record<string, DeliverableStatus> = {
    'submitted accept': 'accepted',
    'submitted return': 'returned',
  };

  it('allows exactly submitted → accepted | returned', () => {
    for (const status of deliverableStatuses) {
      for (const step of deliverableSteps) {
        expect(nextDeliverableStatus(status, step), `${status} ${step}`).toBe(legal[`${status} ${step}`] ?? null);
      }
    }
  });

  it('reviews once: accepted and returned work lead nowhere (returned work comes back as a new deliverable)', () => {
    for (const status of ['accepted', 'returned'] as const) {
      expect(reachableStatuses<DeliverableStatus, DeliverableStep>(deliverableTransitions, status), status).toEqual([]);
    }
    for (const status of deliverableStatuses) expect(reachableStatuses<DeliverableStatus, DeliverableStep>(deliverableTransitions, status)).not.toContain('submitted');
  });
});
