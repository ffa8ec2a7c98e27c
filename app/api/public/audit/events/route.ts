import { getDb } from '@/db/client';
import { leafPage, leafQuery } from '@/lib/audit/leaf';
import { routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

/** Public and read only: the chain, event by event; published events with content, the rest by hash. */
export const GET = routeHandler(function GET(req: Request) {
  const query = leafQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(leafPage(getDb().$client, query), { headers: { 'Cache-Control': 'public, max-age=60' } });
});
