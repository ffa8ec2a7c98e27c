import { routeHandler } from '@/lib/http/route-handler';
import { json, notFoundJson } from '@/lib/public/api';
import { extensionFile } from '@/lib/ocds/extension';

export const dynamic = 'force-dynamic';

/** GET /api/public/ocds/extension/extension.json and …/release-schema.json: the registry's OCDS extension. */
export const GET = routeHandler(async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const body = extensionFile(file);
  return body ? json(body) : notFoundJson();
});
