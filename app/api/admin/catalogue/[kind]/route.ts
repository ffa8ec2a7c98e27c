import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors';
import { catalogueKinds } from '@/lib/catalogue/columns';
import { exportCatalogueCsv } from '@/lib/catalogue/export';
import { routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

/** The catalogue as CSV with a BOM, for administrators: the same columns the import reads. */
export const GET = routeHandler(async function GET(_req: Request, ctx: { params: Promise<{ kind: string }> }) {
  const actor = await getActor();
  if (actor.role === 'public') throw new AppError('unauthenticated', 'sign-in required');
  const { kind } = await ctx.params;
  const known = catalogueKinds.find((k) => k === kind);
  if (!known || !can(actor, 'catalogue.import')) throw notFound('catalogue');
  return new Response(exportCatalogueCsv(getDb(), actor, known), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${known}.csv"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
});
