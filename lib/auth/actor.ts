import type { RequestMeta } from '../audit/events';
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
  /** The request the actor acts through (address, user agent); every audit event it writes records it. Scripts and the system have none. */
  request?: RequestMeta;
};

/** Whom an actor stands for: a signed-in user's session, a user row with its organization's name, the system or the public. */
export type ActorIdentity = Pick<Actor, 'id' | 'name' | 'role' | 'departmentId' | 'contractorId' | 'orgName'>;

/**
 * The one way to make an Actor. Only the identity's own fields are taken (a session's id and email stay
 * behind); `request` is the metadata of the request it acts through, recorded with each of its audit events.
 */
export function buildActor(who: ActorIdentity, request?: RequestMeta | null): Actor {
  const actor: Actor = { id: who.id, name: who.name, role: who.role, departmentId: who.departmentId, contractorId: who.contractorId, orgName: who.orgName };
  if (request) actor.request = request;
  return actor;
}

export function systemActor(name = 'system'): Actor {
  return buildActor({ id: null, name, role: 'system', departmentId: null, contractorId: null, orgName: null });
}

/** The public (nobody signed in), optionally through a request whose metadata its events record. */
export function publicActorFor(request?: RequestMeta | null, name = 'public'): Actor {
  return buildActor({ id: null, name, role: 'public', departmentId: null, contractorId: null, orgName: null }, request);
}

export const publicActor: Actor = publicActorFor();

/** The user id behind an actor; writes that name a person (drafter, reviewer, payer) need one. */
export function requireUserId(actor: Actor): number {
  if (actor.id === null) throw new Error(`${actor.role} actor has no user id`);
  return actor.id;
}
