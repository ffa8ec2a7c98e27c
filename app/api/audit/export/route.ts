import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors';
import { auditFilterQuery } from '@/lib/audit/queries';
import { readableAuditEvents, readableColumns } from '@/lib/audit/ledger/export';
import { csvChunks } from '@/lib/csv/write';
import { routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

// The raw columns for machines, then the ledger's reading of each event for people (`locale=en` for English).
const columns = ['seq', 'occurredAt', 'actorId', 'actorName', 'actorRole', 'actorOrg', 'action', 'entityType', 'entityId', 'departmentId', 'data', 'hash', ...readableColumns] as const;

/** The filtered trail as CSV (UTF-8 with BOM, lib/csv/write.ts) or JSON, streamed row by row; auditors and admins only. */
export const GET = routeHandler(async function GET(req: Request) {
  const actor = await getActor();
  if (actor.role === 'public') throw new AppError('unauthenticated', 'sign-in required');
  if (!can(actor, 'audit.read')) throw notFound('audit trail');
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const format = params.format === 'json' ? 'json' : 'csv';
  const rows = readableAuditEvents(getDb(), actor, auditFilterQuery.parse(params), params.locale ?? 'zh-CN');
  const encoder = new TextEncoder();
  const stream =
    format === 'csv'
      ? new ReadableStream<Uint8Array>({
          // Cells through the registry's one CSV writer: an actor's name or an email typed at sign-in that
          // starts like a formula (=HYPERLINK(…)) reaches the auditor's spreadsheet as text. The rows come from
          // the shared connection, so they are read to the end in one pull, a few hundred per piece.
          pull(controller) {
            for (const chunk of csvChunks(rows, columns)) controller.enqueue(encoder.encode(chunk));
            controller.close();
          },
        })
      : new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(encoder.encode('['));
          },
          pull(controller) {
            let first = true;
            for (const row of rows) {
              controller.enqueue(encoder.encode(`${first ? '' : ','}\n${JSON.stringify({ ...row, data: JSON.parse(row.data) })}`));
              first = false;
            }
            controller.enqueue(encoder.encode('\n]\n'));
            controller.close();
          },
        });
  return new Response(stream, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-events.${format}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
});
