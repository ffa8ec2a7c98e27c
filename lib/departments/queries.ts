import 'server-only';
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, matters } from '../../db/schema';

/** Departments with the number of matters each owns (public information: names and codes only). */
export function listDepartments(db: Db) {
  return db
    .select({ id: departments.id, code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn, kind: departments.kind, matters: sql<number>`(select count(*) from ${matters} where ${matters.departmentId} = ${departments.id})` })
    .from(departments)
    .orderBy(asc(departments.code))
    .all();
}
