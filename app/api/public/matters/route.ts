import { getDb } from '@/db/client';
import { badRequest, json, pageBody, readPageParams } from '@/lib/public/api';
import { parseMatterFilter } from '@/lib/public/filters';
import { findPublicMatters } from '@/lib/public/matter-queries';
import { routeHandler } from '@/lib/http/route-handler';

/** GET /api/public/matters?q&department&category&contractorKind&status&limit&cursor */
export const GET = routeHandler(function GET(request: Request) {
  const url = new URL(request.url);
  const { filter, invalid } = parseMatterFilter(url.searchParams);
  if (invalid.length) return badRequest(`invalid filter: ${invalid.join(', ')}`, invalid);
  const page = readPageParams(url, 'string');
  if (page instanceof Response) return page;
  return json(pageBody(findPublicMatters(getDb(), filter, page)));
});
