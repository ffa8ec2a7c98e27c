import { getDb } from '@/db/client';
import { badRequest, json, pageBody, readPageParams } from '@/lib/public/api';
import { parseContractorFilter } from '@/lib/public/filters';
import { findPublicContractors } from '@/lib/public/contractor-queries';
import { routeHandler } from '@/lib/http/route-handler';

/** GET /api/public/contractors?q&kind&limit&cursor */
export const GET = routeHandler(function GET(request: Request) {
  const url = new URL(request.url);
  const { filter, invalid } = parseContractorFilter(url.searchParams);
  if (invalid.length) return badRequest(`invalid filter: ${invalid.join(', ')}`, invalid);
  const page = readPageParams(url, 'number');
  if (page instanceof Response) return page;
  return json(pageBody(findPublicContractors(getDb(), filter, page)));
});
