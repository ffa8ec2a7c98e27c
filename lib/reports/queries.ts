import 'server-only';
import { asc, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { errorReports, users } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import type { ErrorReportStatus } from '../domain/enums';
import { capped } from '../shared/capped';

export const REPORTS_PAGE = 100;

/** The admin's inbox: reports of one status (open ones oldest first, closed ones newest first) and how many there are. */
export function listErrorReports(db: Db, actor: Actor, status: ErrorReportStatus) {
  requirePermission(actor, 'report.manage');
  const items = db
    .select({
      id: errorReports.id,
      recordType: errorReports.recordType,
      recordKey: errorReports.recordKey,
      message: errorReports.message,
      createdAt: errorReports.createdAt,
      closedAt: errorReports.closedAt,
      closingNote: errorReports.closingNote,
      closedByName: users.name,
    })
    .from(errorReports)
    .leftJoin(users, eq(users.id, errorReports.closedBy))
    .where(eq(errorReports.status, status))
    .orderBy(status === 'open' ? asc(errorReports.id) : desc(errorReports.id))
    .limit(REPORTS_PAGE)
    .all();
  return capped(items, REPORTS_PAGE, () => countErrorReports(db, actor, status));
}

export function countErrorReports(db: Db, actor: Actor, status: ErrorReportStatus): number {
  requirePermission(actor, 'report.manage');
  return db.select({ n: count() }).from(errorReports).where(eq(errorReports.status, status)).get()?.n ?? 0;
}
