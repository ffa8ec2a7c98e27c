import 'server-only';
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments } from '../../db/schema';

/** Departments with the number of matters each owns (public information: names and codes only). */
export function listDepartments(db: Db) {
  return db
    .select({
      id: departments.id,
      code: departments.code,
      nameZh: departments.nameZh,
      nameEn: departments.nameEn,
      kind: departments.kind,
      // Written out with an alias and the outer table's name: built from Drizzle columns in this single-table
      // select, it became `"department_id" = "id"` inside the subquery, one number for every department.
      matters: sql<number>`(select count(*) from matters dm where dm.department_id = "departments"."id")`,
    })
    .from(departments)
    .orderBy(asc(departments.code))
    .all();
}
