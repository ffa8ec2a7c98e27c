import { getCachedPublicContract } from '@/lib/public/cached';
import { json, notFoundJson } from '@/lib/public/api';
import { routeHandler } from '@/lib/http/route-handler';

export const GET = routeHandler(async function GET(_request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const contract = await getCachedPublicContract(reference);
  return contract ? json(contract) : notFoundJson();
});
