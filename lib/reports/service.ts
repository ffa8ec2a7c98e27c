import { createHmac } from 'node:crypto';
import { and, count, eq, gte, inArray, isNull } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { contractors, contracts, errorReports, matters } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import { publicActor, requireUserId, type Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { getEnv } from '../env';
import { AppError, notFound, ruleViolation } from '../errors';
import type { ErrorReportStatus } from '../domain/enums';
import { requireNextStatus } from '../domain/transitions';
import { publishedCatalogueStatuses, publishedContractStatuses } from '../public/dto';
import { nowIso } from '../shared/time';
import { validate } from '../shared/validate';
import { reportLimits, reportTransitions, type ReportStep } from './rules';
import { closeReportInput, errorReportInput } from './schema';

/** A keyed hash of the client address: enough to count one address's reports, nothing to publish or reverse. */
export function addressKeyOf(address: string | null): string | null {
  if (!address || address === 'unknown') return null;
  return createHmac('sha256', getEnv().AUTH_SECRET).update(`report:${address}`).digest('hex');
}

/** Whether the reported record is one the public can see (only those can be reported). */
function isPublicRecord(tx: Tx, type: string, key: string): boolean {
  if (type === 'matter') return tx.select({ id: matters.id }).from(matters).where(and(eq(matters.code, key), inArray(matters.catalogueStatus, publishedCatalogueStatuses))).get() !== undefined;
  if (type === 'contract') return tx.select({ id: contracts.id }).from(contracts).where(and(eq(contracts.reference, key), inArray(contracts.status, publishedContractStatuses))).get() !== undefined;
  const id = /^[0-9]{1,12}$/.test(key) ? Number(key) : -1;
  return tx.select({ id: contractors.id }).from(contractors).where(eq(contractors.id, id)).get() !== undefined;
}

/**
 * A visitor reports an error in a public record, without an account. Throttled per address (by its keyed
 * hash); addresses the registry cannot tell apart share one hourly allowance. The report and its audit
 * event are written together; nothing of it is published.
 */
export function submitErrorReport(db: Db, input: unknown, client: { address: string | null }, now = new Date()) {
  const data = validate(errorReportInput, input);
  const addressKey = addressKeyOf(client.address);
  const since = new Date(now.getTime() - 3_600_000).toISOString();
  return writeTransaction(db, (tx) => {
    if (!isPublicRecord(tx, data.recordType, data.recordKey)) throw notFound('record');
    const recent =
      tx
        .select({ n: count() })
        .from(errorReports)
        .where(and(addressKey === null ? isNull(errorReports.addressKey) : eq(errorReports.addressKey, addressKey), gte(errorReports.createdAt, since)))
        .get()?.n ?? 0;
    const limit = addressKey === null ? reportLimits.unknownAddressesPerHour : reportLimits.perAddressPerHour;
    if (recent >= limit) throw ruleViolation('too_many_reports', 'too many reports from this address in the last hour', { limit });
    const row = tx
      .insert(errorReports)
      .values({ recordType: data.recordType, recordKey: data.recordKey, message: data.message, status: 'open', addressKey, createdAt: nowIso(now) })
      .returning({ id: errorReports.id })
      .get();
    appendAuditEvent(tx, publicActor, { action: 'report.submitted', entityType: 'report', entityId: row.id, data: { after: { recordType: data.recordType, recordKey: data.recordKey, message: data.message } } });
    return row;
  });
}

/** An admin closes an open report with a note (compare-and-set: two admins cannot both close it). */
export function closeErrorReport(db: Db, actor: Actor, input: unknown) {
  requirePermission(actor, 'report.manage');
  const data = validate(closeReportInput, input);
  return writeTransaction(db, (tx) => {
    const report = tx.select({ id: errorReports.id, status: errorReports.status }).from(errorReports).where(eq(errorReports.id, data.reportId)).get();
    if (!report) throw notFound('report');
    const to = requireNextStatus<ErrorReportStatus, ReportStep>(reportTransitions, report.status, 'close', 'report', 'report_already_closed');
    const changed = tx
      .update(errorReports)
      .set({ status: to, closedBy: requireUserId(actor), closedAt: nowIso(), closingNote: data.note })
      .where(and(eq(errorReports.id, report.id), eq(errorReports.status, report.status)))
      .run();
    if (changed.changes !== 1) throw new AppError('stale', 'someone else closed this report first');
    appendAuditEvent(tx, actor, { action: 'report.closed', entityType: 'report', entityId: report.id, data: { from: report.status, to, comment: data.note } });
    return { status: to };
  });
}
