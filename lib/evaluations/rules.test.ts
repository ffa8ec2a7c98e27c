import { describe, expect, it } from 'vitest';
import { assignmentStatuses, assignmentSteps, nextAssignmentStatus, type AssignmentStatus } from './rules';

describe('evaluator assignment transition table', () => {
  const legal: Record<string, AssignmentStatus> = {
    'unassigned assign': 'assigned',
    'assigned unassign': 'unassigned',
  };

  it('allows exactly unassigned → assigned → unassigned', () => {
    for (const status of assignmentStatuses) {
      for (const step of assignmentSteps) {
        expect(nextAssignmentStatus(status, step), `${status} ${step}`).toBe(legal[`${status} ${step}`] ?? null);
      }
    }
  });
});
