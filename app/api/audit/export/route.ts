import { stringify } from 'csv-stringify';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { auditFilterQuery, iterateAuditEvents } from '@/lib/audit/queries';
import { routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

const columns = ['seq', 'occurredAt', 'actorId', 'actorName', 'actorRole', 'actorOrg', 'action', 'entityType', 'entityId', 'departmentId', 'data', 'hash'] as const;

/** The filtered trail as CSV (UTF-8 with BOM) or JSON, streamed row by row; auditors and admins only. */
export const GET = routeHandler(async function GET(req: Request) {
  const actor = await getActor();
  if (actor.role === 'public') return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(actor, 'audit.read')) return Response.json({ error: 'not_found' }, { status: 404 });
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const format = params.format === 'json' ? 'json' : 'csv';
  const rows = iterateAuditEvents(getDb(), actor, auditFilterQuery.parse(params));
  const encoder = new TextEncoder();
  const stream =
    format === 'csv'
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(encoder.encode('\uFEFF'));
          },
          async pull(controller) {
            const csv = stringify({ header: true, columns: [...columns] });
            csv.on('data', (chunk: string) => controller.enqueue(encoder.encode(chunk)));
            await new Promise<void>((resolve, reject) => {
              csv.on('end', resolve);
              csv.on('error', reject);
              for (const row of rows) csv.write(row);
              csv.end();
            });
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
