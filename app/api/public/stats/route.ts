import { getCachedPublicStats } from '@/lib/public/cached';
import { json } from '@/lib/public/api';
import { routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

export const GET = routeHandler(async function GET() {
  return json(await getCachedPublicStats());
});
