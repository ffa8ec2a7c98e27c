import { describe, expect, it } from 'vitest';
import { verificationStatuses, type VerificationStatus } from '../domain/enums';
import { canChangeVerification, nextVerificationStatus, verificationSteps } from './rules';

describe('verification transition table', () => {
  const legal: Record<string, VerificationStatus> = {
    'pending verify': 'verified',
    'verified suspend': 'suspended',
    'verified debar': 'debarred',
    'suspended reinstate': 'verified',
    'suspended debar': 'debarred',
  };

  it('allows exactly pending → verified → suspended | debarred, suspended → verified | debarred', () => {
    for (const status of verificationStatuses) {
      for (const step of verificationSteps) {
        expect(nextVerificationStatus(status, step), `${status} ${step}`).toBe(legal[`${status} ${step}`] ?? null);
      }
    }
  });

  it('answers the form by target status, and keeps debarment final', () => {
    const targets = new Set(Object.entries(legal).map(([k, to]) => `${k.split(' ')[0]} ${to}`));
    for (const from of verificationStatuses) {
      for (const to of verificationStatuses) expect(canChangeVerification(from, to), `${from} → ${to}`).toBe(targets.has(`${from} ${to}`));
    }
    expect(canChangeVerification('verified', 'pending')).toBe(false);
    expect(canChangeVerification('debarred', 'verified')).toBe(false);
  });
});
