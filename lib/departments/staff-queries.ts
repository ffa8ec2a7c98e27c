import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments } from '../../db/schema';

/** One department as the admin screens show and edit it, or null. */
export function findDepartment(db: Db, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return (
    db
      .select({ id: departments.id, code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn, kind: departments.kind, creditCode: departments.creditCode })
      .from(departments)
      .where(eq(departments.id, id))
      .get() ?? null
  );
}

/** Every department's unified social credit code (null where none is recorded yet), by department id. */
export function departmentCreditCodes(db: Db): Map<number, string | null> {
  return new Map(db.select({ id: departments.id, creditCode: departments.creditCode }).from(departments).all().map((d) => [d.id, d.creditCode]));
}
