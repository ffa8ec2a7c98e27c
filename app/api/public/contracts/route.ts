import { getDb } from '@/db/client';
import { json, pageBody, readPageParams } from '@/lib/public/api';
import { findPublicContracts } from '@/lib/public/contract-queries';
import { routeHandler } from '@/lib/http/route-handler';

/** GET /api/public/contracts?limit&cursor */
export const GET = routeHandler(function GET(request: Request) {
  const page = readPageParams(new URL(request.url), 'number');
  if (page instanceof Response) return page;
  return json(pageBody(findPublicContracts(getDb(), page)));
});
