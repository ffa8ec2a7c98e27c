import { AppError } from '../errors';
import type { ActorRole } from '../domain/enums';
import type { Actor } from './actor';
import { isInScope, type ScopedResource } from './scope';

export const permissions = [
  'department.manage',
  'matter.read',
  'matter.edit',
  'contractor.read',
  'contractor.edit',
  'contractor.verify',
  'catalogue.import',
  'contract.read',
  'contract.draft',
  'contract.submit',
  'contract.approve',
  'contract.manage',
  'amendment.request',
  'amendment.approve',
  'milestone.update',
  'deliverable.read',
  'deliverable.submit',
  'deliverable.review',
  'payment.record',
  'evaluation.record',
  'evaluator.assign',
  'user.manage',
  'audit.read',
  'report.manage',
  'notification.read',
] as const;
export type Permission = (typeof permissions)[number];

const staffRead: Permission[] = ['matter.read', 'contractor.read', 'contract.read', 'deliverable.read', 'notification.read'];
const officer: Permission[] = [
  ...staffRead,
  'matter.edit',
  'contract.draft',
  'contract.submit',
  'contract.manage',
  'amendment.request',
  'milestone.update',
  'deliverable.review',
  'payment.record',
  'evaluation.record',
];

/** What each role may do. Scope (department, organization, assignment) is checked separately. */
export const rolePermissions: Record<ActorRole, readonly Permission[]> = {
  admin: [...staffRead, 'department.manage', 'matter.edit', 'contractor.edit', 'contractor.verify', 'catalogue.import', 'evaluator.assign', 'user.manage', 'audit.read', 'report.manage'],
  officer,
  approver: [...officer, 'contract.approve', 'amendment.approve'],
  auditor: [...staffRead, 'audit.read'],
  contractor: ['contract.read', 'deliverable.read', 'deliverable.submit', 'notification.read'],
  evaluator: ['contract.read', 'deliverable.read', 'evaluation.record', 'notification.read'],
  system: [...permissions],
  public: [],
};

export type { ScopedResource };

/** The role may do it, and (given a record) the record lies within the actor's scope (lib/auth/scope.ts). */
export function can(actor: Actor, permission: Permission, resource?: ScopedResource): boolean {
  if (!rolePermissions[actor.role].includes(permission)) return false;
  return !resource || isInScope(actor, resource);
}

/**
 * First line of every use case. A record outside the actor's scope answers not-found, so an ID
 * guessed from outside tells nothing about whether it exists.
 */
export function requirePermission(actor: Actor, permission: Permission, resource?: ScopedResource): void {
  if (actor.role === 'public') throw new AppError('unauthenticated', `sign-in required for ${permission}`);
  if (!rolePermissions[actor.role].includes(permission)) {
    throw new AppError('forbidden', `${actor.role} may not ${permission}`);
  }
  if (resource && !can(actor, permission, resource)) throw new AppError('not_found', 'record not found');
}
