import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { evaluatorAssignments, users } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';

/** Evaluators assigned to a contract the caller may already see. */
export function listContractEvaluators(db: Db, contractId: number) {
  return db
    .select({ userId: users.id, name: users.name, assignedAt: evaluatorAssignments.createdAt })
    .from(evaluatorAssignments)
    .innerJoin(users, eq(users.id, evaluatorAssignments.userId))
    .where(eq(evaluatorAssignments.contractId, contractId))
    .orderBy(asc(evaluatorAssignments.id))
    .all();
}

/** Active users with the evaluator role, for an admin to assign. */
export function listEvaluatorUsers(db: Db, actor: Actor) {
  requirePermission(actor, 'evaluator.assign');
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'evaluator'), eq(users.disabled, false)))
    .orderBy(asc(users.name))
    .all();
}
