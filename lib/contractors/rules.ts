import type { VerificationStatus } from '../domain/enums';
import { nextStatus, stepBetween, stepsOf, type TransitionTable } from '../domain/transitions';

/** Verification: pending → verified → suspended | debarred; suspended → verified (reinstated) or debarred. Debarment is final. */
export const verificationTransitions = {
  verify: { from: ['pending'], to: 'verified' },
  suspend: { from: ['verified'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'verified' },
  debar: { from: ['verified', 'suspended'], to: 'debarred' },
} as const satisfies TransitionTable<VerificationStatus>;
export type VerificationStep = keyof typeof verificationTransitions;
export const verificationSteps = stepsOf<VerificationStatus, VerificationStep>(verificationTransitions);
export const nextVerificationStatus = (status: VerificationStatus, step: VerificationStep): VerificationStatus | null =>
  nextStatus<VerificationStatus, VerificationStep>(verificationTransitions, status, step);

/** Whether the table has a step from `from` to `to` (the verification form names the target status). */
export const canChangeVerification = (from: VerificationStatus, to: VerificationStatus): boolean =>
  stepBetween<VerificationStatus, VerificationStep>(verificationTransitions, from, to) !== null;
