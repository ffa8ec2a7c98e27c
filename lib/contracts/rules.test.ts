import { describe, expect, it } from 'vitest';
import { amendmentStatuses, contractStatuses, milestoneStatuses, type AmendmentStatus, type ContractStatus, type MilestoneStatus } from '../domain/enums';
import { reachableStatuses } from '../domain/transitions';
import {
  amendmentSteps,
  amendmentTransitions,
  availableTransitions,
  contractTransitionNames,
  milestoneSteps,
  milestoneTransitions,
  nextAmendmentStatus,
  nextContractStatus,
  nextMilestoneStatus,
  termProblem,
  type AmendmentStep,
  type MilestoneStep,
} from './rules';

describe('contract transition table', () => {
  const legal: Record<string, ContractStatus> = {
    'draft submit': 'pending_approval',
    'draft cancel': 'cancelled',
    'pending_approval approve': 'active',
    'pending_approval return': 'draft',
    'pending_approval cancel': 'cancelled',
    'active suspend': 'suspended',
    'active complete': 'completed',
    'active terminate': 'terminated',
    'suspended resume': 'active',
    'suspended terminate': 'terminated',
  };

  it('allows exactly the lifecycle in DESIGN.md', () => {
    for (const status of contractStatuses) {
      for (const t of contractTransitionNames) {
        expect(nextContractStatus(status, t), `${status} ${t}`).toBe(legal[`${status} ${t}`] ?? null);
      }
    }
  });

  it('leaves completed, cancelled and terminated contracts final', () => {
    for (const status of ['completed', 'cancelled', 'terminated'] as const) expect(availableTransitions(status)).toEqual([]);
  });
});

describe('milestone transition table', () => {
  const legal: Record<string, MilestoneStatus> = {
    'scheduled meet': 'met',
    'scheduled meet_partially': 'partially_met',
    'scheduled miss': 'not_met',
  };

  it('allows exactly scheduled → met | partially_met | not_met', () => {
    for (const status of milestoneStatuses) {
      for (const step of milestoneSteps) {
        expect(nextMilestoneStatus(status, step), `${status} ${step}`).toBe(legal[`${status} ${step}`] ?? null);
      }
    }
  });

  it('keeps a recorded result: met, partially_met and not_met lead nowhere, nothing leads back to scheduled', () => {
    for (const status of ['met', 'partially_met', 'not_met'] as const) {
      expect(reachableStatuses<MilestoneStatus, MilestoneStep>(milestoneTransitions, status), status).toEqual([]);
    }
    expect(nextMilestoneStatus('met', 'meet')).toBeNull();
    for (const status of milestoneStatuses) expect(reachableStatuses<MilestoneStatus, MilestoneStep>(milestoneTransitions, status)).not.toContain('scheduled');
  });
});

describe('amendment transition table', () => {
  const legal: Record<string, AmendmentStatus> = {
    'pending_approval approve': 'approved',
    'pending_approval reject': 'rejected',
  };

  it('allows exactly pending_approval → approved | rejected', () => {
    for (const status of amendmentStatuses) {
      for (const step of amendmentSteps) {
        expect(nextAmendmentStatus(status, step), `${status} ${step}`).toBe(legal[`${status} ${step}`] ?? null);
      }
    }
  });

  it('never reverses a decision: approved → rejected and rejected → approved are refused', () => {
    expect(nextAmendmentStatus('approved', 'reject')).toBeNull();
    expect(nextAmendmentStatus('rejected', 'approve')).toBeNull();
    for (const status of ['approved', 'rejected'] as const) expect(reachableStatuses<AmendmentStatus, AmendmentStep>(amendmentTransitions, status)).toEqual([]);
  });
});

describe('contract term (Order No. 102)', () => {
  it('allows one year without justification', () => {
    expect(termProblem('2026-01-01', '2026-12-31', null)).toBeNull();
    expect(termProblem('2024-03-01', '2025-02-28', null)).toBeNull();
  });
  it('needs a justification past one year and refuses past three', () => {
    expect(termProblem('2026-01-01', '2027-01-01', null)).toBe('justification_required');
    expect(termProblem('2026-01-01', '2028-12-31', '稳定持续服务，预算已落实')).toBeNull();
    expect(termProblem('2026-01-01', '2029-01-01', '稳定持续服务，预算已落实')).toBe('term_too_long');
  });
  it('refuses an end before the start', () => {
    expect(termProblem('2026-02-01', '2026-01-31', null)).toBe('period_order');
  });
});
