import 'server-only';
import { randomUUID } from 'node:crypto';
import { unstable_rethrow } from 'next/navigation';
import { formErrorOf, isAppError } from '../errors';
import { log } from '../log';
import type { Consequences } from '../confirm/consequences';

/** What a form's server action returns to `useActionState`: message keys, never raw errors. */
export type ActionState = {
  status: 'idle' | 'ok' | 'error';
  /** Message key under `errors.` (codes and rules). */
  error?: string;
  errorParams?: Record<string, string | number>;
  /** Field name → message keys under `validation.`. */
  fieldErrors?: Record<string, string[]>;
  /** Message key under `notices.` for a success. */
  notice?: string;
  /** The id of the record a success created, for the next step on the same screen (a deliverable's files). */
  recordId?: number;
  /** Id of an unexpected error, also in the server log. */
  errorId?: string;
  /** What the user typed, to put back in the form after an error (never passwords). */
  values?: Record<string, string>;
  /**
   * A temporary password the server made (a new user, a reset), shown once on the success that made it.
   * Its own field, never in `values`: nothing puts it back into a form or sends it again.
   */
  oneTimePassword?: string;
  /**
   * An irreversible or public step that was not taken: what it would do, for the person to confirm
   * (lib/confirm); `changed` when a confirmation was sent for figures that have since changed.
   */
  confirmation?: Consequences & { changed: boolean };
};


export function formValues(formData: FormData, omit: readonly string[] = ['password', 'newPassword', 'currentPassword']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === 'string' && !omit.includes(k) && !k.startsWith('$')) values[k] = v;
  return values;
}

/**
 * Runs a form's use case and turns expected failures (AppError) into state the form shows; an
 * unexpected failure is logged with an id and shown only by that id. Redirects pass through.
 */
export async function runFormAction(formData: FormData, fn: () => Promise<ActionState | void> | ActionState | void): Promise<ActionState> {
  try {
    return (await fn()) ?? { status: 'ok' };
  } catch (e) {
    unstable_rethrow(e);
    const values = formValues(formData);
    if (isAppError(e)) {
      return { status: 'error', ...formErrorOf(e), values };
    }
    const errorId = randomUUID();
    log.error({ errorId, err: e }, 'unexpected error in a server action');
    return { status: 'error', error: 'codes.unexpected', errorId, values };
  }
}
