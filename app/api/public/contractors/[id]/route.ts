import { getCachedPublicContractor } from '@/lib/public/cached';
import { json, notFoundJson } from '@/lib/public/api';
import { routeHandler } from '@/lib/http/route-handler';

export const GET = routeHandler(async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9][0-9]{0,9}$/.test(id)) return notFoundJson();
  const contractor = await getCachedPublicContractor(Number(id));
  return contractor ? json(contractor) : notFoundJson();
});
