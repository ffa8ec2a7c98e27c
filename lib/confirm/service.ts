import { writeTransaction, type Db, type Tx } from '../../db/client';
import type { Actor } from '../auth/actor';
import { consequencesOf, type ConfirmSubject, type Consequences } from './consequences';

export type ConfirmedOutcome<T> = { done: true; result: T } | { done: false; consequences: Consequences; changed: boolean };

/**
 * Takes an irreversible or public step only when `confirmation` is the token of the consequences as they
 * are now, read in the same write transaction as the step: without it nothing is written and the caller
 * gets the consequences to show; with a token of figures that have since changed (`changed`), likewise.
 * The actor's permission and scope are checked before any figure is read.
 */
export function takeConfirmedStep<T>(
  db: Db,
  actor: Actor,
  request: { subject: ConfirmSubject; step: string; id: number; confirmation?: string | null },
  step: (tx: Tx) => T,
): ConfirmedOutcome<T> {
  return writeTransaction(db, (tx) => {
    const consequences = consequencesOf(tx, actor, request.subject, request.step, request.id);
    if (!request.confirmation || request.confirmation !== consequences.token) {
      return { done: false, consequences, changed: Boolean(request.confirmation) };
    }
    return { done: true, result: step(tx) };
  });
}
