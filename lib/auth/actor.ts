import type { ActorRole } from '../domain/enums';

/** Who is acting: a signed-in user, the system (seed, import from the command line) or the public. */
export type Actor = {
  id: number | null;
  name: string;
  role: ActorRole;
  departmentId: number | null;
  contractorId: number | null;
  /** Snapshot of the organization's name for the audit trail. */
  orgName: string | null;
};

export function systemActor(name = 'system'): Actor {
  return { id: null, name, role: 'system', departmentId: null, contractorId: null, orgName: null };
}

export const publicActor: Actor = {
  id: null,
  name: 'public',
  role: 'public',
  departmentId: null,
  contractorId: null,
  orgName: null,
};

/** The user id behind an actor; writes that name a person (drafter, reviewer, payer) need one. */
export function requireUserId(actor: Actor): number {
  if (actor.id === null) throw new Error(`${actor.role} actor has no user id`);
  return actor.id;
}
