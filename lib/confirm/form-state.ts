import type { ActionState } from '../forms/action-state';
import { formValues } from '../forms/action-state';
import type { ConfirmedOutcome } from './service';

/**
 * The state of a form whose step waits for confirmation: refused (nothing was written), with the
 * consequences to show and what the person typed, so the confirmation keeps their reason.
 */
export function awaitingConfirmation(outcome: Extract<ConfirmedOutcome<unknown>, { done: false }>, formData: FormData): ActionState {
  return {
    status: 'error',
    error: outcome.changed ? 'confirmStep.changed' : 'confirmStep.required',
    confirmation: { ...outcome.consequences, changed: outcome.changed },
    values: formValues(formData, ['password', 'newPassword', 'currentPassword', 'confirmation']),
  };
}
