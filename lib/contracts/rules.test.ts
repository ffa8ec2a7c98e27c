import { describe, expect, it } from 'vitest';
import { contractStatuses, type ContractStatus } from '../domain/enums';
import { availableTransitions, contractTransitionNames, nextContractStatus, termProblem } from './rules';

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
