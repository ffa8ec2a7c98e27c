import { getDb } from '@/db/client';
import { badRequest, json, pageBody, readPageParams } from '@/lib/public/api';
import { procurementMethods, type ProcurementMethod } from '@/lib/domain/enums';
import { findPublicContracts } from '@/lib/public/contract-queries';
import { routeHandler } from '@/lib/http/route-handler';

const isProcurementMethod = (v: string): v is ProcurementMethod => (procurementMethods as readonly string[]).includes(v);

/** GET /api/public/contracts?limit&cursor&method (method: how the contractor was chosen, e.g. single_source) */
export const GET = routeHandler(function GET(request: Request) {
  const url = new URL(request.url);
  const page = readPageParams(url, 'number');
  if (page instanceof Response) return page;
  const method = url.searchParams.get('method') || undefined;
  if (method !== undefined && !isProcurementMethod(method)) return badRequest(`method must be one of ${procurementMethods.join(', ')}`, ['method']);
  return json(pageBody(findPublicContracts(getDb(), { ...page, method })));
});
