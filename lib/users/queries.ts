import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractors, departments, users } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  departmentId: users.departmentId,
  contractorId: users.contractorId,
  departmentNameZh: departments.nameZh,
  departmentNameEn: departments.nameEn,
  contractorNameZh: contractors.nameZh,
  contractorNameEn: contractors.nameEn,
};

export function listUsers(db: Db, actor: Actor) {
  requirePermission(actor, 'user.manage');
  return db
    .select(userColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(contractors, eq(contractors.id, users.contractorId))
    .orderBy(asc(users.role), asc(users.email))
    .all();
}

export function findUser(db: Db, actor: Actor, userId: number) {
  requirePermission(actor, 'user.manage');
  return db
    .select(userColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(contractors, eq(contractors.id, users.contractorId))
    .where(eq(users.id, userId))
    .get();
}

/** Choices for the scope of a user: departments and contractors. */
export function listScopeChoices(db: Db, actor: Actor) {
  requirePermission(actor, 'user.manage');
  return {
    departments: db.select({ id: departments.id, nameZh: departments.nameZh, nameEn: departments.nameEn }).from(departments).orderBy(asc(departments.code)).all(),
    contractors: db.select({ id: contractors.id, nameZh: contractors.nameZh, nameEn: contractors.nameEn }).from(contractors).orderBy(asc(contractors.nameZh)).all(),
  };
}
