import 'server-only';
import { and, asc, eq, or, sql, type AnyColumn } from 'drizzle-orm';
import { z } from 'zod';
import { roles } from '../domain/enums';
import { searchText } from '../shared/search-text';
import type { Db } from '../../db/client';
import { contractors, departments, users } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { PAGE_SIZE, pageNumber, readPage } from '../shared/paging';

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

/** The admin's user list as the URL asks for it: words to find, role, department, page (bad values fall back). */
export const userListQuery = z.object({
  q: searchText().catch(''),
  role: z.enum(roles).optional().catch(undefined),
  department: z.coerce.number().int().positive().optional().catch(undefined),
  page: pageNumber,
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const USERS_PER_PAGE = PAGE_SIZE;

/** `column` contains `word` (LIKE with `!` escaping the wildcards, so `%` and `_` are found as typed). */
const like = (column: AnyColumn, word: string) => sql`${column} like ${`%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`} escape '!'`;

/**
 * Users by role, then email, one page at a time: each word found in the name, the email or the name of the
 * department or organization; filtered by role and department.
 */
export function listUsers(db: Db, actor: Actor, query: UserListQuery = userListQuery.parse({})) {
  requirePermission(actor, 'user.manage');
  const words = query.q.split(/\s+/).filter(Boolean).slice(0, 8);
  const where = and(
    ...words.map((w) => or(like(users.name, w), like(users.email, w), like(departments.nameZh, w), like(departments.nameEn, w), like(contractors.nameZh, w), like(contractors.nameEn, w))),
    query.role ? eq(users.role, query.role) : undefined,
    query.department ? eq(users.departmentId, query.department) : undefined,
  );
  const page = readPage(query.page, (limit, offset) =>
    db
      .select(userColumns)
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .leftJoin(contractors, eq(contractors.id, users.contractorId))
      .where(where)
      .orderBy(asc(users.role), asc(users.email), asc(users.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(contractors, eq(contractors.id, users.contractorId))
    .where(where)
    .get()!.n;
  return { ...page, total };
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
