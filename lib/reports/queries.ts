import 'server-only';
import { asc, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { errorReports, users } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import type { ErrorReportStatus } from '../domain/enums';
import { PAGE_SIZE, readCountedPage, type PageRequest } from '../shared/paging';

/** The admin's inbox: reports of one status (open ones oldest first, closed ones newest first), a page at a time, and how many there are. */
export function listErrorReports(db: Db, actor: Actor, status: ErrorReportStatus, { page = 1, size = PAGE_SIZE }: PageRequest = {}) {
  requirePermission(actor, 'report.manage');
  const read = (limit: number, offset: number) => db
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
    .limit(limit)
    .offset(offset)
    .all();
  return readCountedPage(page, read, () => countErrorReports(db, actor, status), size);
}

export function countErrorReports(db: Db, actor: Actor, status: ErrorReportStatus): number {
  requirePermission(actor, 'report.manage');
  return db.select({ n: count() }).from(errorReports).where(eq(errorReports.status, status)).get()?.n ?? 0;
}
