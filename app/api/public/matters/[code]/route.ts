import { getCachedPublicMatter } from '@/lib/public/cached';
import { json, notFoundJson } from '@/lib/public/api';
import { routeHandler } from '@/lib/http/route-handler';

export const GET = routeHandler(async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const matter = await getCachedPublicMatter(code);
  return matter ? json(matter) : notFoundJson();
});
